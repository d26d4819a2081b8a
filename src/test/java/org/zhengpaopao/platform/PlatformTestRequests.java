package org.zhengpaopao.platform;

import java.util.UUID;

import org.springframework.http.HttpHeaders;

/** The platform's four signature headers, for tests outside this package (the authorization matrix). */
public final class PlatformTestRequests {

	private PlatformTestRequests() {
	}

	/** Signed at {@code millis} with a fresh nonce. */
	public static HttpHeaders signed(String appKey, String secret, long millis, String method, String path,
			byte[] body) {
		String timestamp = Long.toString(millis);
		String nonce = UUID.randomUUID().toString().replace("-", "");
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Platform-AppKey", appKey);
		headers.set("X-Platform-Timestamp", timestamp);
		headers.set("X-Platform-Nonce", nonce);
		headers.set("X-Platform-Signature", PlatformSignature.sign(secret, method, path, timestamp, nonce, body));
		return headers;
	}
}
