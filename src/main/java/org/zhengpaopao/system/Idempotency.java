package org.zhengpaopao.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Collectors;

/**
 * The window's {@code Idempotency-Key}: a request sent again with the same key (a double click, a retry after a
 * lost answer) gets the first answer instead of a second case; the same key with another request is a conflict,
 * told apart by a fingerprint of the request.
 */
public final class Idempotency {

	public static final String HEADER = "Idempotency-Key";
	static final int MAX_LENGTH = 64;

	private Idempotency() {
	}

	/** @return the key, or null when none was sent */
	public static String key(String raw) {
		if (raw == null || raw.isBlank()) {
			return null;
		}
		String key = raw.strip();
		if (key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c > 32 && c < 127)) {
			throw new InvalidInputException(HEADER, "幂等键为不超过64个可见ASCII字符", "at most 64 visible ASCII characters");
		}
		return key;
	}

	/** SHA-256 of the request's fields as sent, in a fixed order. */
	public static String fingerprint(Object... fields) {
		String canonical = Arrays.stream(fields).map(String::valueOf).collect(Collectors.joining("\u0001"));
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
