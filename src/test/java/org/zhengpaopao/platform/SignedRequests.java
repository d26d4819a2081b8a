package org.zhengpaopao.platform;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import java.util.function.Consumer;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Requests as the platform sends them: signed with the demo profile's key and secret at the application's clock, a
 * fresh nonce each; {@code tamper} changes the headers after signing.
 */
record SignedRequests(TestRestTemplate http, Clock clock, String appKey, String secret) {

	static final String APPLICATIONS = "/api/platform/applications";

	<T> ResponseEntity<T> post(String json, Class<T> answer) {
		return send(HttpMethod.POST, APPLICATIONS, json, answer, headers -> {
		});
	}

	<T> ResponseEntity<T> post(String json, Class<T> answer, Consumer<HttpHeaders> tamper) {
		return send(HttpMethod.POST, APPLICATIONS, json, answer, tamper);
	}

	<T> ResponseEntity<T> get(String path, Class<T> answer) {
		return send(HttpMethod.GET, path, "", answer, headers -> {
		});
	}

	<T> ResponseEntity<T> send(HttpMethod method, String path, String json, Class<T> answer,
			Consumer<HttpHeaders> tamper) {
		byte[] body = json.getBytes(StandardCharsets.UTF_8);
		HttpHeaders headers = signed(method, path, body, secret);
		if (!json.isEmpty()) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		tamper.accept(headers);
		return http.exchange(path, method, new HttpEntity<>(json.isEmpty() ? null : body, headers), answer);
	}

	HttpHeaders signed(HttpMethod method, String path, byte[] body, String withSecret) {
		String timestamp = Long.toString(clock.millis());
		String nonce = UUID.randomUUID().toString().replace("-", "");
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Platform-AppKey", appKey);
		headers.set("X-Platform-Timestamp", timestamp);
		headers.set("X-Platform-Nonce", nonce);
		headers.set("X-Platform-Signature",
				PlatformSignature.sign(withSecret, method.name(), path, timestamp, nonce, body));
		return headers;
	}
}
