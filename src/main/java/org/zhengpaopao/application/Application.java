package org.zhengpaopao.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.applicant.IntakeChannel;
import org.zhengpaopao.system.ConflictException;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** 办件: one application for one matter, and what became of each certificate the matter lists. */
@Entity
@Table(name = "zpp_application")
public class Application {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(name = "case_no", unique = true, length = 32)
	private String caseNo;

	/** the window's key for this intake: the same key again returns this case */
	@Column(name = "idempotency_key", unique = true, length = 64)
	private String idempotencyKey;

	@Column(name = "request_fingerprint", nullable = false, length = 64)
	private String requestFingerprint;

	@Column(name = "matter_code", nullable = false, length = 32)
	private String matterCode;

	@Column(name = "matter_name", nullable = false, length = 128)
	private String matterName;

	@Column(name = "using_department_code", nullable = false, length = 64)
	private String usingDepartmentCode;

	/** a person, or a company with its contact */
	@Embedded
	private Applicant applicant;

	@Column(name = "township_code", nullable = false, length = 64)
	private String townshipCode;

	@Column(name = "village_code", nullable = false, length = 64)
	private String villageCode;

	/** given with the intake: signed at the window, the platform's submission, or the agent's photographed paper */
	@Column(name = "authorized_at_window", nullable = false)
	private boolean authorizedAtWindow;

	/** {@link org.zhengpaopao.applicant.IntakeChannel} */
	@Column(name = "intake_channel", nullable = false, length = 16)
	private String intakeChannel;

