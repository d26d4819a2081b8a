package org.zhengpaopao.kpi;

import static org.zhengpaopao.proxyrun.ProxyRunStepKind.*;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunStep;
import org.zhengpaopao.proxyrun.ProxyRunStepKind;

/**
 * What the KPIs read from one run's recorded steps ({@link ProxyRunStepKind}). Every count is of a step, at the time
 * it was recorded, so a run adds to a period exactly the events that happened in it.
 *
 * @param runner                 who handed the certificate over to the window that signed for it (before the
 *                               window signed, who delivered it); for a run not delivered, who last took it to the
 *                               issuer (fetch or supplement); null when no runner ever worked on it
 * @param ending                 the step that ended the run (delivered, refused, closed as exception, authorization
 *                               expired), null while it is open
 * @param onTime                 delivered or refused no later than its deadline (18:00 on the deadline date) and
 *                               never carded red, so an extension granted after a red card does not make it on time
 * @param workingDaysToDelivery  for a delivered run, working days from the day it was accepted to the day it was
 *                               delivered (same day = 0)
 */
record RunFacts(ProxyRun run, String runner, Instant acceptedAt, ProxyRunStep ending, boolean onTime,
		Integer workingDaysToDelivery) {

	/** the steps that end a run */
	static final Set<ProxyRunStepKind> ENDINGS = Collections
		.unmodifiableSet(EnumSet.of(DELIVERED, REFUSED, CLOSED_AS_EXCEPTION, AUTHORIZATION_EXPIRED));

	static RunFacts of(ProxyRun run, WorkingDayCalendar calendar) {
		List<ProxyRunStep> steps = run.getSteps();
		String runner = null;
		ProxyRunStep ending = null;
		boolean red = false;
		for (ProxyRunStep step : steps) {
			if (step.is(REQUESTED_FROM_ISSUER) || step.is(INFORMATION_SUPPLEMENTED) || step.is(HANDED_OVER)) {
				runner = step.getActor();
			}
			red |= step.is(RED_CARD);
			if (ending == null && ENDINGS.contains(step.kind())) {
				ending = step;
			}
		}
		Integer workingDays = null;
		boolean onTime = false;
		Instant accepted = steps.stream()
			.filter(s -> s.is(ACCEPTED))
			.map(ProxyRunStep::getAt)
			.findFirst()
			.orElse(run.getCreatedAt());
		if (ending != null && ending.is(DELIVERED)) {
			// signed for by the window: the runner is who handed it over; delivered by the runner on an older version
			runner = steps.stream().noneMatch(s -> s.is(HANDED_OVER)) ? ending.getActor() : runner;
			workingDays = calendar.workingDaysBetween(Period.dateOf(accepted), Period.dateOf(ending.getAt()));
		}
		if (ending != null && (ending.is(DELIVERED) || ending.is(REFUSED))) {
			onTime = !red && run.getDueAt() != null && !ending.getAt().isAfter(run.getDueAt());
		}
		return new RunFacts(run, runner, accepted, ending, onTime, workingDays);
	}

	/** Ended by delivery, refusal or closing as an exception: a runner had it (an expired authorization never did). */
	boolean handled() {
		return ending != null && !ending.is(AUTHORIZATION_EXPIRED);
	}

	boolean endedBefore(Instant at) {
		return ending != null && ending.getAt().isBefore(at);
	}
}
