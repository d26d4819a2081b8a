package org.zhengpaopao.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

import org.zhengpaopao.Spellings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/**
 * The bad-input corpus of {@code src/test/resources/bad-input}: turns each endpoint's valid baseline and the
 * payload families into the requests to send, each with what a correct answer is. Pure: it knows nothing of the
 * running application except through the placeholder values it is given.
 */
final class BadInputCorpus {

	static final ObjectMapper JSON = new ObjectMapper();
	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	/** Marks a lone surrogate in a value, since Jackson refuses to write one; replaced by its JSON escape. */
	private static final String LONE_SURROGATE_MARK = "\u0001LONE-SURROGATE\u0001";

	/** Families whose strings are just text: valid in free text and names, stored as sent. */
	static final Set<String> TEXT_FAMILIES = Set.of("sql-injection", "script", "four-byte");

	final JsonNode families;
	final List<JsonNode> endpoints;

	private BadInputCorpus(JsonNode families, List<JsonNode> endpoints) {
		this.families = families;
		this.endpoints = endpoints;
	}

	static BadInputCorpus load() {
		List<JsonNode> endpoints = new ArrayList<>();
		read("endpoints.json").forEach(endpoints::add);
		return new BadInputCorpus(read("families.json"), endpoints);
	}

	private static JsonNode read(String name) {
		try (InputStream in = BadInputCorpus.class.getResourceAsStream("/bad-input/" + name)) {
			return JSON.readTree(in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Valid: answered 2xx (and a text stored as sent); invalid: answered 4xx and nothing stored; either: what the
	 * framework decides (a blank optional query parameter: Spring takes it for "not given" for a choice, as a wrong
	 * format for a number), but never a 5xx, and nothing stored.
	 */
	enum Outcome {
		VALID, INVALID, EITHER
	}

	/**
	 * One request of the corpus.
	 *
	 * @param field         the body field, parameter or header the case is about (null for whole-body cases), named
	 *                      in a 400 answer as {@code reportedAs}
	 * @param status        the exact status expected, when the family fixes it (413, 415), else null
	 * @param storedAs      for a valid text: the value the database must hold afterwards
	 */
	record Case(String endpoint, String name, String method, String path, Map<String, String> headers, byte[] body,
			Outcome outcome, Integer status, String field, String reportedAs, String storedAs) {

		@Override
		public String toString() {
			return name;
		}
	}

	/** A request being built: path and query parameters, headers and a JSON body. */
	private record Request(Map<String, String> pathParams, Map<String, String> queryParams,
			Map<String, String> headers, ObjectNode body) {

		Request copy() {
			return new Request(new LinkedHashMap<>(pathParams), new LinkedHashMap<>(queryParams),
					new LinkedHashMap<>(headers), body == null ? null : body.deepCopy());
		}
	}

	/**
	 * Every case of one endpoint.
	 *
	 * @param placeholders fills in {@code ${…}} in the baseline; called once per case, so that a value such as an
	 *                     idempotency key can differ per case
	 */
	List<Case> cases(JsonNode endpoint, UnaryOperator<String> placeholders) {
		String id = endpoint.get("id").asText();
		String method = endpoint.get("method").asText();
		List<Case> cases = new ArrayList<>();
		String label = method + " " + endpoint.get("path").asText();

		cases.add(build(endpoint, label + " · baseline", baseline(endpoint, placeholders), Outcome.VALID, null, null,
				null, null));

		for (Iterator<Map.Entry<String, JsonNode>> it = fields(endpoint, "fields"); it.hasNext();) {
			Map.Entry<String, JsonNode> field = it.next();
			bodyFieldCases(endpoint, label, field.getKey(), field.getValue(), placeholders, cases);
		}
		for (String location : List.of("pathParams", "queryParams", "headers")) {
			for (Iterator<Map.Entry<String, JsonNode>> it = fields(endpoint, location); it.hasNext();) {
				Map.Entry<String, JsonNode> param = it.next();
				parameterCases(endpoint, label, location, param.getKey(), param.getValue(), placeholders, cases);
			}
		}
		if (endpoint.has("body")) {
			bodyCases(endpoint, label, placeholders, cases);
		}
		else if (method.equals("GET")) {
			Request request = baseline(endpoint, placeholders);
			request.queryParams().put("unknownParameter", "<script>alert(1)</script>");
			cases.add(build(endpoint, label + " · extra query parameter (ignored)", request, Outcome.VALID, null, null,
					null, null));
		}
		return cases;
	}

	private static Iterator<Map.Entry<String, JsonNode>> fields(JsonNode endpoint, String name) {
		return endpoint.has(name) ? endpoint.get(name).fields() : List.<Map.Entry<String, JsonNode>>of().iterator();
	}

	private Request baseline(JsonNode endpoint, UnaryOperator<String> placeholders) {
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, String> query = new LinkedHashMap<>();
		Map<String, String> headers = new LinkedHashMap<>();
		fields(endpoint, "pathParams").forEachRemaining(p -> path.put(p.getKey(), fill(p.getValue().get("value").asText(), placeholders)));
		fields(endpoint, "queryParams").forEachRemaining(p -> query.put(p.getKey(), fill(p.getValue().get("value").asText(), placeholders)));
		fields(endpoint, "headers").forEachRemaining(p -> headers.put(p.getKey(), fill(p.getValue().get("value").asText(), placeholders)));
		ObjectNode body = endpoint.has("body") ? (ObjectNode) fillAll(endpoint.get("body").deepCopy(), placeholders) : null;
		return new Request(path, query, headers, body);
	}

	private static String fill(String value, UnaryOperator<String> placeholders) {
		if (value.startsWith("${") && value.endsWith("}")) {
			return placeholders.apply(value.substring(2, value.length() - 1));
		}
		return value;
	}

	private static JsonNode fillAll(JsonNode node, UnaryOperator<String> placeholders) {
		if (node.isObject()) {
			ObjectNode object = (ObjectNode) node;
			List<String> names = new ArrayList<>();
			object.fieldNames().forEachRemaining(names::add);
			for (String name : names) {
				object.set(name, fillAll(object.get(name), placeholders));
			}
		}
		else if (node.isTextual()) {
			return TextNode.valueOf(fill(node.asText(), placeholders));
		}
		return node;
	}

	// --- body fields

	private void bodyFieldCases(JsonNode endpoint, String label, String field, JsonNode spec,
			UnaryOperator<String> placeholders, List<Case> cases) {
		String kind = spec.get("kind").asText();
		boolean optional = spec.path("optional").asBoolean(false);
		String reportedAs = spec.path("reportedAs").asText(field);
		String prefix = label + " · " + field + " · ";

		for (var family : iterable(families.get("strings").fields())) {
			for (JsonNode payload : family.getValue()) {
				String value = value(payload, spec);
				if (value == null) {
					continue;
				}
				Request request = baseline(endpoint, placeholders);
				Outcome outcome = stringOutcome(kind, optional, family.getKey(), payload.get("name").asText());
				request.body().set(field, kind.equals("codeList") ? NODES.arrayNode().add(mark(value)) : mark(value));
				boolean huge = value.length() >= 1_000_000;
				cases.add(build(endpoint, prefix + family.getKey() + "/" + payload.get("name").asText(), request,
						outcome, huge ? Integer.valueOf(413) : null, field, reportedAs,
						outcome == Outcome.VALID && !kind.equals("codeList") ? value.strip() : null));
			}
		}
		if (spec.path("normalized").asBoolean(false)) {
			// the identifier itself in another spelling: answered as the baseline is
			for (JsonNode spelling : families.get("spellings")) {
				String name = spelling.get("name").asText();
				Request request = baseline(endpoint, placeholders);
				request.body().put(field, Spellings.ALL.get(name).apply(request.body().get(field).asText()));
				cases.add(build(endpoint, prefix + "spelling/" + name, request, Outcome.VALID, null, field, reportedAs,
						null));
			}
		}
		for (JsonNode payload : families.get("wrongTypes").path(wrongTypeKind(kind))) {
			Request request = baseline(endpoint, placeholders);
			request.body().set(field, payload.get("value").deepCopy());
			cases.add(build(endpoint, prefix + "wrong-type/" + payload.get("name").asText(), request, Outcome.INVALID,
					null, field, reportedAs, null));
		}
		Outcome absent = optional ? Outcome.VALID : Outcome.INVALID;
		Request nulled = baseline(endpoint, placeholders);
		nulled.body().putNull(field);
		cases.add(build(endpoint, prefix + "null", nulled, absent, null, field, reportedAs, null));
		if (!spec.path("absent").asBoolean(false)) {
			Request missing = baseline(endpoint, placeholders);
			missing.body().remove(field);
			cases.add(build(endpoint, prefix + "missing", missing, absent, null, field, reportedAs, null));
		}
		if (kind.equals("codeList")) {
			Request empty = baseline(endpoint, placeholders);
			empty.body().set(field, NODES.arrayNode());
			cases.add(build(endpoint, prefix + "empty-list", empty, Outcome.VALID, null, field, reportedAs, null));
		}
	}

	private static String wrongTypeKind(String kind) {
		return switch (kind) {
			case "boolean", "integer", "codeList" -> kind;
			default -> "text";
		};
	}

	/** What a string of a family is, in a body field of a kind. */
	static Outcome stringOutcome(String kind, boolean optional, String family, String payload) {
		boolean text = kind.equals("name") || kind.equals("text") || kind.equals("requiredText");
		if (family.equals("empty")) {
			// an optional name left empty is no name (a report's contact name)
			return kind.equals("text") || (kind.equals("name") && optional) ? Outcome.VALID : Outcome.INVALID;
		}
		if (text && TEXT_FAMILIES.contains(family)) {
			return Outcome.VALID;
		}
		if (family.equals("control-character") && payload.equals("line-break")
				&& (kind.equals("text") || kind.equals("requiredText"))) {
			return Outcome.VALID; // free texts may span lines
		}
		return Outcome.INVALID;
	}

	/** The payload's string, or null when the family does not apply to the field (e.g. a length it cannot reach). */
	private static String value(JsonNode payload, JsonNode spec) {
		if (payload.has("value")) {
			return payload.get("value").asText();
		}
		int times;
		if (payload.get("times").isTextual()) {
			if (!spec.has("maxLength")) {
				return null;
			}
			times = spec.get("maxLength").asInt() / 2; // 4-byte characters take two UTF-16 units each
		}
		else {
			times = payload.get("times").asInt();
		}
		return payload.get("repeat").asText().repeat(times);
	}

	private static JsonNode mark(String value) {
		StringBuilder marked = new StringBuilder();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			boolean paired = Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1));
			if (paired) {
				marked.append(c).append(value.charAt(++i));
			}
			else if (Character.isSurrogate(c)) {
				marked.append(LONE_SURROGATE_MARK).append(String.format("%04x", (int) c)).append(LONE_SURROGATE_MARK);
			}
			else {
				marked.append(c);
			}
		}
		return TextNode.valueOf(marked.toString());
	}

