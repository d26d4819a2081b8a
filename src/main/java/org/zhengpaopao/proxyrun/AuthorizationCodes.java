package org.zhengpaopao.proxyrun;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.notification.OneTimeCodes;
import org.zhengpaopao.notification.SmsTemplate;

/**
 * The applicant's one-time authorization codes, minted when the outbox sends the text message (one per attempt):
 * the run keeps the code's salted SHA-256 only, and the code lives nowhere but in the message on its way to the
 * gateway (docs/adr/0005-one-time-codes.md).
 */
@Component
class AuthorizationCodes implements OneTimeCodes {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final ProxyRunRepository runs;
	private final Clock clock;

	AuthorizationCodes(ProxyRunRepository runs, Clock clock) {
		this.runs = runs;
		this.clock = clock;
	}

	@Override
	public boolean mints(SmsTemplate template) {
		return template == SmsTemplate.AUTHORIZATION_CODE;
	}

	/** Committed before the code is handed on, so that the applicant never holds a code the run does not know. */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<String> mint(String caseNo) {
		Optional<ProxyRun> found = runs.findForUpdateByCaseNo(caseNo);
		if (found.isEmpty() || !found.get().awaitsAuthorizationCode(clock.instant())) {
			return Optional.empty();
		}
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		String salt = HexFormat.of().formatHex(randomBytes());
		found.get().newAuthorizationCode(hash(salt, caseNo, code), salt);
		return Optional.of(code);
	}

	private static byte[] randomBytes() {
		byte[] salt = new byte[16];
		RANDOM.nextBytes(salt);
		return salt;
	}

	/**
	 * Six digits are quickly guessed from a leaked hash whatever the salt; the salt keeps one table of all codes
	 * from serving every run, and the five tries and the short validity guard the code itself.
	 *
	 * @param salt {@code null} for a code issued before salts (its hash covers the case number and the code)
	 */
	static String hash(String salt, String caseNo, String code) {
		try {
			String input = (salt == null ? "" : salt + ":") + caseNo + ":" + code;
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Compared in constant time, so that the answer's timing tells nothing about how much of a guess was right. */
	static boolean matches(String storedHash, String salt, String caseNo, String code) {
		return storedHash != null && MessageDigest.isEqual(storedHash.getBytes(StandardCharsets.US_ASCII),
				hash(salt, caseNo, code).getBytes(StandardCharsets.US_ASCII));
	}
}
