package org.zhengpaopao.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The keys of a login attempt's three counts (address, account, account on address). The account is counted stripped and in lower case, as a case-insensitive database may
 * compare it ("Admin", "admin " and "admin" are one count: merging only makes it stricter); what does not fit the
 * column, or cannot be a user id, is stored as its SHA-256, so that a password typed into the user name field is
 * not kept readable.
 */
record LoginSubjects(String address, String account, String pair) {

	private static final int MAX_SUBJECT = 64;
	/** What Camunda takes for a user id here (generalResourceWhitelistPattern), lower case. */
	static final Pattern USER_ID = Pattern.compile("[a-z0-9-]{1,64}");

	static LoginSubjects of(String account, String address) {
		String client = address == null || address.isBlank() ? "unknown" : address.strip();
		client = client.length() > MAX_SUBJECT ? client.substring(0, MAX_SUBJECT) : client;
		String typed = account == null ? "" : account.strip().toLowerCase(Locale.ROOT);
		String key = USER_ID.matcher(typed).matches() ? typed : sha256(typed);
		String pair = key + "@" + client;
		return new LoginSubjects(client, key, pair.length() > MAX_SUBJECT ? sha256(pair) : pair);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