	// --- path variables, query parameters, headers

	private void parameterCases(JsonNode endpoint, String label, String location, String name, JsonNode spec,
			UnaryOperator<String> placeholders, List<Case> cases) {
		String kind = spec.get("kind").asText();
		boolean optional = spec.path("optional").asBoolean(false);
		String prefix = label + " · " + name + " (" + location.replace("Params", "").replace("headers", "header")
				+ ") · ";
		List<String[]> payloads = new ArrayList<>();
		for (var family : iterable(families.get("strings").fields())) {
			for (JsonNode payload : family.getValue()) {
				String value = value(payload, spec);
				if (value != null) {
					payloads.add(new String[] { family.getKey(), payload.get("name").asText(), value });
				}
			}
		}
		if (location.equals("pathParams")) {
			payloads.add(new String[] { "path-traversal", "dot-dot-slash", "../../actuator" });
		}
		if (kind.equals("idempotencyKey")) {
			// the strings above are not ASCII or not long enough for a header's limit
			payloads.add(new String[] { "oversized", "65-ascii", "k".repeat(65) });
			payloads.add(new String[] { "four-byte", "at-max-length-ascii", "k".repeat(64) });
			payloads.add(new String[] { "oversized", "10k-ascii", "k".repeat(10_000) });
		}
		String extra = switch (kind) {
			case "date" -> "dates";
			case "month" -> "months";
			case "integer" -> "integers";
			case "boolean" -> "booleans";
			default -> null;
		};
		if (extra != null) {
			for (JsonNode payload : families.get(extra)) {
				payloads.add(new String[] { kind + "-format", payload.get("name").asText(), payload.get("value").asText() });
			}
		}
		for (String[] payload : payloads) {
			String family = payload[0];
			String value = payload[1].equals("1m-chars") && !location.equals("queryParams") ? null : payload[2];
			if (value == null || location.equals("headers") && !value.chars().allMatch(c -> c >= 0x20 && c < 0x7f)) {
				continue; // HTTP clients refuse control and non-ASCII characters in headers; a 1 MB path is a query's
			}
			Request request = baseline(endpoint, placeholders);
			(switch (location) {
				case "pathParams" -> request.pathParams();
				case "queryParams" -> request.queryParams();
				default -> request.headers();
			}).put(name, value);
			Outcome outcome = parameterOutcome(kind, optional, family, value, spec);
			cases.add(build(endpoint, prefix + family + "/" + payload[1], request, outcome, null, name, name, null));
		}
		if (optional && !location.equals("pathParams")) {
			Request missing = baseline(endpoint, placeholders);
			(location.equals("queryParams") ? missing.queryParams() : missing.headers()).remove(name);
			cases.add(build(endpoint, prefix + "missing", missing, Outcome.VALID, null, name, name, null));
		}
		else if (location.equals("queryParams")) {
			Request missing = baseline(endpoint, placeholders);
			missing.queryParams().remove(name);
			cases.add(build(endpoint, prefix + "missing", missing, Outcome.INVALID, null, name, name, null));
		}
	}

