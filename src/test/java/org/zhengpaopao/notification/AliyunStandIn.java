package org.zhengpaopao.notification;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** Reads what reached a stand-in Alibaba Cloud SMS endpoint (WireMock) and checks its signature independently. */
public final class AliyunStandIn {

	private AliyunStandIn() {
	}

	/** The form parameters of a {@code SendSms} POST, decoded. */
	public static Map<String, String> form(LoggedRequest request) {
		Map<String, String> form = new TreeMap<>();
		for (String pair : request.getBodyAsString().split("&")) {
			String[] nameValue = pair.split("=", 2);
			form.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
					URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
		}
		return form;
	}

	/** The provider's documented procedure, written out again here: sorted, RFC 3986-encoded, HMAC-SHA1. */
	public static String expectedSignature(String method, Map<String, String> parameters, String secret) throws Exception {
		StringJoiner query = new StringJoiner("&");
		new TreeMap<>(parameters).forEach((name, value) -> {
			if (!name.equals("Signature")) {
				query.add(rfc3986(name) + "=" + rfc3986(value));
			}
		});
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
		return Base64.getEncoder()
			.encodeToString(mac.doFinal((method + "&%2F&" + rfc3986(query.toString())).getBytes(StandardCharsets.UTF_8)));
	}

	public static String rfc3986(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
	}
}
