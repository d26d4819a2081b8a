package org.zhengpaopao.publicguard;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Slows down guessing on the applicants' public pages, where a case number and a second factor (the code from the
 * text message, or the phone number) are all it takes. Attempts are counted per case number in its one spelling
 * ({@link TypedIdentifier}) and per client address, whether the case exists or not, so that a lock tells a guesser
 * nothing about which numbers exist. The page then looks up that spelling and no other ({@link Attempt#caseNumber()}),
 * so that what is counted and what is found are always the same number. Too many
 * attempts within a window lock the number (for everybody, on every public page) or the address for a while; while
 * locked, even the right second factor is refused.
 * <p>
 * An attempt is counted when it starts, not when it has failed: a burst of parallel guesses then cannot all slip
 * in before the first failure is written. A success takes its own count back: it resets the case number's count
 * (the holder of the second factor is not the guesser the count is meant for, and a confirmed authorization ends
 * guessing anyway) and leaves the address's earlier attempts counted.
 * <p>
 * The counts live in the database ({@code zpp_public_attempt}), because the application runs as several nodes on
 * one database. Each change is one atomic statement on one row; a row's first insert that loses a race to another
 * node is retried as an update. Under contention a count may be one off, never an error.
 */
@Component
public class PublicAttempts {

	private static final Logger log = LoggerFactory.getLogger(PublicAttempts.class);

	/** What a case number can be (DP20261128-000001, BJ20261128-000001): the case_no columns' length, their characters. */
	private static final Pattern PLAUSIBLE_CASE_NO = Pattern.compile("[A-Z0-9-]{1,32}");
	private static final int MAX_ADDRESS = 64;

	private final JdbcClient jdbc;
	private final Clock clock;
	private final Limit caseNumbers;
	private final Limit addresses;
	private final Limit reports;

	PublicAttempts(JdbcClient jdbc, Clock clock,
			@Value("${zhengpaopao.public-guard.case-number.max-attempts:5}") int caseNumberMaxAttempts,
			@Value("${zhengpaopao.public-guard.case-number.window:PT15M}") Duration caseNumberWindow,
			@Value("${zhengpaopao.public-guard.case-number.lock:PT15M}") Duration caseNumberLock,
			@Value("${zhengpaopao.public-guard.address.max-attempts:30}") int addressMaxAttempts,
			@Value("${zhengpaopao.public-guard.address.window:PT15M}") Duration addressWindow,
			@Value("${zhengpaopao.public-guard.address.lock:PT15M}") Duration addressLock,
			@Value("${zhengpaopao.public-guard.report.max-attempts:5}") int reportMaxAttempts,
			@Value("${zhengpaopao.public-guard.report.window:PT1H}") Duration reportWindow,
			@Value("${zhengpaopao.public-guard.report.lock:PT1H}") Duration reportLock) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.caseNumbers = new Limit(Kind.CASE_NO, caseNumberMaxAttempts, caseNumberWindow, caseNumberLock);
		this.addresses = new Limit(Kind.ADDRESS, addressMaxAttempts, addressWindow, addressLock);
		this.reports = new Limit(Kind.REPORT, reportMaxAttempts, reportWindow, reportLock);
	}

	/**
	 * Counts an attempt on {@code caseNo} from {@code address}, before its second factor is checked. Call
	 * {@link Attempt#succeeded()} once the second factor has matched; otherwise the attempt stays counted as failed.
	 *
	 * @throws TooManyAttemptsException while the address or the case number is locked (429, with Retry-After)
	 */
	public Attempt begin(String caseNo, String address) {
		Instant now = clock.instant();
		String client = address(address);
		String number = caseNumber(caseNo);
		// the address first: a locked address does not count against the case numbers it keeps trying
		refuseWhileLocked(addresses, client, now);
		if (number != null) {
			refuseWhileLocked(caseNumbers, number, now);
		}
		return new Attempt(number, client);
	}

	/** One attempt, counted as failed unless it succeeds. */
	public final class Attempt {

		private final String caseNumber;
		private final String address;

		private Attempt(String caseNumber, String address) {
			this.caseNumber = caseNumber;
			this.address = address;
		}

		/**
		 * The number as counted, the only spelling to look it up by; {@code ""} (which no case has) for text that
		 * cannot be a case number, which must find nothing even where the database's collation would find a case.
		 */
		public String caseNumber() {
			return caseNumber == null ? "" : caseNumber;
		}

		/** The second factor matched: the case number's count starts again; the address keeps its earlier ones. */
		public void succeeded() {
			if (caseNumber != null) {
				jdbc.sql("delete from zpp_public_attempt where kind = :kind and subject = :subject")
					.param("kind", Kind.CASE_NO.name())
					.param("subject", caseNumber)
					.update();
			}
			jdbc.sql("update zpp_public_attempt set attempts = attempts - 1 "
					+ "where kind = :kind and subject = :subject and attempts > 0 and locked_until is null")
				.param("kind", Kind.ADDRESS.name())
				.param("subject", address)
				.update();
		}
	}

	/**
	 * Counts a new report from {@code address} on the public report page (a different count from the guessing
	 * above: every report counts, none is taken back). Runs in the caller's transaction: a refused or failed report
	 * takes its count back with it.
	 *
	 * @throws TooManyAttemptsException beyond the limit (429, with Retry-After)
	 */
	public void countReport(String address) {
		Instant now = clock.instant();
		Instant lockedUntil = count(reports, address(address), now);
		if (lockedUntil != null) {
			throw TooManyAttemptsException.tooManyReports(Duration.between(now, lockedUntil));
		}
	}

	private void refuseWhileLocked(Limit limit, String subject, Instant now) {
		Instant lockedUntil = count(limit, subject, now);
		if (lockedUntil != null) {
			throw new TooManyAttemptsException(Duration.between(now, lockedUntil));
		}
	}

	/** Counts one attempt; returns when the subject is locked until, or {@code null} if the attempt may go on. */
	private Instant count(Limit limit, String subject, Instant now) {
		Timestamp windowOpen = Timestamp.from(now.minus(limit.window()));
		for (int tries = 0; tries < 3; tries++) {
			// One statement, so that parallel attempts on one row queue up on its lock instead of overwriting each
			// other. The attempt beyond the limit locks and is refused. locked_until is set first, from the old
			// values: MySQL applies SET assignments left to right, each seeing the ones before it.
			int counted = jdbc.sql("""
					update zpp_public_attempt set
					  locked_until = case when window_started_at > :windowOpen and attempts >= :max
					                      then :lockEnd else null end,
					  attempts = case when window_started_at > :windowOpen then attempts + 1 else 1 end,
					  window_started_at = case when window_started_at > :windowOpen then window_started_at else :now end
					where kind = :kind and subject = :subject and (locked_until is null or locked_until <= :now)""")
				.param("windowOpen", windowOpen)
				.param("max", limit.maxAttempts())
				.param("lockEnd", Timestamp.from(now.plus(limit.lock())))
				.param("now", Timestamp.from(now))
				.param("kind", limit.kind().name())
				.param("subject", subject)
				.update();
			Optional<Row> row = jdbc
				.sql("select locked_until from zpp_public_attempt where kind = :kind and subject = :subject")
				.param("kind", limit.kind().name())
				.param("subject", subject)
				.query((rs, n) -> new Row(rs.getTimestamp(1)))
				.optional();
			if (row.isPresent()) {
				Instant lockedUntil = row.get().lockedAfter(now);
				if (counted > 0 || lockedUntil != null) {
					return lockedUntil;
				}
				// inserted by another request between the two statements: count on it
				continue;
			}
			try {
				jdbc.sql("insert into zpp_public_attempt (kind, subject, attempts, window_started_at, locked_until) "
						+ "values (:kind, :subject, 1, :now, null)")
					.param("kind", limit.kind().name())
					.param("subject", subject)
					.param("now", Timestamp.from(now))
					.update();
				return null;
			}
			catch (DuplicateKeyException anotherNodeWasFirst) {
				// count on the row it inserted
			}
		}
		log.debug("Attempt on a busy {} row not counted", limit.kind());
		return null;
	}

	/** Forgets counts whose window and lock have run out, on whichever node gets there (deleting twice is harmless). */
	@Scheduled(fixedDelayString = "${zhengpaopao.public-guard.prune-interval:PT1H}",
			initialDelayString = "${zhengpaopao.public-guard.prune-interval:PT1H}")
	void prune() {
		Instant now = clock.instant();
		for (Limit limit : new Limit[] { caseNumbers, addresses, reports }) {
			jdbc.sql("delete from zpp_public_attempt where kind = :kind and window_started_at <= :windowOpen "
					+ "and (locked_until is null or locked_until <= :now)")
				.param("kind", limit.kind().name())
				.param("windowOpen", Timestamp.from(now.minus(limit.window())))
				.param("now", Timestamp.from(now))
				.update();
		}
	}

	/**
	 * The case number as the lookups see it, or {@code null} for text that cannot be a case number even in its one
	 * spelling (blank, too long, other characters): it is looked up as nothing, so no case can be guessed through
	 * it; it counts for the address only and is not stored.
	 */
	static String caseNumber(String typed) {
		String number = TypedIdentifier.normalize(typed);
		return number != null && PLAUSIBLE_CASE_NO.matcher(number).matches() ? number : null;
	}

	private static String address(String address) {
		String client = address == null || address.isBlank() ? "unknown" : address.strip();
		return client.length() > MAX_ADDRESS ? client.substring(0, MAX_ADDRESS) : client;
	}

	enum Kind {
		CASE_NO, ADDRESS,
		/** reports from a client address on the public report page */
		REPORT
	}

	private record Limit(Kind kind, int maxAttempts, Duration window, Duration lock) {

		Limit {
			if (maxAttempts < 1 || window.isNegative() || window.isZero() || lock.isNegative() || lock.isZero()) {
				throw new IllegalArgumentException("zhengpaopao.public-guard." + kind
						+ ": max-attempts must be at least 1, window and lock longer than zero");
			}
		}
	}

	private record Row(Timestamp lockedUntil) {

		/** The end of the lock, if it is still on at {@code now}. */
		Instant lockedAfter(Instant now) {
			return lockedUntil != null && lockedUntil.toInstant().isAfter(now) ? lockedUntil.toInstant() : null;
		}
	}
}
