package org.zhengpaopao.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunStep;

/**
 * What the KPIs read from one run's recorded steps (the step keys the proxy-run feature records: see
 * {@code ProxyRun}). Every count is of a step, at the time it was recorded, so a run adds to a period exactly the
 * events that happened in it.
 *
 * @param runner                 who delivered the certificate; for a run not delivered, who last took it to the
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

	static final String ACCEPTED = "accepted";
	static final String AUTHORIZED_AT_WINDOW = "authorizedAtWindow";
	static final String AUTHORIZED_ONLINE = "authorizedOnline";
	static final String AUTHORIZATION_EXPIRED = "authorizationExpired";
	static final String FETCHED = "fetchCertificate";
	static final String SUPPLEMENTED = "supplementInformation";
	static final String DELIVERED = "proxyRunDelivered";
	static final String REFUSED = "certificateRefused";
	static final String CLOSED_AS_EXCEPTION = "closedAsException";
	static final String YELLOW_CARD = "yellowCard";
	static final String RED_CARD = "redCard";
	static final String LEVEL_2 = "escalatedLevel2";
	static final String LEVEL_3 = "escalatedLevel3";
	static final String EXTENDED = "deadlineExtended";

	static final Set<String> ENDINGS = Set.of(DELIVERED, REFUSED, CLOSED_AS_EXCEPTION, AUTHORIZATION_EXPIRED);

	static RunFacts of(ProxyRun run, WorkingDayCalendar calendar) {
		List<ProxyRunStep> steps = run.getSteps();
		String runner = null;
		ProxyRunStep ending = null;
		boolean red = false;
		for (ProxyRunStep step : steps) {
			switch (step.getStep()) {
				case FETCHED, SUPPLEMENTED -> runner = step.getActor();
				case RED_CARD -> red = true;
				default -> {
				}
			}
			if (ending == null && ENDINGS.contains(step.getStep())) {
				ending = step;
			}
		}
		Integer workingDays = null;
		boolean onTime = false;
		Instant accepted = steps.stream()
			.filter(s -> s.getStep().equals(ACCEPTED))
			.map(ProxyRunStep::getAt)
			.findFirst()
			.orElse(run.getCreatedAt());
		if (ending != null && ending.getStep().equals(DELIVERED)) {
			runner = ending.getActor();
			workingDays = calendar.workingDaysBetween(Period.dateOf(accepted), Period.dateOf(ending.getAt()));
		}
		if (ending != null && (ending.getStep().equals(DELIVERED) || ending.getStep().equals(REFUSED))) {
			onTime = !red && run.getDueAt() != null && !ending.getAt().isAfter(run.getDueAt());
		}
		return new RunFacts(run, runner, accepted, ending, onTime, workingDays);
	}

	/** Ended by delivery, refusal or closing as an exception: a runner had it (an expired authorization never did). */
	boolean handled() {
		return ending != null && !ending.getStep().equals(AUTHORIZATION_EXPIRED);
	}

	boolean endedBefore(Instant at) {
		return ending != null && ending.getAt().isBefore(at);
	}
}
