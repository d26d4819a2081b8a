package org.zhengpaopao.calendar;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Collections;
import java.util.Date;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import org.zhengpaopao.system.CountyTime;

/**
 * A deadline counted in working days.
 *
 * @param date the last working day allowed
 * @param provisional whether the counting crossed a year whose official holiday table is not loaded,
 *        so the date rests on the statutory holidays alone and may move once the State Council publishes the schedule
 * @param provisionalYears those years, ascending
 */
public record Deadline(LocalDate date, boolean provisional, Set<Integer> provisionalYears) {

	// Offices close at 18:00; timers and task due dates fire at that instant, not at midnight.
	static final LocalTime CLOSE_OF_BUSINESS = LocalTime.of(18, 0);

	public Deadline {
		Objects.requireNonNull(date, "date");
		// sorted so that JSON and logs list the years in order
		provisionalYears = Collections.unmodifiableSortedSet(new TreeSet<>(provisionalYears));
	}

	/** Close of business on {@link #date()}, Beijing time. */
	public ZonedDateTime dueAt() {
		return closeOfBusiness(date);
	}

	/** The instant a working day ends, Beijing time: when anything due that day falls due. */
	public static ZonedDateTime closeOfBusiness(LocalDate date) {
		return date.atTime(CLOSE_OF_BUSINESS).atZone(CountyTime.ZONE);
	}

	/** {@link #dueAt()} for APIs that still take {@link Date}, such as Camunda's due dates. */
	public Date dueAtAsDate() {
		return Date.from(dueAt().toInstant());
	}
}