	private static Outcome parameterOutcome(String kind, boolean optional, String family, String value, JsonNode spec) {
		if (family.equals("empty")) {
			// an empty optional parameter counts as not given; so does a blank header (HTTP strips it)
			return !optional ? Outcome.INVALID
					: value.isEmpty() || kind.equals("idempotencyKey") ? Outcome.VALID : Outcome.EITHER;
		}
		if (kind.equals("idempotencyKey")) {
			return value.length() <= spec.get("maxLength").asInt() && value.chars().allMatch(c -> c > 0x20 && c < 0x7f)
					? Outcome.VALID : Outcome.INVALID;
		}
		if (kind.equals("search")) {
			// what a clerk types to find a name: any text of one line, within the limit, finds something or nothing
			return TEXT_FAMILIES.contains(family) && value.length() <= spec.get("maxLength").asInt() ? Outcome.VALID
					: Outcome.INVALID;
		}
		if (kind.equals("integer") && family.equals("integer-format")) {
			try {
				// as Spring reads numbers: 0x… is hexadecimal
				long number = value.startsWith("0x") ? Long.decode(value) : Long.parseLong(value);
				return number >= spec.get("min").asLong() && number <= spec.get("max").asLong() ? Outcome.VALID
						: Outcome.INVALID;
			}
			catch (NumberFormatException e) {
				return Outcome.INVALID;
			}
		}
		return Outcome.INVALID;
	}

