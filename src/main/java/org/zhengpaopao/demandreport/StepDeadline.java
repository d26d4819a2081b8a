package org.zhengpaopao.demandreport;

import java.time.Instant;
import java.time.LocalDate;

import org.zhengpaopao.calendar.Deadline;
import org.zhengpaopao.calendar.WorkingDayCalendar;

/**
 * The instants one step's task due date and timers use, computed once on the working-day calendar.
 *
 * @param date      the deadline (a working day)
 * @param dueAt     close of business on it: the task's due date and the red card
 * @param yellowAt  close of business on the working day before: the yellow card
 * @param level2At  two working days after the deadline: the escalation while still open
 */
public record StepDeadline(LocalDate date, Instant dueAt, Instant yellowAt, Instant level2At) {

	/** The step that starts on {@code from} and has {@code workingDays} to be done. */
	static StepDeadline after(WorkingDayCalendar calendar, LocalDate from, int workingDays) {
		LocalDate date = calendar.deadline(from, workingDays).date();
		return new StepDeadline(date, Deadline.closeOfBusiness(date).toInstant(),
				Deadline.closeOfBusiness(calendar.previousWorkingDay(date)).toInstant(),
				calendar.deadline(date, 2).dueAt().toInstant());
	}
}
