package org.zhengpaopao.calendar;

import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Stays UP when a table is missing (deadlines are still computed), but says so, because somebody has to add
 * next year's schedule once the State Council publishes it.
 */
@Component("workingCalendar")
class CalendarHealthIndicator implements HealthIndicator {

	private final WorkingDayCalendar calendar;

	CalendarHealthIndicator(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	@Override
	public Health health() {
		Set<Integer> missing = calendar.missingYears();
		Health.Builder health = Health.up()
			.withDetail("loadedYears", calendar.loadedYears())
			.withDetail("missingYears", missing);
		if (!missing.isEmpty()) {
			String years = missing.stream().map(String::valueOf).collect(Collectors.joining("、"));
			String yearsEn = missing.stream().map(String::valueOf).collect(Collectors.joining(", "));
			health.withDetail("warning", years + " 年的节假日安排表未加载，截止日期涉及这些年份时为临时结果 / holiday table for "
					+ yearsEn + " is not loaded; deadlines into those years are provisional");
		}
		return health.build();
	}
}
