package org.zhengpaopao.workflow;

import java.time.Instant;
import java.time.LocalDate;

import org.zhengpaopao.calendar.Deadline;
import org.zhengpaopao.calendar.WorkingDayCalendar;

/**
 * The deadline-and-card policy of a step the processes watch, computed once on the working-day calendar and handed
 * to the step's task due date and timers as instants, so that Tasklist, Cockpit and the timers agree. Every instant
 * is close of business (18:00 Beijing time) on a working day.
 *
 * @param date      the deadline, a working day
 * @param dueAt     close of business on it: the task's due date and the red card
 * @param yellowAt  close of business on the working day before: the yellow card
 * @param level2At  two working days after the deadline: the second level, reported to the managers
 * @param level3At  five working days after the deadline: the third level
 */
public record StepDeadlines(LocalDate date, Instant dueAt, Instant yellowAt, Instant level2At, Instant level3At) {

	static final int LEVEL2_WORKING_DAYS = 2;
	static final int LEVEL3_WORKING_DAYS = 5;

	/** The step whose deadline is {@code date}. */
	public static StepDeadlines on(WorkingDayCalendar calendar, LocalDate date) {
		return new StepDeadlines(date, Deadline.closeOfBusiness(date).toInstant(),
				Deadline.closeOfBusiness(calendar.previousWorkingDay(date)).toInstant(),
				calendar.deadline(date, LEVEL2_WORKING_DAYS).dueAt().toInstant(),
				calendar.deadline(date, LEVEL3_WORKING_DAYS).dueAt().toInstant());
	}

	/** The step that starts on {@code from} and has {@code workingDays} to be done. */
	public static StepDeadlines after(WorkingDayCalendar calendar, LocalDate from, int workingDays) {
		return on(calendar, calendar.deadline(from, workingDays).date());
	}
}
