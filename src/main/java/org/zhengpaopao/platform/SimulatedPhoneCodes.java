package org.zhengpaopao.platform;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.OneTimeCodes;
import org.zhengpaopao.notification.SmsMessage;
import org.zhengpaopao.notification.SmsTemplate;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.system.InvalidInputException;

/**
 * The platform simulator's phone confirmation (demo profile only): a six-digit code by text message, through the
 * outbox, minted when the message goes out (docs/adr/0005-one-time-codes.md) and kept as a salted SHA-256 only.
 * A code is valid for five minutes and five tries; a phone gets at most five codes an hour. The right code opens a
 * session of thirty minutes, named by a random token of which the table keeps only the hash.
 */
@Component
@ConditionalOnProperty(name = "zhengpaopao.platform.simulator.enabled", havingValue = "true")
class SimulatedPhoneCodes implements OneTimeCodes {

	static final Duration CODE_VALIDITY = Duration.ofMinutes(5);
	static final int MAX_ATTEMPTS = 5;
	static final int MAX_SENDS_PER_HOUR = 5;
	static final Duration SESSION = Duration.ofMinutes(30);

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;
	private final Notifier notifier;
	private final Clock clock;

	SimulatedPhoneCodes(JdbcClient jdbc, Notifier notifier, Clock clock) {
		this.jdbc = jdbc;
		this.notifier = notifier;
		this.clock = clock;
	}

	/**
	 * Stores a request for a code and the text message that will carry it (the code is minted when it goes out).
	 *
	 * @return the request's reference, which the page sends back with the code
	 */
	@Transactional
	public String request(String rawPhone) {
		String phone = PhoneNumber.parse(rawPhone, "phone");
		Instant now = clock.instant();
		long lastHour = jdbc.sql("select count(*) from zpp_platform_sim_verification where phone = :phone and requested_at > :since")
			.param("phone", phone)
			.param("since", Timestamp.from(now.minus(Duration.ofHours(1))))
			.query(Long.class)
			.single();
		if (lastHour >= MAX_SENDS_PER_HOUR) {
			throw SimulatorProblems.tooMany("该手机号一小时内获取验证码次数过多，请稍后再试",
					"too many codes for this phone within an hour; try again later", Duration.ofHours(1));
		}
		String reference = "PV-" + HexFormat.of().formatHex(randomBytes(8));
		jdbc.sql("insert into zpp_platform_sim_verification (reference, phone, requested_at, attempts) "
				+ "values (:reference, :phone, :now, 0)")
			.param("reference", reference)
			.param("phone", phone)
			.param("now", Timestamp.from(now))
			.update();
		notifier.send(new SmsMessage(phone, SmsTemplate.PLATFORM_LOGIN_CODE, reference, Map.of()));
		return reference;
	}

	@Override
	public boolean mints(SmsTemplate template) {
		return template == SmsTemplate.PLATFORM_LOGIN_CODE;
	}

	/** Committed before the code goes to the gateway; an earlier code of the same request is void, its tries anew. */
	@Override
	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public Optional<String> mint(String reference) {
		Optional<Row> row = find(reference, true);
		if (row.isEmpty() || row.get().confirmedAt() != null) {
			return Optional.empty();
		}
		String code = String.format("%06d", RANDOM.nextInt(1_000_000));
		String salt = HexFormat.of().formatHex(randomBytes(16));
		jdbc.sql("update zpp_platform_sim_verification set code_hash = :hash, code_salt = :salt, "
				+ "code_expires_at = :expires, attempts = 0 where id = :id")
			.param("hash", hash(salt, reference, code))
			.param("salt", salt)
			.param("expires", Timestamp.from(clock.instant().plus(CODE_VALIDITY)))
			.param("id", row.get().id())
			.update();
		return Optional.of(code);
	}

	/**
	 * Checks the code the applicant typed; a wrong one counts a try (committed, whatever the answer).
	 *
	 * @return the session token: the phone is confirmed for {@link #SESSION}
	 */
	@Transactional(noRollbackFor = InvalidInputException.class)
	public String confirm(String reference, String code) {
		Instant now = clock.instant();
		Row row = (reference == null || reference.length() > 32 ? Optional.<Row>empty() : find(reference, true))
			.orElseThrow(() -> new InvalidInputException("code", "请先获取验证码", "ask for a code first"));
		if (row.confirmedAt() != null || row.codeHash() == null) {
			throw new InvalidInputException("code", "请重新获取验证码", "ask for a new code");
		}
		if (row.attempts() >= MAX_ATTEMPTS) {
			throw SimulatorProblems.tooMany("验证码错误次数过多，请重新获取验证码",
					"too many wrong codes; ask for a new one", Duration.ofMinutes(1));
		}
		if (!row.codeExpiresAt().isAfter(now)) {
			throw new InvalidInputException("code", "验证码已过期，请重新获取", "the code has expired; ask for a new one");
		}
		String typed = code == null ? "" : code.strip();
		if (!MessageDigest.isEqual(row.codeHash().getBytes(StandardCharsets.US_ASCII),
				hash(row.codeSalt(), reference, typed).getBytes(StandardCharsets.US_ASCII))) {
			jdbc.sql("update zpp_platform_sim_verification set attempts = attempts + 1 where id = :id")
				.param("id", row.id())
				.update();
			int left = MAX_ATTEMPTS - row.attempts() - 1;
			throw new InvalidInputException("code", left > 0 ? "验证码不正确，还可再试" + left + "次" : "验证码不正确，请重新获取验证码",
					"wrong code, " + left + " tries left");
		}
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(24));
		jdbc.sql("update zpp_platform_sim_verification set confirmed_at = :now, session_token_hash = :token, "
				+ "code_hash = null where id = :id")
			.param("now", Timestamp.from(now))
			.param("token", tokenHash(token))
			.param("id", row.id())
			.update();
		return token;
	}

	/** The confirmed phone a session token stands for, while the session lasts. */
	@Transactional(readOnly = true)
	public Optional<Confirmed> session(String token) {
		if (token == null || token.isBlank() || token.length() > 64) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		return jdbc.sql("select id, phone, confirmed_at from zpp_platform_sim_verification where session_token_hash = :token")
			.param("token", tokenHash(token.strip()))
			.query((rs, n) -> new Confirmed(rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant()))
			.optional()
			.filter(confirmed -> confirmed.confirmedAt().plus(SESSION).isAfter(now));
	}

	/** A phone confirmed with a code: the verification's id and the phone. */
	record Confirmed(long id, String phone, Instant confirmedAt) {
	}

	private Optional<Row> find(String reference, boolean forUpdate) {
		return jdbc.sql("select id, code_hash, code_salt, code_expires_at, attempts, confirmed_at "
				+ "from zpp_platform_sim_verification where reference = :reference" + (forUpdate ? " for update" : ""))
			.param("reference", reference)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), instant(rs.getTimestamp(4)),
					rs.getInt(5), instant(rs.getTimestamp(6))))
			.optional();
	}

	private record Row(long id, String codeHash, String codeSalt, Instant codeExpiresAt, int attempts,
			Instant confirmedAt) {
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}

	private static byte[] randomBytes(int length) {
		byte[] bytes = new byte[length];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static String hash(String salt, String reference, String code) {
		return sha256(salt + ":" + reference + ":" + code);
	}

	private static String tokenHash(String token) {
		return sha256(token);
	}

	private static String sha256(String input) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
