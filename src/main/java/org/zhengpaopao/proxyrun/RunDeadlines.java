package org.zhengpaopao.proxyrun;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The instants a run's timers and task due dates use, computed once on the working-day calendar.
 *
 * @param dueAt     close of business on the deadline: the red card
 * @param yellowAt  close of business on the working day before: the yellow card
 * @param level2At  two working days after the deadline: reported to the managers
 * @param level3At  five working days after the deadline
 */
public record RunDeadlines(LocalDate deadline, Instant dueAt, Instant yellowAt, Instant level2At, Instant level3At) {
}
