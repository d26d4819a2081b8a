package org.zhengpaopao.proxyrun;

import java.time.Clock;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fetch as the process reports it: the runner takes the request to the issuer, the issuer issues, refuses or asks
 * for more information, the runner supplements and finally delivers to the using department.
 */
@Service
@Transactional
public class ProxyRunProgress {

	private final ProxyRunRepository runs;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ProxyRunProgress(ProxyRunRepository runs, ApplicationEventPublisher events, Clock clock) {
		this.runs = runs;
		this.events = events;
		this.clock = clock;
	}

	public void requestedFromIssuer(String caseNo, String actor, String note) {
		runs.require(caseNo).markRequestedFromIssuer(actor, note, clock.instant());
	}

	public void issued(String caseNo, String actor) {
		runs.require(caseNo).markIssued(actor, clock.instant());
	}

	public void refused(String caseNo, String actor, String reason) {
		runs.require(caseNo).markRefused(actor, reason, clock.instant());
		events.publishEvent(new ProxyRunFinished(caseNo));
	}

	public void moreInformationNeeded(String caseNo, String actor, String what) {
		runs.require(caseNo).requestMoreInformation(actor, what, clock.instant());
	}

	public void informationSupplemented(String caseNo, String actor, String note) {
		runs.require(caseNo).supplementInformation(actor, note, clock.instant());
	}

	public void delivered(String caseNo, String actor, String note) {
		runs.require(caseNo).markDelivered(actor, note, clock.instant());
		events.publishEvent(new ProxyRunFinished(caseNo));
	}
}
