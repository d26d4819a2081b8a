package org.zhengpaopao.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class CalendarHealthIndicatorTests {

	@Test
	void shouldStayUpButWarnWhenNextYearsTableIsMissing() {
		Health health = new CalendarHealthIndicator(CalendarFixtures.seededCalendar(LocalDate.of(2026, 6, 1))).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("loadedYears", Set.of(2025, 2026))
			.containsEntry("missingYears", Set.of(2027));
		assertThat((String) health.getDetails().get("warning")).contains("2027 年的节假日安排表未加载")
			.contains("holiday table for 2027 is not loaded")
			.contains("provisional");
	}

	@Test
	void shouldNotWarnWhenThisAndNextYearAreLoaded() {
		Health health = new CalendarHealthIndicator(CalendarFixtures.seededCalendar(LocalDate.of(2025, 3, 1))).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("missingYears", Set.of()).doesNotContainKey("warning");
	}
}
