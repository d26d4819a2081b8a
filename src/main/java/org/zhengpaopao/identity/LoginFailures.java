package org.zhengpaopao.identity;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Failed staff logins, counted per client address (all accounts), per account (all addresses) and per account on one
 * address, and the wait they impose on the next attempt. Replaces Camunda's own per-user lock, which a stranger could
 * set off for any account (see docs/adr/0002-login-throttle.md): here a guesser slows down only the addresses it
 * guesses from, and an address without failures always has its password checked.
 * <ul>
 * <li>After {@code free} failures of an address, or of an account on an address, each further attempt waits
 * {@code first-delay}, doubled with every further failure, at most {@code max-delay}, counted from the last failure.
 * <li>An account that failed often across addresses is under attack: its pairs then get fewer free failures, so that
 * guessing from many addresses costs a wait after each address's first failure.
 * <li>A success deletes the pair's count only: an address's and an account's failures stay until they are forgotten
 * ({@code forget-after} without a failure), so that one good login cannot wash out guessing.
 * </ul>
 * The counts share {@code zpp_public_attempt} with the public pages' lock-out ({@code system.PublicAttempts}), under
 * kinds of their own: all nodes of the cluster see the same counts. There, {@code attempts} is the count of failures,
 * {@code window_started_at} the last failure and {@code locked_until} a claim (below).
 * <p>
 * Only failures are written, so a normal login costs one read. Once a count is in its delayed range, an attempt first
 * claims the row with one conditional update, so that a burst of parallel guesses after a wait gets one check, not
 * one per connection; the claim is given back on success and becomes the failure otherwise.
 */
@Component
@EnableConfigurationProperties(LoginGuardProperties.class)
class LoginFailures {

	private static final Logger log = LoggerFactory.getLogger(LoginFailures.class);

	static final String ADDRESS = "LOGIN_ADDRESS";
	static final String ACCOUNT = "LOGIN_ACCOUNT";
	static final String PAIR = "LOGIN_PAIR";


	private final JdbcClient jdbc;
	private final Clock clock;
	private final LoginGuardProperties settings;

