package org.zhengpaopao.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Years without an official table: weekends plus the statutory holidays, lunar dates from lunar-java. */
@ExtendWith(OutputCaptureExtension.class)
class StatutoryHolidayCalendarTests {

	private final WorkingDayCalendar calendar = CalendarFixtures.seededCalendar(LocalDate.of(2026, 6, 1));

	@Test
	void shouldComputeStatutoryHolidaysOf2027FromLunarCalendar() {
		// 2027 lunar new year is 02-06; 腊月 of 2026 has 29 days, so 除夕 is 02-05 (腊月廿九)
		assertThat(StatutoryHolidays.of(2027)).containsExactlyInAnyOrder(
				LocalDate.of(2027, 1, 1),
				LocalDate.of(2027, 2, 5), LocalDate.of(2027, 2, 6), LocalDate.of(2027, 2, 7), LocalDate.of(2027, 2, 8),
				LocalDate.of(2027, 4, 5),
				LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 2),
				LocalDate.of(2027, 6, 9),
				LocalDate.of(2027, 9, 15),
				LocalDate.of(2027, 10, 1), LocalDate.of(2027, 10, 2), LocalDate.of(2027, 10, 3));
	}

	@Test
	void shouldTakeNewYearsEveFromThirtyDayTwelfthMonth() {
		// 2030 lunar new year is 02-03 after a 30-day 腊月, so 除夕 is 02-02 (腊月三十)
		assertThat(StatutoryHolidays.of(2030)).contains(LocalDate.of(2030, 2, 2), LocalDate.of(2030, 2, 5))
			.doesNotContain(LocalDate.of(2030, 2, 1), LocalDate.of(2030, 2, 6));
	}

	@Test
	void shouldComputeOfficialYearsFestivalsLikeThePublishedSchedules() {
		// 2026: 除夕 02-16, 清明 04-05, 端午 06-19, 中秋 09-25
		assertThat(StatutoryHolidays.of(2026)).contains(LocalDate.of(2026, 2, 16), LocalDate.of(2026, 2, 19),
				LocalDate.of(2026, 4, 5), LocalDate.of(2026, 6, 19), LocalDate.of(2026, 9, 25))
			.hasSize(13);
		// 2025: 除夕 01-28, 清明 04-04, 端午 05-31, 中秋 10-06
		assertThat(StatutoryHolidays.of(2025)).contains(LocalDate.of(2025, 1, 28), LocalDate.of(2025, 1, 31),
				LocalDate.of(2025, 4, 4), LocalDate.of(2025, 5, 31), LocalDate.of(2025, 10, 6))
			.hasSize(13);
	}

	@Test
	void shouldTreatStatutoryHolidaysAndWeekendsOf2027AsDaysOff() {
		Stream.of("2027-01-01", "2027-02-05", "2027-02-08", "2027-04-05", "2027-06-09", "2027-09-15", "2027-10-01",
				"2027-01-02", "2027-01-03")
			.map(LocalDate::parse)
			.forEach(day -> assertThat(calendar.isWorkingDay(day)).as("%s", day).isFalse());
		// no adjusted weekends and no bridging days are guessed
		Stream.of("2027-02-04", "2027-02-09", "2027-10-04", "2027-04-06", "2027-05-03")
			.map(LocalDate::parse)
			.forEach(day -> assertThat(calendar.isWorkingDay(day)).as("%s", day).isTrue());
	}

	@Test
	void shouldMarkDeadlineIntoUnloadedYearProvisionalAndSkipNewYearsDay(CapturedOutput output) {
		// 2026-12-30 Wed: 12-31 Thu; 2027-01-01 Fri off; 01-02, 01-03 weekend; 01-04 Mon
		Deadline deadline = calendar.deadline(LocalDate.of(2026, 12, 30), 2);
		assertThat(deadline.date()).isEqualTo("2027-01-04");
		assertThat(deadline.provisional()).isTrue();
		assertThat(deadline.provisionalYears()).containsExactly(2027);
		assertThat(output).contains("holiday table for 2027 is not loaded");
	}

	@Test
	void shouldNotMarkDeadlineWhollyInsideLoadedYearsProvisional() {
		Deadline deadline = calendar.deadline(LocalDate.of(2026, 12, 30), 1);
		assertThat(deadline.date()).isEqualTo("2026-12-31");
		assertThat(deadline.provisional()).isFalse();
		assertThat(deadline.provisionalYears()).isEmpty();
	}

	@Test
	void shouldCountSpringFestivalOf2027FromFallback() {
		// 2027-02-04 Thu; 02-05..02-08 off; 02-09 Tue
		Deadline deadline = calendar.deadline(LocalDate.of(2027, 2, 4), 1);
		assertThat(deadline.date()).isEqualTo("2027-02-09");
		assertThat(deadline.provisionalYears()).containsExactly(2027);
	}

	@Test
	void shouldWarnOnlyOncePerMissingYear(CapturedOutput output) {
		// output is captured for the whole class, so look only at what this calendar logs
		int before = output.getAll().length();
		WorkingDayCalendar fresh = CalendarFixtures.seededCalendar(LocalDate.of(2026, 6, 1));
		fresh.deadline(LocalDate.of(2027, 3, 1), 5);
		fresh.deadline(LocalDate.of(2027, 3, 1), 6);
		fresh.isWorkingDay(LocalDate.of(2027, 3, 1));
		fresh.reload();
		String logged = output.getAll().substring(before);
		assertThat(logged.split("holiday table for 2027 is not loaded", -1)).hasSize(2);
	}

	@Test
	void shouldReportNextYearMissingWhenClockIsIn2026() {
		assertThat(calendar.missingYears()).containsExactly(2027);
		assertThat(CalendarFixtures.seededCalendar(LocalDate.of(2025, 12, 31)).missingYears()).isEmpty();
		assertThat(CalendarFixtures.seededCalendar(LocalDate.of(2027, 1, 1)).missingYears())
			.containsExactly(2027, 2028);
	}
}
