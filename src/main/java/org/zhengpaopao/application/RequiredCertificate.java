package org.zhengpaopao.application;

import java.time.Instant;

import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Replacement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/**
 * One certificate a case's matter lists, with the catalog's terms copied from the version in force at intake, so
 * that a later change to the catalog leaves the case as it was taken.
 */
@Entity
@Table(name = "zpp_application_certificate")
public class RequiredCertificate {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@ManyToOne(fetch = FetchType.LAZY, optional = false)
	@JoinColumn(name = "application_id")
	private Application application;

	@Column(name = "certificate_code", nullable = false, length = 32)
	private String certificateCode;

	@Column(name = "certificate_name", nullable = false, length = 128)
	private String certificateName;

	@Column(name = "catalog_entry_id", nullable = false)
	private long catalogEntryId;

	@Column(name = "catalog_entry_version", nullable = false)
	private int catalogEntryVersion;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Disposition disposition;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Replacement replacement;

	/** the catalog's reason, data source, licence or commitment text */
	@Column(nullable = false, length = 1000)
	private String detail;

	@Column(name = "legal_basis", length = 512)
	private String legalBasis;

	@Column(name = "deadline_working_days", nullable = false)
	private int deadlineWorkingDays;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Handling handling;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private CertificateStatus status = CertificateStatus.PENDING;

	/** what the case does about it and why, in words for the window; set at intake, changed by a fallback */
	@Column(nullable = false, length = 1000)
	private String plan;

	/** what happened so far, in words for the window */
	@Column(length = 1000)
	private String outcome;

	@Column(name = "proxy_run_case_no", length = 32)
	private String proxyRunCaseNo;

	@Column(name = "commitment_sampled", nullable = false)
	private boolean commitmentSampled;

	@Enumerated(EnumType.STRING)
	@Column(name = "post_verification", length = 16)
	private PostVerification postVerification;

	@Column(name = "post_verified_by", length = 64)
	private String postVerifiedBy;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt;

	protected RequiredCertificate() {
	}

	RequiredCertificate(Application application, Terms terms, Handling handling, String plan, Instant now) {
		this.application = application;
		this.certificateCode = terms.certificateCode();
		this.certificateName = terms.certificateName();
		this.catalogEntryId = terms.catalogEntryId();
		this.catalogEntryVersion = terms.catalogEntryVersion();
		this.disposition = terms.disposition();
		this.replacement = terms.replacement();
		this.detail = terms.detail();
		this.legalBasis = terms.legalBasis();
		this.deadlineWorkingDays = terms.deadlineWorkingDays();
		this.handling = handling;
		this.plan = plan;
		this.updatedAt = now;
	}

	/** The catalog's terms as the case took them. */
	record Terms(String certificateCode, String certificateName, long catalogEntryId, int catalogEntryVersion,
			Disposition disposition, Replacement replacement, String detail, String legalBasis,
			int deadlineWorkingDays) {
	}

	void markCancelled(Instant now) {
		require(Handling.NOT_NEEDED);
		settle(CertificateStatus.SATISFIED, "已取消，无需提供：" + detail
				+ (legalBasis == null || legalBasis.isBlank() ? "" : "（依据：" + legalBasis + "）"), now);
	}

	void markVerified(String what, Instant now) {
		require(Handling.VERIFY);
		settle(CertificateStatus.SATISFIED, "共享核验通过：" + what, now);
	}

	/** The check or the commitment could not stand in: a runner fetches the certificate instead. */
	void fallBackToProxyRun(String why, Instant now) {
		if (handling != Handling.VERIFY && handling != Handling.COMMITMENT || status != CertificateStatus.PENDING) {
			throw new IllegalStateException(certificateCode + " cannot fall back from " + handling + "/" + status);
		}
		handling = Handling.PROXY;
		plan = why + "，转由证跑跑代跑";
		updatedAt = now;
	}

	void recordCommitment(boolean sampled, Instant now) {
		require(Handling.COMMITMENT);
		commitmentSampled = sampled;
		settle(CertificateStatus.SATISFIED,
				"申请人已签署告知承诺书" + (sampled ? "，已抽中事后核查" : ""), now);
	}

	void proxyRunOpened(String caseNo, Instant now) {
		require(Handling.PROXY);
		if (proxyRunCaseNo != null) {
			throw new IllegalStateException(certificateCode + " already has proxy-run " + proxyRunCaseNo);
		}
		proxyRunCaseNo = caseNo;
		outcome = "代跑办件 " + caseNo + " 办理中";
		updatedAt = now;
	}

	void proxyRunEnded(boolean delivered, String how, Instant now) {
		require(Handling.PROXY);
		if (proxyRunCaseNo == null) {
			throw new IllegalStateException(certificateCode + " has no proxy-run");
		}
		settle(delivered ? CertificateStatus.SATISFIED : CertificateStatus.NOT_SATISFIED,
				"代跑办件 " + proxyRunCaseNo + "：" + how, now);
	}

	void postVerify(boolean truthful, String actor, Instant now) {
		if (handling != Handling.COMMITMENT || !commitmentSampled || postVerification != null) {
			throw new IllegalStateException(certificateCode + " is not awaiting post-verification");
		}
		postVerification = truthful ? PostVerification.CONFIRMED : PostVerification.FOUND_FALSE;
		postVerifiedBy = actor;
		updatedAt = now;
	}

	private void settle(CertificateStatus result, String what, Instant now) {
		if (status != CertificateStatus.PENDING) {
			throw new IllegalStateException(certificateCode + " is already " + status);
		}
		status = result;
		outcome = what;
		updatedAt = now;
	}

	private void require(Handling expected) {
		if (handling != expected) {
			throw new IllegalStateException(certificateCode + " is handled by " + handling + ", not " + expected);
		}
	}

	public Long getId() {
		return id;
	}

	public Application getApplication() {
		return application;
	}

	public String getCertificateCode() {
		return certificateCode;
	}

	public String getCertificateName() {
		return certificateName;
	}

	public long getCatalogEntryId() {
		return catalogEntryId;
	}

	public int getCatalogEntryVersion() {
		return catalogEntryVersion;
	}

	public Disposition getDisposition() {
		return disposition;
	}

	public Replacement getReplacement() {
		return replacement;
	}

	public String getDetail() {
		return detail;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public int getDeadlineWorkingDays() {
		return deadlineWorkingDays;
	}

	public Handling getHandling() {
		return handling;
	}

	public CertificateStatus getStatus() {
		return status;
	}

	public String getPlan() {
		return plan;
	}

	public String getOutcome() {
		return outcome;
	}

	public String getProxyRunCaseNo() {
		return proxyRunCaseNo;
	}

	public boolean isCommitmentSampled() {
		return commitmentSampled;
	}

	public PostVerification getPostVerification() {
		return postVerification;
	}

	public String getPostVerifiedBy() {
		return postVerifiedBy;
	}

	public Instant getUpdatedAt() {
		return updatedAt;
	}
}
