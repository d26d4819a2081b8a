package org.zhengpaopao.calendar;

import java.time.*;
import java.util.*;
import org.springframework.stereotype.Service;

@Service
public class WorkingDayCalendar {
	public Deadline deadline(LocalDate from, int workingDays) {
		LocalDate d = from;
		int n = 0;
		while (n < workingDays) { d = d.plusDays(1); if (isWorkingDay(d)) n++; }
		return new Deadline(d, false, Set.of());
	}
	public boolean isWorkingDay(LocalDate date) { return date.getDayOfWeek().getValue() < 6; }
	public record Deadline(LocalDate date, boolean provisional, Set<Integer> provisionalYears) {
		public ZonedDateTime dueAt() { return date.atTime(18, 0).atZone(ZoneId.of("Asia/Shanghai")); }
		public Date dueAtAsDate() { return Date.from(dueAt().toInstant()); }
	}
}
