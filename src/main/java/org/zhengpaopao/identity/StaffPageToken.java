package org.zhengpaopao.identity;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The synchronizer token that lets our own staff pages (the window, {@code /window/}) change something through
 * {@code /api} with the webapp login instead of HTTP Basic. One per session, minted on the first read of
 * {@code /api/session}; a change must echo it in {@link #HEADER}. Another site can make the browser send the cookie
 * but cannot read the token (no CORS), so a forged post is refused as before.
 */
final class StaffPageToken {

	static final String HEADER = "X-Staff-Token";
	private static final String ATTRIBUTE = StaffPageToken.class.getName();
	private static final SecureRandom RANDOM = new SecureRandom();

	private StaffPageToken() {
	}

	/** The session's token, minted on first use. */
	static String of(HttpSession session) {
		synchronized (session) {
			Object token = session.getAttribute(ATTRIBUTE);
			if (token == null) {
				byte[] bytes = new byte[32];
				RANDOM.nextBytes(bytes);
				token = HexFormat.of().formatHex(bytes);
				session.setAttribute(ATTRIBUTE, token);
			}
			return (String) token;
		}
	}

	/** Whether the request echoes its session's token; a session without one accepts none. */
	static boolean echoed(HttpServletRequest request, HttpSession session) {
		Object expected = session.getAttribute(ATTRIBUTE);
		String sent = request.getHeader(HEADER);
		return expected != null && sent != null && MessageDigest.isEqual(
				expected.toString().getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
	}
}