	LoginFailures(JdbcClient jdbc, Clock clock, LoginGuardProperties settings) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.settings = settings;
	}

	/**
	 * Whether {@code account} may try a password from {@code address} now. Read-only unless a count is in its delayed
	 * range, where the attempt claims it.
	 */
	Attempt begin(String account, String address) {
		Instant now = clock.instant();
		LoginSubjects subjects = LoginSubjects.of(account, address);
		Map<String, Row> rows = readAll(subjects, now);
		Row addressRow = rows.getOrDefault(ADDRESS, Row.NONE);
		Row pairRow = rows.getOrDefault(PAIR, Row.NONE);
		int freePerPair = settings.freeFailuresPerAccountAndAddress();
		int pairFree = rows.getOrDefault(ACCOUNT, Row.NONE).attempts() >= settings.accountUnderAttackAfter()
				? Math.min(freePerPair, settings.freeFailuresUnderAttack()) : freePerPair;
		int freePerAddress = settings.freeFailuresPerAddress();

		Instant until = later(waitUntil(addressRow, freePerAddress), waitUntil(pairRow, pairFree));
		if (until.isAfter(now)) {
			return Attempt.refused(subjects, Duration.between(now, until));
		}
		Instant addressClaim = claim(ADDRESS, subjects.address(), addressRow, freePerAddress, now);
		if (addressClaim == null) {
			return Attempt.refused(subjects, settings.firstDelay());
		}
		Instant pairClaim = claim(PAIR, subjects.pair(), pairRow, pairFree, now);
		if (pairClaim == null) {
			release(ADDRESS, subjects.address(), addressClaim);
			return Attempt.refused(subjects, settings.firstDelay());
		}
		return new Attempt(subjects, null, addressClaim.equals(Instant.MIN) ? null : addressClaim, pairRow.exists());
	}

	/** The password was wrong: one more failure for the address, the account and the pair. */
	void failed(Attempt attempt) {
		Instant now = clock.instant();
		LoginSubjects subjects = attempt.subjects();
		int byAddress = count(ADDRESS, subjects.address(), now);
		int byAccount = count(ACCOUNT, subjects.account(), now);
		count(PAIR, subjects.pair(), now);
		// the moments an administrator may want to know of, once each (never the password, nor an account name
		// that could be a password typed into the wrong field)
		if (byAddress == settings.freeFailuresPerAddress()) {
			log.warn("{} 次登录失败来自 {}，此后该地址的登录需等待 / {} failed logins from {}: its logins now wait",
					byAddress, subjects.address(), byAddress, subjects.address());
		}
		if (byAccount == settings.accountUnderAttackAfter()) {
			String shown = LoginSubjects.USER_ID.matcher(subjects.account()).matches() ? subjects.account()
					: "(not a user id)";
			log.warn("账号 {} 登录失败 {} 次（各地址合计）/ {} failed logins for account {} from all addresses", shown,
					byAccount, byAccount, shown);
		}
	}

	/** The password was right: the pair starts again; the address and the account keep their failures. */
	void succeeded(Attempt attempt) {
		if (attempt.pairCounted()) {
			jdbc.sql("delete from zpp_public_attempt where kind = :kind and subject = :subject")
				.param("kind", PAIR)
				.param("subject", attempt.subjects().pair())
				.update();
		}
		if (attempt.addressClaim() != null) {
			release(ADDRESS, attempt.subjects().address(), attempt.addressClaim());
		}
	}

	/** The next attempt's earliest time by this count, {@link Instant#MIN} if it may go now. */
	private Instant waitUntil(Row row, int free) {
		Instant until = Instant.MIN;
		if (row.attempts() >= free) {
			until = row.lastFailure().plus(delay(row.attempts() - free));
		}
		return row.claimedUntil() != null ? later(until, row.claimedUntil()) : until;
	}

	/** The wait after {@code beyondFree} + 1 failures past the free ones: doubled each time, capped. */
	Duration delay(int beyondFree) {
		Duration maxDelay = settings.maxDelay();
		if (beyondFree >= 40) {
			return maxDelay;
		}
		Duration delay = settings.firstDelay().multipliedBy(1L << beyondFree);
		return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
	}

	/**
	 * For a count in its delayed range, takes the row for this attempt until the failure it may become would end
	 * (another attempt meanwhile is refused); {@link Instant#MIN} where there is nothing to claim, {@code null} if
	 * another attempt was first.
	 */
	private Instant claim(String kind, String subject, Row row, int free, Instant now) {
		if (row.attempts() < free) {
			return Instant.MIN;
		}
		Instant until = now.plus(delay(row.attempts() + 1 - free));
		int claimed = jdbc.sql("""
				update zpp_public_attempt set locked_until = :until
				where kind = :kind and subject = :subject and attempts = :attempts
				  and (locked_until is null or locked_until <= :now)""")
			.param("until", Timestamp.from(until))
			.param("kind", kind)
			.param("subject", subject)
			.param("attempts", row.attempts())
			.param("now", Timestamp.from(now))
			.update();
		return claimed == 1 ? until : null;
	}

	private void release(String kind, String subject, Instant claim) {
		if (claim.equals(Instant.MIN)) {
			return;
		}
		// the claim as read back from the database: MySQL (sendFractionalSeconds=false) keeps whole seconds only
		jdbc.sql("update zpp_public_attempt set locked_until = null where kind = :kind and subject = :subject "
				+ "and locked_until is not null and locked_until <= :claim")
			.param("kind", kind)
			.param("subject", subject)
			.param("claim", Timestamp.from(claim))
			.update();
	}

	/** One more failure, atomically on one row (a first insert that loses a race is retried as an update). */
	private int count(String kind, String subject, Instant now) {
		for (int tries = 0; tries < 3; tries++) {
			// attempts is set before window_started_at: MySQL applies SET assignments left to right
			int updated = jdbc.sql("""
					update zpp_public_attempt set
					  attempts = case when window_started_at > :forgotten then attempts + 1 else 1 end,
					  window_started_at = :now,
					  locked_until = null
					where kind = :kind and subject = :subject""")
				.param("forgotten", Timestamp.from(now.minus(settings.forgetAfter())))
				.param("now", Timestamp.from(now))
				.param("kind", kind)
				.param("subject", subject)
				.update();
			if (updated > 0) {
				return read(kind, subject, now).attempts();
			}
			try {
				jdbc.sql("insert into zpp_public_attempt (kind, subject, attempts, window_started_at, locked_until) "
						+ "values (:kind, :subject, 1, :now, null)")
					.param("kind", kind)
					.param("subject", subject)
					.param("now", Timestamp.from(now))
					.update();
				return 1;
			}
			catch (DuplicateKeyException anotherNodeWasFirst) {
				// count on the row it inserted
			}
		}
		return 0;
	}

	private Row read(String kind, String subject, Instant now) {
		return query("kind = :kind and subject = :subject", Map.of("kind", kind, "subject", subject), now)
			.getOrDefault(kind, Row.NONE);
	}

	/** The three counts of an attempt in one query: a normal login costs one read. */
	private Map<String, Row> readAll(LoginSubjects subjects, Instant now) {
		return query("(kind = :address and subject = :addressKey) or (kind = :account and subject = :accountKey) "
				+ "or (kind = :pair and subject = :pairKey)", Map.of("address", ADDRESS, "addressKey", subjects.address(),
						"account", ACCOUNT, "accountKey", subjects.account(), "pair", PAIR, "pairKey", subjects.pair()),
				now);
	}

	private Map<String, Row> query(String where, Map<String, ?> params, Instant now) {
		Instant forgotten = now.minus(settings.forgetAfter());
		Map<String, Row> rows = new HashMap<>();
		jdbc.sql("select kind, attempts, window_started_at, locked_until from zpp_public_attempt where " + where)
			.params(params)
			.query(rs -> {
				Instant last = rs.getTimestamp(3).toInstant();
				Timestamp claimed = rs.getTimestamp(4);
				Instant claimedUntil = claimed != null && claimed.toInstant().isAfter(now) ? claimed.toInstant() : null;
				// forgotten failures count as none; the row still exists, so a success deletes it
				rows.put(rs.getString(1), new Row(true, last.isAfter(forgotten) ? rs.getInt(2) : 0, last, claimedUntil));
			});
		return rows;
	}

	/** Forgets counts without a failure for {@code forget-after}, on whichever node gets there first. */
	@Scheduled(fixedDelayString = "${zhengpaopao.login-guard.prune-interval:PT1H}",
			initialDelayString = "${zhengpaopao.login-guard.prune-interval:PT1H}")
	void prune() {
		Instant now = clock.instant();
		jdbc.sql("delete from zpp_public_attempt where kind in (:kinds) and window_started_at <= :forgotten "
				+ "and (locked_until is null or locked_until <= :now)")
			.param("kinds", List.of(ADDRESS, ACCOUNT, PAIR))
			.param("forgotten", Timestamp.from(now.minus(settings.forgetAfter())))
			.param("now", Timestamp.from(now))
			.update();
	}

	private static Instant later(Instant a, Instant b) {
		return a.isAfter(b) ? a : b;
	}

	/**
	 * One attempt: refused with a wait, or allowed; then the address's claim to give back on success (if any), and
	 * whether the pair has a row for a success to delete.
	 */
	record Attempt(LoginSubjects subjects, Duration retryAfter, Instant addressClaim, boolean pairCounted) {

		static Attempt refused(LoginSubjects subjects, Duration retryAfter) {
			return new Attempt(subjects, retryAfter, null, false);
		}

		boolean allowed() {
			return retryAfter == null;
		}
	}

	private record Row(boolean exists, int attempts, Instant lastFailure, Instant claimedUntil) {

		static final Row NONE = new Row(false, 0, Instant.MIN, null);
	}
}