	// --- the whole body

	private void bodyCases(JsonNode endpoint, String label, UnaryOperator<String> placeholders, List<Case> cases) {
		String prefix = label + " · body · ";
		for (JsonNode shape : families.get("bodies")) {
			Request request = baseline(endpoint, placeholders);
			byte[] body = damaged(shape, serialize(request.body()));
			int status = shape.path("bytes").asInt(0) > 0 ? 413 : 400;
			cases.add(new Case(endpoint.get("id").asText(), prefix + shape.get("name").asText(),
					endpoint.get("method").asText(), path(endpoint, request), headers(request, "application/json"), body,
					Outcome.INVALID, status, null, null, null));
		}
		for (JsonNode type : families.get("contentTypes")) {
			if (endpoint.path("multipart").asBoolean(false) && type.get("name").asText().equals("multipart")) {
				continue; // the address also takes an upload: tested with its own files
			}
			Request request = baseline(endpoint, placeholders);
			cases.add(new Case(endpoint.get("id").asText(), prefix + "content-type/" + type.get("name").asText(),
					endpoint.get("method").asText(), path(endpoint, request),
					headers(request, type.get("value").isNull() ? null : type.get("value").asText()),
					serialize(request.body()), Outcome.INVALID, 415, null, null, null));
		}
		for (JsonNode extra : families.get("extraFields")) {
			Request request = baseline(endpoint, placeholders);
			String field = extra.get("field").asText();
			if (request.body().has(field)) {
				continue;
			}
			request.body().set(field, extra.get("value").deepCopy());
			cases.add(build(endpoint, prefix + "extra-field/" + extra.get("name").asText(), request, Outcome.INVALID, 400,
					field, field, null));
		}
	}

