package org.zhengpaopao.calendar;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Builds the calendar the way Spring would, without a context. */
final class CalendarFixtures {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	private CalendarFixtures() {
	}

	/** The real tables as packaged: target/classes/seeds/calendar/. */
	static WorkingDayCalendar seededCalendar(LocalDate today) {
		return calendar("classpath:seeds/", today);
	}

	static WorkingDayCalendar calendar(String location, LocalDate today) {
		Clock clock = Clock.fixed(today.atTime(9, 0).atZone(SHANGHAI).toInstant(), SHANGHAI);
		return new WorkingDayCalendar(new PathMatchingResourcePatternResolver(new DefaultResourceLoader()), location,
				new StaticListableBeanFactory(Map.of("clock", clock)).getBeanProvider(Clock.class));
	}
}
