package org.zhengpaopao.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Set;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.system.InvalidInputException;

@RestController
@RequestMapping("/api/calendar")
class CalendarController {

	static final String DAYS = "工作日数为 0–" + WorkingDayCalendar.MAX_WORKING_DAYS + " / workingDays is 0–"
			+ WorkingDayCalendar.MAX_WORKING_DAYS;

	private final WorkingDayCalendar calendar;

	CalendarController(WorkingDayCalendar calendar) {
		this.calendar = calendar;
	}

	@GetMapping("/deadline")
	DeadlineResponse deadline(@RequestParam @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam @Min(value = 0, message = DAYS) @Max(value = WorkingDayCalendar.MAX_WORKING_DAYS,
					message = DAYS) int workingDays) {
		if (!WorkingDayCalendar.inRange(from)) {
			throw new InvalidInputException("from", "日期须在 " + WorkingDayCalendar.EARLIEST + " 至 "
					+ WorkingDayCalendar.LATEST + " 之间", "the date must be between " + WorkingDayCalendar.EARLIEST
							+ " and " + WorkingDayCalendar.LATEST);
		}
		Deadline deadline = calendar.deadline(from, workingDays);
		return new DeadlineResponse(from, workingDays, deadline.date(),
				deadline.dueAt().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), deadline.provisional(),
				deadline.provisionalYears());
	}

	/**
	 * @param dueAt pre-formatted so that the offset always shows as +08:00, whatever time zone Jackson is set to
	 */
	record DeadlineResponse(LocalDate from, int workingDays, LocalDate deadline, String dueAt, boolean provisional,
			Set<Integer> provisionalYears) {
	}
}
