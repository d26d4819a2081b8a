package org.zhengpaopao.notification;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud's RPC request signature, version 1.0 (HMAC-SHA1), as its SMS documentation describes it: the
 * parameters sorted and percent-encoded (RFC 3986), {@code StringToSign = method & %2F & encoded(query)}, signed with
 * the AccessKey secret followed by {@code &}.
 */
final class AliyunSignature {

	private AliyunSignature() {
	}

	/** The canonicalized query string: every parameter but {@code Signature}, sorted by name, encoded. */
	static String canonicalQuery(Map<String, String> parameters) {
		StringJoiner query = new StringJoiner("&");
		new TreeMap<>(parameters).forEach((name, value) -> {
			if (!"Signature".equals(name)) {
				query.add(percentEncode(name) + "=" + percentEncode(value));
			}
		});
		return query.toString();
	}

	static String sign(String method, Map<String, String> parameters, String accessKeySecret) {
		String stringToSign = method + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
		try {
			Mac mac = Mac.getInstance("HmacSHA1");
			mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
			return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
		}
	}

	/** RFC 3986: the form encoding with a space as %20, {@code *} encoded and {@code ~} not. */
	static String percentEncode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8)
			.replace("+", "%20")
			.replace("*", "%2A")
			.replace("%7E", "~");
	}
}
