package org.zhengpaopao.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

/** Deadlines over the official 2025 and 2026 schedules; every expected date was worked out by hand. */
class WorkingDayCalendarTests {

	private final WorkingDayCalendar calendar = CalendarFixtures.seededCalendar(LocalDate.of(2026, 6, 1));

	private LocalDate deadline(String from, int workingDays) {
		Deadline deadline = calendar.deadline(LocalDate.parse(from), workingDays);
		assertThat(deadline.provisional()).isFalse();
		return deadline.date();
	}

	@Test
	void shouldLoadBothSeededYears() {
		assertThat(calendar.loadedYears()).containsExactly(2025, 2026);
	}

	@Test
	void shouldSkipSpringFestivalWeekAndCountAdjustedSaturday2026() {
		// 2026-02-12 is a Thursday; 02-14 (Sat) is worked, 02-15..02-23 are off
		assertThat(deadline("2026-02-12", 1)).isEqualTo("2026-02-13");
		assertThat(deadline("2026-02-12", 2)).isEqualTo("2026-02-14");
		assertThat(deadline("2026-02-12", 3)).isEqualTo("2026-02-24");
		assertThat(deadline("2026-02-12", 4)).isEqualTo("2026-02-25");
	}

	@Test
	void shouldCountSaturdayAfterSpringFestival2026AsWorkingDay() {
		// 02-24 Tue: 02-25, 02-26, 02-27 (Fri), 02-28 (Sat, worked), then 03-01 is a plain Sunday
		assertThat(deadline("2026-02-24", 4)).isEqualTo("2026-02-28");
		assertThat(deadline("2026-02-24", 5)).isEqualTo("2026-03-02");
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 2, 28))).isTrue();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 1))).isFalse();
	}

	@Test
	void shouldTreatNewYearSundayOf2026AsWorkingDay() {
		// 01-01..01-03 off, 01-04 (Sun) worked
		assertThat(deadline("2025-12-31", 1)).isEqualTo("2026-01-04");
		assertThat(deadline("2025-12-31", 2)).isEqualTo("2026-01-05");
	}

	@Test
	void shouldJumpNationalDayWeek2026() {
		// 2026-09-30 is a Wednesday; 10-01..10-07 off; 10-08 Thu, 10-09 Fri, 10-10 Sat (worked)
		assertThat(deadline("2026-09-30", 1)).isEqualTo("2026-10-08");
		assertThat(deadline("2026-09-30", 3)).isEqualTo("2026-10-10");
		assertThat(deadline("2026-09-30", 4)).isEqualTo("2026-10-12");
	}

	@Test
	void shouldCountSundayBeforeMidAutumn2026AsWorkingDay() {
		// 09-18 Fri; 09-19 Sat off; 09-20 Sun worked; mid-autumn 09-25 (Fri)..09-27 off
		assertThat(deadline("2026-09-18", 1)).isEqualTo("2026-09-20");
		assertThat(deadline("2026-09-24", 1)).isEqualTo("2026-09-28");
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 19))).isFalse();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 9, 25))).isFalse();
	}

	@Test
	void shouldTreatLabourDayBlockAndMay9th2026Correctly() {
		// 04-30 Thu; 05-01..05-05 off; 05-06 Wed, 05-07, 05-08 Fri, 05-09 Sat worked
		assertThat(deadline("2026-04-30", 1)).isEqualTo("2026-05-06");
		assertThat(deadline("2026-04-30", 4)).isEqualTo("2026-05-09");
		assertThat(deadline("2026-04-30", 5)).isEqualTo("2026-05-11");
	}

	@Test
	void shouldSkipSpringFestivalWeekAndCountAdjustedSundayAndSaturday2025() {
		// 2025-01-24 Fri; 01-25 Sat off; 01-26 Sun worked; 01-27 Mon; 01-28..02-04 off;
		// 02-05 Wed, 02-06, 02-07 Fri, 02-08 Sat worked, 02-09 Sun off, 02-10 Mon
		assertThat(deadline("2025-01-24", 1)).isEqualTo("2025-01-26");
		assertThat(deadline("2025-01-24", 2)).isEqualTo("2025-01-27");
		assertThat(deadline("2025-01-24", 3)).isEqualTo("2025-02-05");
		assertThat(deadline("2025-01-24", 6)).isEqualTo("2025-02-08");
		assertThat(deadline("2025-01-24", 7)).isEqualTo("2025-02-10");
	}

	@Test
	void shouldJumpMergedNationalDayAndMidAutumn2025() {
		// 2025-09-26 Fri; 09-27 Sat off; 09-28 Sun worked; 09-29, 09-30; 10-01..10-08 off;
		// 10-09 Thu, 10-10 Fri, 10-11 Sat worked, 10-12 Sun off, 10-13 Mon
		assertThat(deadline("2025-09-26", 1)).isEqualTo("2025-09-28");
		assertThat(deadline("2025-09-26", 3)).isEqualTo("2025-09-30");
		assertThat(deadline("2025-09-26", 4)).isEqualTo("2025-10-09");
		assertThat(deadline("2025-09-26", 6)).isEqualTo("2025-10-11");
		assertThat(deadline("2025-09-26", 7)).isEqualTo("2025-10-13");
	}

	@Test
	void shouldReturnStartDateForZeroWorkingDaysEvenOnHolidayOrWeekend() {
		assertThat(deadline("2026-02-17", 0)).isEqualTo("2026-02-17");
		assertThat(deadline("2026-03-07", 0)).isEqualTo("2026-03-07");
		assertThat(deadline("2026-03-09", 0)).isEqualTo("2026-03-09");
	}

	@Test
	void shouldStartCountingAfterWeekendStart() {
		// 2026-03-07 Sat, 03-08 Sun
		assertThat(deadline("2026-03-07", 1)).isEqualTo("2026-03-09");
		assertThat(deadline("2026-03-08", 1)).isEqualTo("2026-03-09");
		assertThat(deadline("2026-03-08", 5)).isEqualTo("2026-03-13");
		assertThat(deadline("2026-03-08", 6)).isEqualTo("2026-03-16");
	}

	@Test
	void shouldStartCountingAfterHolidayStart() {
		assertThat(deadline("2026-02-16", 1)).isEqualTo("2026-02-24");
		assertThat(deadline("2026-10-03", 2)).isEqualTo("2026-10-09");
		// a start on the adjusted Saturday counts from the Sunday after it
		assertThat(deadline("2026-02-14", 1)).isEqualTo("2026-02-24");
	}

	@Test
	void shouldHaveThirteenStatutoryDaysNetInEachOfficialYear() {
		// every official schedule takes exactly the 13 statutory days off the weekdays: 261 - 13 = 248
		assertThat(workingDaysIn(2025)).isEqualTo(248);
		assertThat(workingDaysIn(2026)).isEqualTo(248);
	}

	private long workingDaysIn(int year) {
		return LocalDate.of(year, 1, 1)
			.datesUntil(LocalDate.of(year + 1, 1, 1))
			.filter(calendar::isWorkingDay)
			.count();
	}

	@Test
	void shouldContainEveryStatutoryHolidayInOfficialHolidayBlocks() {
		// cross-checks the seeds against the lunar computation used for years without a table
		for (int year : new int[] { 2025, 2026 }) {
			assertThat(StatutoryHolidays.of(year)).as("statutory holidays of %d", year)
				.allSatisfy(day -> assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse());
		}
	}

	@Test
	void shouldBeDueAtCloseOfBusinessBeijingTime() {
		Deadline deadline = calendar.deadline(LocalDate.of(2026, 2, 12), 3);
		assertThat(deadline.dueAt()).isEqualTo(ZonedDateTime.parse("2026-02-24T18:00:00+08:00[Asia/Shanghai]"));
		assertThat(deadline.dueAtAsDate().toInstant()).isEqualTo("2026-02-24T10:00:00Z");
		assertThat(deadline.provisionalYears()).isEmpty();
	}

	@Test
	void shouldRejectWorkingDaysOutsideZeroTo250() {
		LocalDate from = LocalDate.of(2026, 3, 2);
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.deadline(from, -1))
			.withMessageContaining("工作日数")
			.withMessageContaining("workingDays must be between 0 and 250");
		assertThatIllegalArgumentException().isThrownBy(() -> calendar.deadline(from, 251));
		assertThat(calendar.deadline(from, 250).date()).isAfter(from.plus(250, ChronoUnit.DAYS));
	}

	@Test
	void shouldFindTheWorkingDayBeforeADeadlineAcrossNationalDay() {
		WorkingDayCalendar calendar = CalendarFixtures.seededCalendar(java.time.LocalDate.parse("2026-11-28"));
		assertThat(calendar.previousWorkingDay(java.time.LocalDate.parse("2026-10-08")))
			.isEqualTo(java.time.LocalDate.parse("2026-09-30"));
		assertThat(calendar.previousWorkingDay(java.time.LocalDate.parse("2026-10-12")))
			.as("the adjusted Saturday counts").isEqualTo(java.time.LocalDate.parse("2026-10-10"));
	}

	@Test
	void shouldCountWorkingDaysOverdueSkippingHolidays() {
		WorkingDayCalendar calendar = CalendarFixtures.seededCalendar(java.time.LocalDate.parse("2026-11-28"));
		assertThat(calendar.workingDaysBetween(java.time.LocalDate.parse("2026-09-30"), java.time.LocalDate.parse("2026-10-08")))
			.isEqualTo(1);
		assertThat(calendar.workingDaysBetween(java.time.LocalDate.parse("2026-10-08"), java.time.LocalDate.parse("2026-10-08")))
			.isZero();
	}
}