	private static byte[] damaged(JsonNode shape, byte[] baseline) {
		if (shape.has("raw")) {
			return shape.get("raw").asText().getBytes(StandardCharsets.UTF_8);
		}
		String json = new String(baseline, StandardCharsets.UTF_8);
		String first = json.substring(1, json.indexOf(':') + 1); // "firstField":
		return switch (shape.get("shape").asText()) {
			case "truncated" -> json.substring(0, json.length() / 2).getBytes(StandardCharsets.UTF_8);
			case "baseline" -> (shape.path("prefix").asText("") + json + shape.path("suffix").asText(""))
				.getBytes(StandardCharsets.UTF_8);
			case "twice" -> (json + json).getBytes(StandardCharsets.UTF_8);
			case "inArray" -> ("[" + json + "]").getBytes(StandardCharsets.UTF_8);
			case "nested" -> ("[".repeat(shape.get("depth").asInt()) + "]".repeat(shape.get("depth").asInt()))
				.getBytes(StandardCharsets.UTF_8);
			case "nestedField" -> ("{" + first + "{\"a\":".repeat(shape.get("depth").asInt()) + "1"
					+ "}".repeat(shape.get("depth").asInt()) + "," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
			case "duplicateFirstField" -> ("{" + first + "\"另一个值\"," + json.substring(1)).getBytes(StandardCharsets.UTF_8);
			case "singleQuotes" -> json.replace('"', '\'').getBytes(StandardCharsets.UTF_8);
			case "invalidUtf8" -> {
				// a byte that never starts a UTF-8 sequence, inside the first string value
				ByteArrayOutputStream bytes = new ByteArrayOutputStream();
				int cut = json.indexOf(":\"") + 2;
				bytes.writeBytes(json.substring(0, cut).getBytes(StandardCharsets.UTF_8));
				bytes.write(0xff);
				bytes.writeBytes(json.substring(cut).getBytes(StandardCharsets.UTF_8));
				yield bytes.toByteArray();
			}
			case "padded" -> ("{\"padding\":\"" + "x".repeat(shape.get("bytes").asInt()) + "\"," + json.substring(1))
				.getBytes(StandardCharsets.UTF_8);
			default -> throw new IllegalArgumentException("unknown body shape " + shape);
		};
	}

	// --- assembling a request

	private Case build(JsonNode endpoint, String name, Request request, Outcome outcome, Integer status, String field,
			String reportedAs, String storedAs) {
		return new Case(endpoint.get("id").asText(), name, endpoint.get("method").asText(), path(endpoint, request),
				headers(request, request.body() == null ? null : "application/json"),
				request.body() == null ? null : serialize(request.body()), outcome, status, field, reportedAs, storedAs);
	}

	private static Map<String, String> headers(Request request, String contentType) {
		Map<String, String> headers = new LinkedHashMap<>(request.headers());
		headers.values().removeIf(String::isEmpty);
		if (contentType != null) {
			headers.put("Content-Type", contentType);
		}
		return headers;
	}

	private static String path(JsonNode endpoint, Request request) {
		String path = endpoint.get("path").asText();
		for (var param : request.pathParams().entrySet()) {
			path = path.replace("{" + param.getKey() + "}", encode(param.getValue()));
		}
		StringBuilder query = new StringBuilder();
		for (var param : request.queryParams().entrySet()) {
			query.append(query.isEmpty() ? "?" : "&").append(param.getKey()).append('=').append(encode(param.getValue()));
		}
		return path + query;
	}

	/**
	 * Percent-encodes UTF-8 as a browser does; a lone surrogate, which has no UTF-8 form, becomes the three bytes
	 * a careless client sends for it (CESU-8), so that it reaches the server as invalid UTF-8.
	 */
	static String encode(String value) {
		StringBuilder encoded = new StringBuilder();
		value.codePoints().forEach(cp -> {
			byte[] bytes;
			if (cp >= 0xd800 && cp <= 0xdfff) {
				bytes = new byte[] { (byte) (0xe0 | (cp >> 12)), (byte) (0x80 | ((cp >> 6) & 0x3f)),
						(byte) (0x80 | (cp & 0x3f)) };
			}
			else if ((cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9') || cp == '-'
					|| cp == '_' || cp == '.' || cp == '~') {
				encoded.append((char) cp);
				return;
			}
			else {
				bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
			}
			for (byte b : bytes) {
				encoded.append('%').append(String.format("%02X", b & 0xff));
			}
		});
		return encoded.toString();
	}

	static byte[] serialize(ObjectNode body) {
		try {
			String json = JSON.writeValueAsString(body);
			// put back the lone surrogates as the JSON escapes a client would send
			StringBuilder out = new StringBuilder();
			int from = 0;
			for (int at; (at = json.indexOf(escapedMark(), from)) >= 0;) {
				int end = json.indexOf(escapedMark(), at + escapedMark().length());
				out.append(json, from, at).append("\\u").append(json, at + escapedMark().length(), end);
				from = end + escapedMark().length();
			}
			out.append(json.substring(from));
			return out.toString().getBytes(StandardCharsets.UTF_8);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static String escapedMark() {
		return LONE_SURROGATE_MARK.replace("\u0001", "\\u0001");
	}

	private static <T> Iterable<T> iterable(Iterator<T> iterator) {
		return () -> iterator;
	}
}
