package org.zhengpaopao.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The signature both ways between the county and the provincial service platform (docs/platform.md): Base64 of
 * HMAC-SHA256, keyed with the shared secret, over
 * {@code METHOD \n PATH \n TIMESTAMP \n NONCE \n hex(SHA-256(body))}. The body's hash, not the body, so that a large
 * body signs as cheaply as a small one and the string to sign stays printable; the path without the query (the
 * platform's requests have none).
 */
final class PlatformSignature {

	private PlatformSignature() {
	}

	static String sign(String secret, String method, String path, String timestamp, String nonce, byte[] body) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			String toSign = method.toUpperCase() + "\n" + path + "\n" + timestamp + "\n" + nonce + "\n"
					+ HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body == null ? new byte[0] : body));
			return Base64.getEncoder().encodeToString(mac.doFinal(toSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
		}
	}

	/** In constant time, so that a forger learns nothing from how long a wrong signature took to refuse. */
	static boolean matches(String secret, String method, String path, String timestamp, String nonce, byte[] body,
			String signature) {
		if (signature == null) {
			return false;
		}
		return MessageDigest.isEqual(sign(secret, method, path, timestamp, nonce, body).getBytes(StandardCharsets.UTF_8),
				signature.strip().getBytes(StandardCharsets.UTF_8));
	}
}
