package org.zhengpaopao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Our Chinese locale of each Camunda webapp against the English one that the Camunda version on the classpath
 * ships: the same keys (so that an upgrade adding keys fails here, loudly), the same placeholders, and Chinese.
 */
class LocaleFilesTests {

	static final String WEBJAR = "META-INF/resources/webjars/camunda/app/";
	static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}|%[sd]");
	static final ObjectMapper JSON = new ObjectMapper();

	static JsonNode read(String path) throws IOException {
		try (InputStream in = LocaleFilesTests.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as(path).isNotNull();
			byte[] bytes = in.readAllBytes();
			int bom = bytes.length > 2 && bytes[0] == (byte) 0xEF ? 3 : 0;
			return JSON.readTree(new String(bytes, bom, bytes.length - bom, java.nio.charset.StandardCharsets.UTF_8));
		}
	}

	static void flatten(String prefix, JsonNode node, Map<String, String> into) {
		if (node.isObject()) {
			for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext();) {
				var field = fields.next();
				flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), into);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				flatten(prefix + "[" + i + "]", node.get(i), into);
			}
		}
		else {
			into.put(prefix, node.asText());
		}
	}

	static Map<String, String> flat(String path) throws IOException {
		Map<String, String> values = new java.util.TreeMap<>();
		flatten("", read(path), values);
		return values;
	}

	static List<String> placeholders(String text) {
		List<String> found = new ArrayList<>();
		Matcher matcher = PLACEHOLDER.matcher(text);
		while (matcher.find()) {
			found.add(matcher.group().replace(" ", ""));
		}
		found.sort(null);
		return found;
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void shouldTranslateEveryKeyOfTheShippedEnglishLocale(String app) throws IOException {
		Map<String, String> english = flat(WEBJAR + app + "/locales/en.json");
		Map<String, String> chinese = flat(WEBJAR + app + "/locales/zh.json");

		assertThat(new TreeSet<>(chinese.keySet())).as("keys of %s/locales/zh.json", app)
			.containsExactlyElementsOf(new TreeSet<>(english.keySet()));
		english.forEach((key, text) -> assertThat(placeholders(chinese.get(key))).as("placeholders of %s", key)
			.isEqualTo(placeholders(text)));
		long chineseValues = chinese.values().stream().filter(v -> v.codePoints().anyMatch(c -> c >= 0x4E00 && c <= 0x9FFF)).count();
		assertThat(chineseValues).as("values in Chinese").isGreaterThan(english.size() * 8L / 10);
	}

	@ParameterizedTest
	@ValueSource(strings = { "tasklist", "cockpit", "admin", "welcome" })
	void shouldOfferChineseFirstAndEnglishToo(String app) throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(WEBJAR + app + "/scripts/config.js")) {
			String config = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(config).contains("availableLocales: ['zh', 'en']", "fallbackLocale: 'zh'");
		}
	}
}
