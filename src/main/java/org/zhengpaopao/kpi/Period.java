package org.zhengpaopao.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;

/**
 * The days a KPI counts, both ends included, in Beijing time: an event belongs to the period when it happened on one
 * of its days.
 */
record Period(LocalDate from, LocalDate to) {

	/** About three years: enough for trends, short enough to count in memory. */
	static final int MAX_DAYS = 3 * 366;

	Period {
		if (!WorkingDayCalendar.inRange(from) || !WorkingDayCalendar.inRange(to)) {
			throw new InvalidInputException(WorkingDayCalendar.inRange(from) ? "to" : "from",
					"日期须在 " + WorkingDayCalendar.EARLIEST + " 至 " + WorkingDayCalendar.LATEST + " 之间",
					"dates are between " + WorkingDayCalendar.EARLIEST + " and " + WorkingDayCalendar.LATEST);
		}
		if (from.isAfter(to)) {
			throw new InvalidInputException("from", "开始日期不能晚于结束日期", "from must not be after to");
		}
		if (from.plusDays(MAX_DAYS).isBefore(to)) {
			throw new InvalidInputException("to", "统计期间最长三年", "a period is at most three years");
		}
	}

	static Period of(YearMonth month) {
		return new Period(month.atDay(1), month.atEndOfMonth());
	}

	/**
	 * {@code month} (YYYY-MM) if given, else {@code from} and {@code to}; a missing end is the current month's.
	 */
	static Period parse(String from, String to, String month, LocalDate today) {
		if (month != null && !month.isBlank()) {
			return of(month(month, "month"));
		}
		LocalDate start = from == null || from.isBlank() ? today.withDayOfMonth(1) : date(from, "from");
		LocalDate end = to == null || to.isBlank() ? YearMonth.from(today).atEndOfMonth() : date(to, "to");
		return new Period(start, end);
	}

	static YearMonth month(String text, String field) {
		YearMonth month;
		try {
			month = YearMonth.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "月份格式应为 YYYY-MM", "the month must be YYYY-MM");
		}
		if (!WorkingDayCalendar.inRange(month.atDay(1))) {
			throw new InvalidInputException(field, "月份须在 " + YearMonth.from(WorkingDayCalendar.EARLIEST) + " 至 "
					+ YearMonth.from(WorkingDayCalendar.LATEST) + " 之间", "the month must be between "
							+ YearMonth.from(WorkingDayCalendar.EARLIEST) + " and " + YearMonth.from(WorkingDayCalendar.LATEST));
		}
		return month;
	}

	/** One date, YYYY-MM-DD, within the calendar's range. */
	static LocalDate day(String text, String field) {
		LocalDate day = date(text, field);
		if (!WorkingDayCalendar.inRange(day)) {
			throw new InvalidInputException(field, "日期须在 " + WorkingDayCalendar.EARLIEST + " 至 " + WorkingDayCalendar.LATEST + " 之间",
					"dates are between " + WorkingDayCalendar.EARLIEST + " and " + WorkingDayCalendar.LATEST);
		}
		return day;
	}

	private static LocalDate date(String text, String field) {
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException e) {
			throw new InvalidInputException(field, "日期格式应为 YYYY-MM-DD", "the date must be YYYY-MM-DD");
		}
	}

	Instant start() {
		return from.atStartOfDay(CountyTime.ZONE).toInstant();
	}

	/** The first instant after the period. */
	Instant end() {
		return to.plusDays(1).atStartOfDay(CountyTime.ZONE).toInstant();
	}

	LocalDate endExclusive() {
		return to.plusDays(1);
	}

	boolean contains(Instant at) {
		return at != null && !at.isBefore(start()) && at.isBefore(end());
	}

	/** The months the period touches, in order. */
	List<YearMonth> months() {
		List<YearMonth> months = new ArrayList<>();
		for (YearMonth m = YearMonth.from(from); !m.isAfter(YearMonth.from(to)); m = m.plusMonths(1)) {
			months.add(m);
		}
		return months;
	}

	/** The part of the period within {@code month}. */
	Period within(YearMonth month) {
		LocalDate start = month.atDay(1).isBefore(from) ? from : month.atDay(1);
		LocalDate end = month.atEndOfMonth().isAfter(to) ? to : month.atEndOfMonth();
		return new Period(start, end);
	}

	static YearMonth monthOf(Instant at) {
		return YearMonth.from(at.atZone(CountyTime.ZONE));
	}

	static LocalDate dateOf(Instant at) {
		return at.atZone(CountyTime.ZONE).toLocalDate();
	}
}