	@Column(name = "intake_reference", length = Intake.MAX_REFERENCE)
	private String intakeReference;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 24)
	private ApplicationState state = ApplicationState.IN_PROGRESS;

	@Column(name = "received_by", nullable = false, length = 64)
	private String receivedBy;

	@Column(name = "received_at", nullable = false)
	private Instant receivedAt;

	@Column(name = "decided_by", length = 64)
	private String decidedBy;

	@Column(name = "decided_at")
	private Instant decidedAt;

	@Column(name = "rejection_reason", length = 1000)
	private String rejectionReason;

	/** null for a case decided before the window was asked (V25) */
	@Enumerated(EnumType.STRING)
	@Column(name = "result_delivery", length = 16)
	private ResultDelivery resultDelivery;

	@Column(name = "postal_tracking_number", length = ResultDelivery.MAX_TRACKING_NUMBER)
	private String postalTrackingNumber;

	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;

	/** the village agent who handed the decision back to the villager, in the village */
	@Column(name = "handed_back_by", length = 64)
	private String handedBackBy;

	@Column(name = "handed_back_at")
	private Instant handedBackAt;

	@OneToMany(mappedBy = "application", cascade = CascadeType.ALL)
	@OrderBy("id")
	private List<RequiredCertificate> certificates = new ArrayList<>();

	protected Application() {
	}

	Application(Applicant applicant, Residence residence, Intake intake, String matterCode, String matterName,
			String usingDepartmentCode, boolean authorizedAtWindow, String idempotencyKey, String requestFingerprint,
			String receivedBy, Instant receivedAt) {
		this.applicant = applicant;
		this.intakeChannel = intake.channel().name();
		this.intakeReference = intake.reference();
		this.townshipCode = residence.townshipCode();
		this.villageCode = residence.villageCode();
		this.matterCode = matterCode;
		this.matterName = matterName;
		this.usingDepartmentCode = usingDepartmentCode;
		this.authorizedAtWindow = authorizedAtWindow;
		this.idempotencyKey = idempotencyKey;
		this.requestFingerprint = requestFingerprint;
		this.receivedBy = receivedBy;
		this.receivedAt = receivedAt;
	}

	/** where the applicant lives, or the company is registered */
	record Residence(String townshipCode, String villageCode) {
	}

	void require(RequiredCertificate.Terms terms, Handling handling, String plan, Instant now) {
		certificates.add(new RequiredCertificate(this, terms, handling, plan, now));
	}

	void assignCaseNo(String caseNo) {
		if (this.caseNo != null) {
			throw new IllegalStateException("case number already assigned");
		}
		this.caseNo = caseNo;
	}

	void attachProcess(String processInstanceId) {
		this.processInstanceId = processInstanceId;
	}

	RequiredCertificate certificate(long id) {
		return certificates.stream()
			.filter(c -> c.getId() == id)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(caseNo + " has no certificate item " + id));
	}

	/** Every certificate is settled one way or the other: the window decides next. */
	void awaitDecision() {
		if (state != ApplicationState.IN_PROGRESS) {
			throw new IllegalStateException(caseNo + " is " + state);
		}
		if (certificates.stream().anyMatch(c -> c.getStatus() == CertificateStatus.PENDING)) {
			throw new IllegalStateException(caseNo + " still has certificates pending");
		}
		state = ApplicationState.AWAITING_DECISION;
	}

	void approve(String actor, ResultDelivery delivery, String trackingNumber, Instant now) {
		decide(ApplicationState.APPROVED, actor, null, delivery, trackingNumber, now);
	}

	/** A refusal is a result too: it reaches the applicant the way the window chose. */
	void reject(String actor, String reason, ResultDelivery delivery, String trackingNumber, Instant now) {
		decide(ApplicationState.REJECTED, actor, reason, delivery, trackingNumber, now);
	}

	private void decide(ApplicationState decision, String actor, String reason, ResultDelivery delivery,
			String trackingNumber, Instant now) {
		if (state != ApplicationState.AWAITING_DECISION) {
			throw new IllegalStateException(caseNo + " is " + state + ", not awaiting a decision");
		}
		if (delivery == null) {
			throw new IllegalArgumentException(caseNo + ": a decision needs its way of delivery");
		}
		// a mailed result is traced by its number; any other way has none to trace
		if ((delivery == ResultDelivery.POST) != (trackingNumber != null)) {
			throw new IllegalArgumentException(caseNo + ": a tracking number goes with a result by post, and only then");
		}
		state = decision;
		decidedBy = actor;
		decidedAt = now;
		rejectionReason = reason;
		resultDelivery = delivery;
		postalTrackingNumber = trackingNumber;
	}

	/**
	 * The village agent who took the case handed its decision back to the villager. Only a case an agent took, once
	 * the window decided it, and only once.
	 */
	void handBackInVillage(String agent, Instant now) {
		if (!IntakeChannel.AGENT.name().equals(intakeChannel)) {
			throw new ConflictException("办件 " + caseNo + " 不是村代办员受理的，无需在村交还",
					"application " + caseNo + " was not taken by a village agent");
		}
		if (handedBackAt != null) {
			throw new ConflictException("办件 " + caseNo + " 的结果已交还村民", "application " + caseNo + " was handed back already");
		}
		if (state != ApplicationState.APPROVED && state != ApplicationState.REJECTED) {
			throw new ConflictException("办件 " + caseNo + " 当前状态为「" + state.label() + "」，尚未审批，不能交还村民",
					"application " + caseNo + " is " + state + ": not decided yet");
		}
		handedBackBy = agent;
		handedBackAt = now;
	}

	public String getHandedBackBy() {
		return handedBackBy;
	}

	public Instant getHandedBackAt() {
		return handedBackAt;
	}

	public Long getId() {
		return id;
	}

	public Intake getIntake() {
		return Intake.of(intakeChannel, intakeReference);
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getIdempotencyKey() {
		return idempotencyKey;
	}

	String getRequestFingerprint() {
		return requestFingerprint;
	}

	public String getMatterCode() {
		return matterCode;
	}

	public String getMatterName() {
		return matterName;
	}

	public String getUsingDepartmentCode() {
		return usingDepartmentCode;
	}

	public Applicant getApplicant() {
		return applicant;
	}

	/** the person's name, or the company's */
	public String getApplicantName() {
		return applicant.name();
	}

	/** null for a company */
	public String getIdNumber() {
		return applicant.idNumber();
	}

	/** the person's, or the company contact's: the decision and the invitation to rate go here */
	public String getPhone() {
		return applicant.phone();
	}

	public String getTownshipCode() {
		return townshipCode;
	}

	public String getVillageCode() {
		return villageCode;
	}

	public boolean isAuthorizedAtWindow() {
		return authorizedAtWindow;
	}

	public ApplicationState getState() {
		return state;
	}

	public String getReceivedBy() {
		return receivedBy;
	}

	public Instant getReceivedAt() {
		return receivedAt;
	}

	public String getDecidedBy() {
		return decidedBy;
	}

	public Instant getDecidedAt() {
		return decidedAt;
	}

	public String getRejectionReason() {
		return rejectionReason;
	}

	/** null for a case not decided, or decided before the window was asked */
	public ResultDelivery getResultDelivery() {
		return resultDelivery;
	}

	/** only for a result by post */
	public String getPostalTrackingNumber() {
		return postalTrackingNumber;
	}

	/**
	 * 零跑腿（按办件）: submitted online and the result back online or by post, so the applicant never came
	 * (docs/adr/0040-zero-trip-per-case.md). A case not decided, or decided before delivery was recorded, is not.
	 */
	public boolean isZeroTrip() {
		return getIntake().online()
				&& (resultDelivery == ResultDelivery.ONLINE || resultDelivery == ResultDelivery.POST);
	}

	public String getProcessInstanceId() {
		return processInstanceId;
	}

	public List<RequiredCertificate> getCertificates() {
		return List.copyOf(certificates);
	}
}
