package org.zhengpaopao.application;

import java.time.Clock;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunOpened;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.sharing.DataSharing;
import org.zhengpaopao.sharing.DataSharing.Verification;
import org.zhengpaopao.sharing.DataSharing.VerificationRequest;

/**
 * What the case's process reports, one certificate at a time: its handling, the shared-data check, the commitment,
 * the proxy-run it opens and how that ended, and the summary the window decides on.
 */
@Service
@Transactional
public class CaseCertificates {

	private final ApplicationRepository applications;
	private final ProxyRuns proxyRuns;
	private final DataSharing dataSharing;
	private final CommitmentSampler sampler;
	private final Clock clock;

	CaseCertificates(ApplicationRepository applications, ProxyRuns proxyRuns, DataSharing dataSharing,
			CommitmentSampler sampler, Clock clock) {
		this.applications = applications;
		this.proxyRuns = proxyRuns;
		this.dataSharing = dataSharing;
		this.sampler = sampler;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public List<Long> certificateIds(String caseNo) {
		return applications.require(caseNo).getCertificates().stream().map(RequiredCertificate::getId).toList();
	}

	@Transactional(readOnly = true)
	public Handling handling(long certificateId) {
		return applications.requireCertificate(certificateId).getHandling();
	}

	public void recordCancellation(long certificateId) {
		applications.requireCertificate(certificateId).markCancelled(clock.instant());
	}

	/**
	 * Asks the data platform. A record that is missing or not valid sends the certificate to a runner.
	 *
	 * @return whether the certificate is satisfied from shared data
	 * @throws org.zhengpaopao.sharing.DataSharingUnavailableException when the platform is down, to be retried
	 */
	public boolean verify(long certificateId) {
		RequiredCertificate item = applications.requireCertificate(certificateId);
		Applicant applicant = item.getApplication().getApplicant();
		Verification answer = dataSharing.verify(new VerificationRequest(applicant.idNumber(),
				applicant.creditCode(), item.getCertificateCode(), item.getDetail()));
		if (answer.verified()) {
			item.markVerified(item.getDetail() + (answer.detail().isBlank() ? "" : "。" + answer.detail()),
					clock.instant());
			return true;
		}
		item.fallBackToProxyRun(switch (answer.result()) {
			case NOT_FOUND -> "共享平台未查到记录";
			default -> "共享平台记录无效";
		} + (answer.detail().isBlank() ? "" : "（" + answer.detail() + "）"), clock.instant());
		return false;
	}

	/** @return whether the commitment was drawn for post-verification */
	public boolean recordCommitment(long certificateId) {
		boolean sampled = sampler.draw();
		applications.requireCertificate(certificateId).recordCommitment(sampled, clock.instant());
		return sampled;
	}

	/** Opens the run that the case's process then starts as its call activity. */
	public ProxyRunOpened openProxyRun(long certificateId) {
		RequiredCertificate item = applications.requireCertificate(certificateId);
		Application application = item.getApplication();
		Applicant applicant = application.getApplicant();
		ProxyRunOpened opened = proxyRuns.openForApplication(
				new NewProxyRun(applicant.type(), applicant.name(), applicant.idNumber(), applicant.creditCode(),
						applicant.contactName(), applicant.phone(), application.getTownshipCode(),
						application.getVillageCode(), item.getCertificateCode(), application.getUsingDepartmentCode(),
						application.isAuthorizedAtWindow()),
				application.getIntake(), item.getDeadlineWorkingDays(), application.getCaseNo(), application.getMatterName(),
				application.getReceivedBy());
		item.proxyRunOpened(opened.caseNo(), clock.instant());
		return opened;
	}

	/** The run has ended: delivered, or refused, expired or closed as an exception. */
	public void proxyRunEnded(long certificateId) {
		RequiredCertificate item = applications.requireCertificate(certificateId);
		ProxyRun run = proxyRuns.find(item.getProxyRunCaseNo()).orElseThrow();
		boolean delivered = run.getState() == ProxyRunState.DELIVERED;
		// the deciding window sees what the certificate came as: a licence number, a file, a paper original
		String travelledAs = delivered ? run.certificateSummary() : null;
		item.proxyRunEnded(delivered, travelledAs == null ? run.getState().label()
				: run.getState().label() + "（" + travelledAs + "）", clock.instant());
	}

	/**
	 * Every certificate is settled; the window decides next.
	 *
	 * @return the certificates' outcomes, for the decision form
	 */
	public String certificatesSettled(String caseNo) {
		Application application = applications.require(caseNo);
		application.awaitDecision();
		StringBuilder summary = new StringBuilder();
		long missing = application.getCertificates()
			.stream()
			.filter(c -> c.getStatus() == CertificateStatus.NOT_SATISFIED)
			.count();
		if (missing > 0) {
			summary.append("注意：有 ").append(missing).append(" 项证明未能取得，请决定是否准予办理。\n");
		}
		for (RequiredCertificate c : application.getCertificates()) {
			summary.append("· ").append(c.getCertificateName()).append("【").append(c.getStatus().label())
				.append("】").append(c.getOutcome()).append('\n');
		}
		return summary.toString().strip();
	}

	@Transactional(readOnly = true)
	public List<Long> sampledCommitments(String caseNo) {
		return applications.require(caseNo).getCertificates()
			.stream()
			.filter(RequiredCertificate::isCommitmentSampled)
			.map(RequiredCertificate::getId)
			.toList();
	}
}
