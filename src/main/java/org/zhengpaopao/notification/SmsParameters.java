package org.zhengpaopao.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A text message's template parameters as the outbox stores them: a JSON object of strings. */
final class SmsParameters {

	private static final ObjectMapper JSON = new ObjectMapper();

	private SmsParameters() {
	}

	static String toJson(Map<String, String> parameters) {
		try {
			return JSON.writeValueAsString(parameters);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Map<String, String> fromJson(String json) {
		try {
			return JSON.readValue(json, new TypeReference<Map<String, String>>() {
			});
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
