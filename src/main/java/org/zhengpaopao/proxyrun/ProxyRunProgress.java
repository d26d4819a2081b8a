package org.zhengpaopao.proxyrun;

import java.time.Clock;
import java.time.Instant;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.identity.Groups;

/**
 * The fetch as the process reports it: the runner takes the request to the issuer, the issuer issues, refuses or asks
 * for more information, the runner supplements and hands it over, and the using department's window signs for it or
 * returns it.
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

	/**
	 * Issued, with what the issuing clerk gave on the form: a licence number (optional when a file is attached) and
	 * whether the certificate is a paper original.
	 *
	 * @return what it travels as, for the forms of the runner and the window: 「电子证照 …；证明文件；纸质原件」
	 */
	public String issued(String caseNo, String actor, String licenceNumber, boolean paperOriginal) {
		ProxyRun run = runs.require(caseNo);
		Instant now = clock.instant();
		if (licenceNumber != null && !licenceNumber.isBlank()) {
			run.recordLicence(licenceNumber, actor, now);
		}
		run.markIssued(actor, paperOriginal, now);
		return run.certificateSummary();
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

	/** @return the using department's window, which signs for it next */
	public String handedOver(String caseNo, String actor, String note) {
		ProxyRun run = runs.require(caseNo);
		run.handOver(actor, note, clock.instant());
		return Groups.window(run.getUsingDepartmentCode());
	}

	public void signedFor(String caseNo, String actor, String note) {
		runs.require(caseNo).signFor(actor, note, clock.instant());
		events.publishEvent(new ProxyRunFinished(caseNo));
	}

	public void returnedByUsingDepartment(String caseNo, String actor, String reason) {
		runs.require(caseNo).returnByUsingDepartment(actor, reason, clock.instant());
	}

	/** A run on a process version without the window's signature: the runner's delivery ends it. */
	public void deliveredWithoutSignature(String caseNo, String actor, String note) {
		runs.require(caseNo).markDeliveredWithoutSignature(actor, note, clock.instant());
		events.publishEvent(new ProxyRunFinished(caseNo));
	}
}
