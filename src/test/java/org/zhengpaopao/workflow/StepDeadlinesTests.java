package org.zhengpaopao.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.zhengpaopao.calendar.WorkingDayCalendar;

/** The deadline-and-card policy on the real 2026 table, across the National Day holiday and its working Saturday. */
class StepDeadlinesTests {

	final WorkingDayCalendar calendar = new WorkingDayCalendar(
			new PathMatchingResourcePatternResolver(new DefaultResourceLoader()), "classpath:seeds/",
			new StaticListableBeanFactory(Map.of("clock", Clock.fixed(beijing("2026-09-30T09:00"), ZoneOffset.ofHours(8))))
				.getBeanProvider(Clock.class));

	@Test
	void shouldPutEveryCardAtCloseOfBusinessOnWorkingDaysAroundTheDeadline() {
		// 10-01..10-07 off, 10-08 and 10-09 on, Saturday 10-10 an adjusted working day, Sunday 10-11 off
		StepDeadlines step = StepDeadlines.after(calendar, LocalDate.parse("2026-09-30"), 3);

		assertThat(step.date()).isEqualTo("2026-10-10");
		assertThat(step.dueAt()).isEqualTo(beijing("2026-10-10T18:00"));
		assertThat(step.yellowAt()).isEqualTo(beijing("2026-10-09T18:00"));
		assertThat(step.level2At()).isEqualTo(beijing("2026-10-13T18:00"));
		assertThat(step.level3At()).isEqualTo(beijing("2026-10-16T18:00"));
	}

	@Test
	void shouldRaiseTheYellowCardOnTheLastWorkingDayBeforeAHoliday() {
		StepDeadlines step = StepDeadlines.on(calendar, LocalDate.parse("2026-10-08"));

		assertThat(step.dueAt()).isEqualTo(beijing("2026-10-08T18:00"));
		assertThat(step.yellowAt()).isEqualTo(beijing("2026-09-30T18:00"));
	}

	private static Instant beijing(String localDateTime) {
		return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
	}
}
