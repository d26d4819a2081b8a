package org.zhengpaopao.proxyrun;

import static org.zhengpaopao.proxyrun.ProxyRunStepKind.*;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.applicant.IntakeChannel;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;

import jakarta.persistence.AttributeOverride;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The proxy-run aggregate. Its state changes only through the guarded transitions below, each of which
 * records a step; personal data (name, ID number, phone, a company's contact) stays here and never goes into the
 * process.
 */
@Entity
@Table(name = "zpp_proxy_run")
public class ProxyRun {

	static final String SYSTEM = "system";

	/** the length of zpp_proxy_run_step.note */
	static final int MAX_NOTE = 1000;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(name = "case_no", unique = true, length = 32)
	private String caseNo;

	@Column(name = "process_instance_id", length = 64)
	private String processInstanceId;

	/** a person, or a company with its contact */
	@Embedded
	@AttributeOverride(name = "name", column = @Column(name = "applicant_name", nullable = false, length = 200))
	private Applicant applicant;

	@Column(name = "township_code", nullable = false, length = 64)
	private String townshipCode;

	@Column(name = "village_code", nullable = false, length = 64)
	private String villageCode;

	@Column(name = "certificate_code", nullable = false, length = 32)
	private String certificateCode;

	@Column(name = "using_department_code", nullable = false, length = 64)
	private String usingDepartmentCode;

	/** the case (办件) this run fetches a certificate for; null for a run opened on its own */
	@Column(name = "application_case_no", length = 32)
	private String applicationCaseNo;

	/** 办结时限: counted from the day the run reaches its runners */
	@Column(name = "deadline_working_days", nullable = false)
	private int deadlineWorkingDays;

	/** the county department, or the township whose government or village committee issues it */
	@Column(name = "issuer_code", nullable = false, length = 64)
	private String issuerCode;

	@Column(name = "issuer_name", nullable = false, length = 128)
	private String issuerName;

	@Column(name = "runner_group", length = 64)
	private String runnerGroup;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 32)
	private ProxyRunState state;

	/** given with the intake: signed at the window, the platform's submission, or the agent's photographed paper */
	@Column(name = "authorized_at_window", nullable = false)
	private boolean authorizedAtWindow;

	/** {@link org.zhengpaopao.applicant.IntakeChannel} */
	@Column(name = "intake_channel", nullable = false, length = 16)
	private String intakeChannel;

	@Column(name = "intake_reference", length = Intake.MAX_REFERENCE)
	private String intakeReference;

	/** the salted SHA-256 of the code last handed to the SMS gateway; the code itself is stored nowhere */
	@Column(name = "authorization_code_hash", length = 64)
	private String authorizationCodeHash;

	/** null for a code issued before codes had salts */
	@Column(name = "authorization_code_salt", length = 32)
	private String authorizationCodeSalt;

	@Column(name = "authorization_attempts", nullable = false)
	private int authorizationAttempts;

	@Column(name = "authorization_due")
	private Instant authorizationDue;

	@Column(name = "deadline")
	private LocalDate deadline;

	@Column(name = "due_at")
	private Instant dueAt;

	@Column(name = "deadline_provisional", nullable = false)
	private boolean deadlineProvisional;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Card card = Card.NONE;

	/** 0 on time; 1 red card, with the task force; 2 and 3 reported to the managers. Never goes down. */
	@Column(name = "escalation_level", nullable = false)
	private int escalationLevel;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	@Column(name = "created_by", nullable = false, length = 64)
	private String createdBy;

	/** the window's key for this request: the same key again returns this run (runs of a case have none) */
	@Column(name = "idempotency_key", unique = true, length = 64)
	private String idempotencyKey;

	@Column(name = "request_fingerprint", length = 64)
	private String requestFingerprint;

	/** the stored file of the certificate as issued (module document); null when none is attached */
	@Column(name = "certificate_document_id")
	private Long certificateDocumentId;

	/** 电子证照编号: the certificate as an electronic licence on the provincial platform */
	@Column(name = "licence_number", length = 64)
	private String licenceNumber;

	/** issued on paper: the window signs for the original */
	@Column(name = "paper_original", nullable = false)
	private boolean paperOriginal;

	/** the matter (事项) of the case the run fetches for; null for a run opened on its own */
	@Column(name = "matter_name", length = 200)
	private String matterName;

	@ElementCollection(fetch = FetchType.EAGER)
	@CollectionTable(name = "zpp_proxy_run_step", joinColumns = @JoinColumn(name = "proxy_run_id"))
	@OrderColumn(name = "seq")
	private List<ProxyRunStep> steps = new ArrayList<>();

	protected ProxyRun() {
	}

	/**
	 * @param authorizationDue when an authorization not given at the window expires; null if it was
	 */
	ProxyRun(Applicant applicant, Request request, Intake intake, Issuer issuer, Instant authorizationDue,
			String createdBy, Instant now) {
		this.applicant = applicant;
		this.intakeChannel = intake.channel().name();
		this.intakeReference = intake.reference();
		this.townshipCode = request.townshipCode();
		this.villageCode = request.villageCode();
		this.certificateCode = request.certificateCode();
		this.usingDepartmentCode = request.usingDepartmentCode();
		this.applicationCaseNo = request.applicationCaseNo();
		this.matterName = request.matterName();
		this.deadlineWorkingDays = request.deadlineWorkingDays();
		this.issuerCode = issuer.code();
		this.issuerName = issuer.name();
		this.authorizedAtWindow = authorizationDue == null;
		this.authorizationDue = authorizationDue;
		this.createdBy = createdBy;
		this.createdAt = now;
		record(ACCEPTED, intake.acceptedNote("代跑申请"), createdBy, now, null);
		if (this.authorizedAtWindow) {
			this.state = ProxyRunState.AUTHORIZED;
			record(AUTHORIZED_AT_WINDOW, intake.authorizationNote(), createdBy, now, null);
		}
		else {
			this.state = ProxyRunState.AWAITING_AUTHORIZATION;
		}
	}

	record Request(String townshipCode, String villageCode, String certificateCode, String usingDepartmentCode,
			String applicationCaseNo, String matterName, int deadlineWorkingDays) {
	}

	record Issuer(String code, String name) {
	}

	void assignCaseNo(String caseNo) {
		if (this.caseNo != null) {
			throw new IllegalStateException("case number already assigned");
		}
		this.caseNo = caseNo;
	}

	void attachProcess(String processInstanceId) {
		if (this.processInstanceId != null && !this.processInstanceId.equals(processInstanceId)) {
			throw new IllegalStateException("run " + caseNo + " already has process " + this.processInstanceId);
		}
		this.processInstanceId = processInstanceId;
	}

	/**
	 * The process sends the applicant a code: any earlier code is void from now on, and the text message mints the
	 * new one when it goes out ({@link AuthorizationCodes}).
	 */
	void requestAuthorizationCode(Instant now) {
		require(ProxyRunState.AWAITING_AUTHORIZATION);
		voidAuthorizationCode();
		this.authorizationAttempts = 0;
		record(AUTHORIZATION_CODE_SENT, "已向申请人发送授权验证码", SYSTEM, now, null);
	}

	boolean awaitsAuthorizationCode(Instant now) {
		return state == ProxyRunState.AWAITING_AUTHORIZATION
				&& (authorizationDue == null || !now.isAfter(authorizationDue));
	}

	/** A code minted for a text message now going out; it replaces the one before, and gets its own tries. */
	void newAuthorizationCode(String codeHash, String salt) {
		require(ProxyRunState.AWAITING_AUTHORIZATION);
		this.authorizationCodeHash = codeHash;
		this.authorizationCodeSalt = salt;
		this.authorizationAttempts = 0;
	}

	private void voidAuthorizationCode() {
		this.authorizationCodeHash = null;
		this.authorizationCodeSalt = null;
	}

	AuthorizationOutcome confirmAuthorization(String code, int maxAttempts, Instant now) {
		if (!awaitsAuthorizationCode(now) || authorizationCodeHash == null) {
			return AuthorizationOutcome.NOT_PENDING;
		}
		if (authorizationAttempts >= maxAttempts) {
			return AuthorizationOutcome.LOCKED;
		}
		if (!AuthorizationCodes.matches(authorizationCodeHash, authorizationCodeSalt, caseNo, code)) {
			authorizationAttempts++;
			return authorizationAttempts >= maxAttempts ? AuthorizationOutcome.LOCKED : AuthorizationOutcome.WRONG_CODE;
		}
		this.state = ProxyRunState.AUTHORIZED;
		voidAuthorizationCode();
		record(AUTHORIZED_ONLINE, "申请人已在线确认授权", "applicant", now, null);
		return AuthorizationOutcome.CONFIRMED;
	}

	void expireAuthorization(Instant now) {
		require(ProxyRunState.AWAITING_AUTHORIZATION);
		this.state = ProxyRunState.AUTHORIZATION_EXPIRED;
		voidAuthorizationCode();
		record(AUTHORIZATION_EXPIRED, "申请人逾期未确认授权，代跑终止", SYSTEM, now, null);
	}

	void route(String runnerGroup, LocalDate deadline, Instant dueAt, boolean provisional, Instant now) {
		require(ProxyRunState.AUTHORIZED);
		this.runnerGroup = runnerGroup;
		this.deadline = deadline;
		this.dueAt = dueAt;
		this.deadlineProvisional = provisional;
		this.state = ProxyRunState.FETCHING;
		record(ROUTED, "已派至代跑群组", SYSTEM, now, runnerGroup + "，办结期限 " + deadline);
	}

	void markRequestedFromIssuer(String actor, String note, Instant now) {
		require(ProxyRunState.FETCHING);
		this.state = ProxyRunState.AWAITING_ISSUE;
		record(REQUESTED_FROM_ISSUER, "代跑员已向出证部门提交调取", actor, now, note);
	}

	void requestMoreInformation(String actor, String what, Instant now) {
		require(ProxyRunState.AWAITING_ISSUE);
		// the reason first: a refused request leaves the run as it was
		String request = required(what, "moreInfoRequest", "请写明需要补充的材料", "say what information is needed");
		this.state = ProxyRunState.MORE_INFO_REQUESTED;
		record(MORE_INFORMATION_NEEDED, "出证部门要求补充材料", actor, now, request);
	}

	void supplementInformation(String actor, String note, Instant now) {
		require(ProxyRunState.MORE_INFO_REQUESTED);
		this.state = ProxyRunState.AWAITING_ISSUE;
		record(INFORMATION_SUPPLEMENTED, "代跑员已补充材料并重新提交", actor, now, note);
	}

	/** The issuing clerk stored the certificate as a file; a second file replaces the first. */
	void attachCertificateFile(long documentId, String description, String actor, Instant now) {
		require(ProxyRunState.AWAITING_ISSUE);
		this.certificateDocumentId = documentId;
		record(CERTIFICATE_ATTACHED, "出证部门上传证明文件", actor, now, description);
	}

	/** The issuing clerk gave the electronic licence's number; the same number again records nothing. */
	void recordLicence(String number, String actor, Instant now) {
		require(ProxyRunState.AWAITING_ISSUE);
		String licence = LicenceNumber.parse(number);
		if (licence.equals(licenceNumber)) {
			return;
		}
		this.licenceNumber = licence;
		record(LICENCE_RECORDED, "出证部门登记电子证照编号", actor, now, licence);
	}

	/**
	 * Issued: the certificate must travel as a file, an electronic licence or a paper original, so that the using
	 * department can sign for what it received.
	 */
	void markIssued(String actor, boolean onPaper, Instant now) {
		require(ProxyRunState.AWAITING_ISSUE);
		if (certificateDocumentId == null && licenceNumber == null && !onPaper) {
			throw new InvalidInputException("licenceNumber",
					"已出具的证明须上传证明文件（PDF、JPEG 或 PNG）、填写电子证照编号，或勾选「纸质原件」",
					"an issued certificate needs a file, an electronic licence number or a paper original");
		}
		this.paperOriginal = onPaper;
		this.state = ProxyRunState.ISSUED;
		record(ISSUED, "出证部门已出具证明", actor, now, certificateSummary());
	}

	/** What the certificate travels as, for notes and the deciding window: 「电子证照 …；证明文件；纸质原件」. */
	public String certificateSummary() {
		List<String> forms = new ArrayList<>();
		if (licenceNumber != null) {
			forms.add("电子证照 " + licenceNumber);
		}
		if (certificateDocumentId != null) {
			forms.add("证明文件");
		}
		if (paperOriginal) {
			forms.add("纸质原件");
		}
		return forms.isEmpty() ? null : String.join("；", forms);
	}

	void markRefused(String actor, String reason, Instant now) {
		require(ProxyRunState.AWAITING_ISSUE);
		String why = required(reason, "refusalReason", "不予出具须填写理由", "a refusal needs a reason");
		this.state = ProxyRunState.REFUSED;
		record(REFUSED, "出证部门不予出具", actor, now, why);
	}

	/** The runner handed the certificate to the using department's window, which now signs for it or returns it. */
	void handOver(String actor, String note, Instant now) {
		require(ProxyRunState.ISSUED);
		this.state = ProxyRunState.HANDED_OVER;
		record(HANDED_OVER, "代跑员已送达，待用证部门签收", actor, now, note);
	}

	/** The window signed: the run is delivered from this moment, on time or late. */
	void signFor(String actor, String note, Instant now) {
		require(ProxyRunState.HANDED_OVER);
		this.state = ProxyRunState.DELIVERED;
		record(DELIVERED, "用证部门已签收", actor, now, note);
	}

	/**
	 * Not the right certificate: back to the runners, who fetch it again; the deadline keeps counting. What was
	 * issued is no longer the run's certificate (its file stays stored, with its record).
	 */
	void returnByUsingDepartment(String actor, String reason, Instant now) {
		require(ProxyRunState.HANDED_OVER);
		String why = required(reason, "returnReason", "退回须填写理由", "a return needs a reason");
		this.state = ProxyRunState.FETCHING;
		this.certificateDocumentId = null;
		this.licenceNumber = null;
		this.paperOriginal = false;
		record(RETURNED, "用证部门退回，待重新调取", actor, now, why);
	}

	/** A run on a process version from before the window's signature: the runner's delivery ends it. */
	void markDeliveredWithoutSignature(String actor, String note, Instant now) {
		require(ProxyRunState.ISSUED);
		this.state = ProxyRunState.DELIVERED;
		record(DELIVERED, "证明已送达用证部门", actor, now, note);
	}

	/**
	 * The village agent who took the run handed its result back to the villager, in the village. Only a run an agent
	 * took, once the using department has signed for its certificate, and only once.
	 */
	void handBackInVillage(String agent, Instant now) {
		if (!IntakeChannel.AGENT.name().equals(intakeChannel)) {
			throw new ConflictException("代跑 " + caseNo + " 不是村代办员受理的，无需在村交还",
					"proxy-run " + caseNo + " was not taken by a village agent");
		}
		if (handedBackInVillage().isPresent()) {
			throw new ConflictException("代跑 " + caseNo + " 的结果已交还村民", "proxy-run " + caseNo + " was handed back already");
		}
		if (state != ProxyRunState.DELIVERED) {
			throw new ConflictException("代跑 " + caseNo + " 当前状态为「" + state.label() + "」，结果尚未办回，不能交还村民",
					"proxy-run " + caseNo + " is " + state + ": no result to hand back yet");
		}
		record(HANDED_BACK_IN_VILLAGE, "村代办员已将办理结果交还村民", agent, now, null);
	}

	/** When and by whom an agent handed the result back in the village, if they have. */
	public java.util.Optional<ProxyRunStep> handedBackInVillage() {
		return steps.stream().filter(step -> step.is(HANDED_BACK_IN_VILLAGE)).findFirst();
	}

	/** @return whether the card was raised now (false when the run already carries it or is finished) */
	boolean raiseYellowCard(Instant now) {
		if (state.isFinished() || card != Card.NONE) {
			return false;
		}
		card = Card.YELLOW;
		record(YELLOW_CARD, "黄牌预警：距办结期限不足一个工作日", SYSTEM, now, "期限 " + deadline);
		return true;
	}

	/** @return whether the card was raised now */
	boolean raiseRedCard(Instant now) {
		if (state.isFinished() || card == Card.RED) {
			return false;
		}
		card = Card.RED;
		escalationLevel = Math.max(escalationLevel, 1);
		record(RED_CARD, "红牌超期：已移交工作专班督办", SYSTEM, now, "期限 " + deadline);
		return true;
	}

	/**
	 * Each level fires once per run, whichever node's timer gets there first.
	 *
	 * @return whether the run reached {@code level} now
	 */
	boolean escalate(int level, Instant now) {
		if (state.isFinished() || card != Card.RED || level <= escalationLevel) {
			return false;
		}
		ProxyRunStepKind step = ProxyRunStepKind.escalatedTo(level);
		escalationLevel = level;
		record(step, level + "级督办：通报督考办", SYSTEM, now, null);
		return true;
	}

	void urge(String actor, String note, Instant now) {
		requireOpen();
		record(URGED, "工作专班催办", actor, now, note);
	}

	void transfer(String actor, String to, boolean toGroup, Instant now) {
		requireOpen();
		if (toGroup) {
			runnerGroup = to;
		}
		record(TRANSFERRED, "工作专班转办", actor, now, "转办给 " + to);
	}

	/** Not guarded by the state: an open task moved, so the run is open, and the move must not fail over history. */
	void coverForAbsence(String actor, String note, Instant now) {
		record(ABSENCE_COVER, "请假代岗", actor, now, note);
	}

	void extendDeadline(String actor, LocalDate newDeadline, Instant newDueAt, boolean provisional, String reason,
			Instant now) {
		requireOpen();
		String why = required(reason, "extensionReason", "延期须填写理由", "an extension needs a reason");
		if (!newDueAt.isAfter(now)) {
			throw new InvalidInputException("newDeadline", "新的办结期限须晚于现在", "the new deadline must be in the future");
		}
		LocalDate previous = deadline;
		deadline = newDeadline;
		dueAt = newDueAt;
		deadlineProvisional = provisional;
		card = Card.NONE;
		record(DEADLINE_EXTENDED, "工作专班批准延期", actor, now, previous + " → " + newDeadline + "：" + why);
	}

	void closeAsException(String actor, String reason, Instant now) {
		requireOpen();
		String why = required(reason, "exceptionReason", "例外办结须填写理由", "closing as an exception needs a reason");
		state = ProxyRunState.CLOSED_AS_EXCEPTION;
		record(CLOSED_AS_EXCEPTION, "例外办结", actor, now, why);
	}

	private void requireOpen() {
		if (state.isFinished()) {
			throw new ConflictException("代跑 " + caseNo + " 已办结（" + state.label() + "）",
					"proxy-run " + caseNo + " has finished: " + state);
		}
	}

	private void require(ProxyRunState expected) {
		if (state != expected) {
			throw new ConflictException("代跑 " + caseNo + " 当前状态为「" + state.label() + "」，不能进行此操作",
					"proxy-run " + caseNo + " is " + state + ", expected " + expected);
		}
	}

	private static String required(String text, String field, String zh, String en) {
		if (text == null || text.isBlank()) {
			throw new InvalidInputException(field, zh, en);
		}
		return text.strip();
	}

	private void record(ProxyRunStepKind step, String label, String actor, Instant at, String note) {
		String text = note == null || note.isBlank() ? null : note.strip();
		if (text != null && text.length() > MAX_NOTE) {
			// a reason of the full length the form allows, with the old and new deadline in front of it
			text = text.substring(0, MAX_NOTE - 1) + "…";
		}
		steps.add(new ProxyRunStep(step, label, actor == null ? SYSTEM : actor, at, text));
	}

	public Long getId() {
		return id;
	}

	void keyedBy(String idempotencyKey, String requestFingerprint) {
		this.idempotencyKey = idempotencyKey;
		this.requestFingerprint = requestFingerprint;
	}

	String getRequestFingerprint() {
		return requestFingerprint;
	}

	public Intake getIntake() {
		return Intake.of(intakeChannel, intakeReference);
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getProcessInstanceId() {
		return processInstanceId;
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

	/** the person's, or the company contact's: text messages go here, and the public pages ask for it */
	public String getPhone() {
		return applicant.phone();
	}

	public String getTownshipCode() {
		return townshipCode;
	}

	public String getVillageCode() {
		return villageCode;
	}

	public String getCertificateCode() {
		return certificateCode;
	}

	public String getApplicationCaseNo() {
		return applicationCaseNo;
	}

	public int getDeadlineWorkingDays() {
		return deadlineWorkingDays;
	}

	public String getUsingDepartmentCode() {
		return usingDepartmentCode;
	}

	public String getIssuerCode() {
		return issuerCode;
	}

	public String getIssuerName() {
		return issuerName;
	}

	public String getRunnerGroup() {
		return runnerGroup;
	}

	public ProxyRunState getState() {
		return state;
	}

	public boolean isAuthorizedAtWindow() {
		return authorizedAtWindow;
	}

	public Instant getAuthorizationDue() {
		return authorizationDue;
	}

	public LocalDate getDeadline() {
		return deadline;
	}

	public Instant getDueAt() {
		return dueAt;
	}

	public boolean isDeadlineProvisional() {
		return deadlineProvisional;
	}

	public Card getCard() {
		return card;
	}

	public int getEscalationLevel() {
		return escalationLevel;
	}

	public Instant getCreatedAt() {
		return createdAt;
	}

	public String getCreatedBy() {
		return createdBy;
	}

	public Long getCertificateDocumentId() {
		return certificateDocumentId;
	}

	public String getLicenceNumber() {
		return licenceNumber;
	}

	public boolean isPaperOriginal() {
		return paperOriginal;
	}

	public String getMatterName() {
		return matterName;
	}

	public List<ProxyRunStep> getSteps() {
		return Collections.unmodifiableList(steps);
	}
}
