package org.zhengpaopao.demandreport;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The instants one step's task due date and timers use, computed once on the working-day calendar.
 *
 * @param date      the deadline (a working day)
 * @param dueAt     close of business on it: the task's due date and the red card
 * @param yellowAt  close of business on the working day before: the yellow card
 * @param level2At  two working days after the deadline: the escalation while still open
 */
public record StepDeadline(LocalDate date, Instant dueAt, Instant yellowAt, Instant level2At) {
}
