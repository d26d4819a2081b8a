package org.zhengpaopao.platform;

import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The simulator's side of the wire: posts an application to the county exactly as the provincial platform does,
 * the body signed with the shared secret ({@link PlatformSignature}) under a fresh nonce, and reads the county's
 * answer, whatever its status.
 */
class SimulatedCounty {

	static final String PATH = "/api/platform/applications";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final Supplier<String> baseUrl;
	private final String appKey;
	private final String secret;
	private final ObjectMapper json;
	private final Clock clock;
	private final RestClient client;

	SimulatedCounty(Supplier<String> baseUrl, String appKey, String secret, ObjectMapper json, Clock clock,
			Duration timeout) {
		this.baseUrl = baseUrl;
		this.appKey = appKey;
		this.secret = secret;
		this.json = json;
		this.clock = clock;
		JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
				HttpClient.newBuilder().connectTimeout(timeout).build());
		requests.setReadTimeout(timeout);
		this.client = RestClient.builder().requestFactory(requests).build();
	}

	/**
	 * @return the county's status and its JSON body (empty when it sent none or none that parses)
	 * @throws RestClientException when the county could not be reached
	 */
	Answer forward(Map<String, Object> application) {
		byte[] body;
		try {
			body = json.writeValueAsBytes(application);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
		String timestamp = Long.toString(clock.millis());
		String nonce = nonce();
		return client.post()
			.uri(baseUrl.get() + PATH)
			.contentType(MediaType.APPLICATION_JSON)
			.accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON)
			.header("X-Platform-AppKey", appKey)
			.header("X-Platform-Timestamp", timestamp)
			.header("X-Platform-Nonce", nonce)
			.header("X-Platform-Signature", PlatformSignature.sign(secret, "POST", PATH, timestamp, nonce, body))
			.body(body)
			.exchange((request, response) -> new Answer(response.getStatusCode(), parse(response.getBody().readAllBytes())));
	}

	/** 24 random bytes in URL-safe Base64: 32 characters of [A-Za-z0-9_-]. */
	static String nonce() {
		byte[] bytes = new byte[24];
		RANDOM.nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private Map<String, Object> parse(byte[] body) {
		try {
			return body.length == 0 ? Map.of() : json.readValue(body, new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		catch (java.io.IOException e) {
			return Map.of();
		}
	}

	/** The county's answer: a case (2xx) or a problem detail. */
	record Answer(HttpStatusCode status, Map<String, Object> body) {

		String text(String field) {
			Object value = body.get(field);
			return value == null ? null : value.toString();
		}
	}
}
