package org.zhengpaopao.proxyrun;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.Idempotency;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

@RestController
class ProxyRunController {

	private final ProxyRuns proxyRuns;
	private final ProxyRunProcess process;
	private final RunCertificates certificates;

	ProxyRunController(ProxyRuns proxyRuns, ProxyRunProcess process, RunCertificates certificates) {
		this.proxyRuns = proxyRuns;
		this.process = process;
		this.certificates = certificates;
	}

	@PostMapping("/api/proxy-runs")
	@Operation(summary = "窗口受理代跑申请 / Open a proxy-run at the window",
			description = "Window staff only. The case number in the answer is the business key of the process instance. "
					+ "A person (applicantType PERSON, the default) gives idNumber; a company (COMPANY) gives creditCode "
					+ "(统一社会信用代码, GB 32100 check character) and contactName instead, and phone is the contact's. "
					+ "With an Idempotency-Key header, sending the same request again returns the same run (200) "
					+ "instead of a second one; the same key with a different request is a 409.")
	ResponseEntity<ProxyRunView> open(@Valid @RequestBody OpenProxyRunRequest request,
			@Parameter(description = "the window's key for this request, e.g. a UUID; at most 64 ASCII characters")
			@RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey, Principal principal) {
		NewProxyRun run = new NewProxyRun(request.applicantType(), request.applicantName(), request.idNumber(),
				request.creditCode(), request.contactName(), request.phone(), request.townshipCode(),
				request.villageCode(), request.certificateCode(), request.usingDepartmentCode(),
				request.authorizedAtWindow());
		ProxyRuns.Opening opening;
		try {
			opening = proxyRuns.open(run, idempotencyKey, principal.getName());
		}
		catch (DataIntegrityViolationException raced) {
			// the same key sent twice at the same moment: the other request stored the run
			opening = proxyRuns.findByIdempotencyKey(idempotencyKey)
				.map(earlier -> proxyRuns.open(run, idempotencyKey, principal.getName()))
				.orElseThrow(() -> raced);
		}
		ProxyRunView view = ProxyRunView.of(opening.run(), false, false, null);
		return opening.created()
				? ResponseEntity.created(URI.create("/api/proxy-runs/" + view.caseNo())).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping("/api/proxy-runs/{caseNo}")
	@Operation(summary = "代跑办件详情及办理过程 / A proxy-run with its history",
			description = "For those who work on the run (its runner group, the issuing clerks, the using department's "
					+ "window) and for the task force, managers and admins; to anybody else the run does not exist. "
					+ "ID number and phone are masked; a company's credit code is not personal data and shown in full.")
	ProxyRunView get(@PathVariable String caseNo, Authentication staff) {
		ProxyRun run = involving(caseNo, staff);
		return ProxyRunView.of(run, mayRevealApplicant(run, staff), holdsSupplementTask(run, staff),
				RunCertificateController.CertificateView.of(run, certificates, staff));
	}

	@GetMapping("/api/proxy-runs/{caseNo}/applicant-phone")
	@Operation(summary = "申请人完整手机号，供补充材料时联系（查看将被记录）/ The applicant's full phone (a company's: the "
			+ "contact's), to ask for more material; each view is recorded",
			description = "Only the runner who holds the run's open 补充材料 (supplementInformation) task: not the "
					+ "other runners of the group, not before claiming it. Every answer is recorded (who, when, which case).")
	PhoneView applicantPhone(@PathVariable String caseNo, Authentication staff) {
		ProxyRun run = involving(caseNo, staff);
		if (!holdsSupplementTask(run, staff)) {
			throw new AccessDeniedException("只有认领了「补充材料」任务的代跑员可以查看完整手机号 / only the runner holding the "
					+ "task 补充材料 sees the full phone");
		}
		ProxyRun revealed = proxyRuns.revealApplicantPhone(run.getCaseNo(), staff.getName());
		return new PhoneView(revealed.getCaseNo(), revealed.getApplicant().phone(), "本次查看已记录 / this view has been recorded");
	}

	/** The runner who must ask the applicant for more material; the task is the process's, so its port answers. */
	private boolean holdsSupplementTask(ProxyRun run, Authentication staff) {
		return !run.getState().isFinished() && Groups.memberOfAny(staff, run.getRunnerGroup())
				&& process.holderOf(run.getCaseNo(), ProxyRunTask.SUPPLEMENT_INFORMATION)
					.filter(staff.getName()::equals)
					.isPresent();
	}

	@GetMapping("/api/proxy-runs/{caseNo}/applicant")
	@Operation(summary = "申请人完整身份信息（查看将被记录）/ The applicant's full ID number and phone (a company's: the "
			+ "contact's phone); each view is recorded",
			description = "Only the issuing clerks of the run's issuer, while the run is open: they need the full "
					+ "identity to issue the certificate. Every answer is recorded (who, when, which case).")
	ApplicantView applicant(@PathVariable String caseNo, Authentication staff) {
		ProxyRun run = involving(caseNo, staff);
		if (!Groups.memberOfAny(staff, Groups.issuingClerks(run.getIssuerCode()))) {
			throw new AccessDeniedException("只有出证经办人可以查看完整身份信息 / only the issuing clerks see the full identity");
		}
		if (!mayRevealApplicant(run, staff)) {
			throw new ConflictException("代跑办件已办结，不再显示完整身份信息",
					"the run is finished, the full identity is no longer shown");
		}
		ProxyRun revealed = proxyRuns.revealApplicant(run.getCaseNo(), staff.getName());
		return ApplicantView.of(revealed.getCaseNo(), revealed.getApplicant());
	}

	/** The run, if the staff member works on it or supervises; otherwise as if it did not exist. */
	private ProxyRun involving(String caseNo, Authentication staff) {
		return proxyRuns.find(caseNo)
			.filter(run -> involves(run, staff))
			.orElseThrow(() -> new NotFoundException("没有这个代跑办件：" + caseNo, "no proxy-run " + caseNo));
	}

	static boolean involves(ProxyRun run, Authentication staff) {
		return Groups.memberOfAny(staff, Groups.MANAGERS, Groups.TASK_FORCE, Groups.ADMINS, run.getRunnerGroup(),
				Groups.issuingClerks(run.getIssuerCode()), Groups.window(run.getUsingDepartmentCode()));
	}

	private static boolean mayRevealApplicant(ProxyRun run, Authentication staff) {
		return !run.getState().isFinished() && Groups.memberOfAny(staff, Groups.issuingClerks(run.getIssuerCode()));
	}

	/** idNumber for a person; creditCode and contactName for a company: {@link org.zhengpaopao.applicant.Applicant} */
	@ApplicantNumbersGiven
	record OpenProxyRunRequest(ApplicantType applicantType,
			@NotBlank(message = "必填 / is required") String applicantName, String idNumber, String creditCode,
			String contactName, @NotBlank(message = "必填 / is required") String phone,
			@NotBlank(message = "必填 / is required") String townshipCode,
			@NotBlank(message = "必填 / is required") String villageCode,
			@NotBlank(message = "必填 / is required") String certificateCode,
			@NotBlank(message = "必填 / is required") String usingDepartmentCode,
			@NotNull(message = "必填 / is required") Boolean authorizedAtWindow) {
	}

	/**
	 * Staff view; the ID number and phone are masked (the full ones are for the issuing clerk's work only, see
	 * {@code applicantRevealable}); a company's credit code is in full, its contact's name as a person's name.
	 */
	record ProxyRunView(String caseNo, String state, String stateLabel, ApplicantType applicantType,
			String applicantTypeLabel, String applicantName, String idNumber, String creditCode, String contactName,
			String phone, boolean applicantRevealable, boolean applicantPhoneRevealable, String townshipCode, String villageCode, String certificateCode,
			String usingDepartmentCode, String issuerCode, String issuerName, String runnerGroup,
			boolean authorizedAtWindow, Instant authorizationDue, LocalDate deadline, Instant dueAt,
			boolean deadlineProvisional, Instant createdAt, String createdBy, List<StepView> steps,
			RunCertificateController.CertificateView certificate) {

		/** @param certificate null when opening: nothing is issued yet */
		static ProxyRunView of(ProxyRun run, boolean applicantRevealable, boolean applicantPhoneRevealable,
				RunCertificateController.CertificateView certificate) {
			Applicant applicant = run.getApplicant();
			return new ProxyRunView(run.getCaseNo(), run.getState().name(), run.getState().label(), applicant.type(),
					applicant.type().label(), applicant.name(), applicant.maskedIdNumber(), applicant.creditCode(),
					applicant.contactName(), PhoneNumber.mask(applicant.phone()), applicantRevealable,
					applicantPhoneRevealable,
					run.getTownshipCode(), run.getVillageCode(), run.getCertificateCode(), run.getUsingDepartmentCode(),
					run.getIssuerCode(), run.getIssuerName(), run.getRunnerGroup(), run.isAuthorizedAtWindow(),
					run.getAuthorizationDue(), run.getDeadline(), run.getDueAt(), run.isDeadlineProvisional(),
					run.getCreatedAt(), run.getCreatedBy(),
					run.getSteps().stream().map(s -> new StepView(s.getStep(), s.getLabel(), s.getActor(), s.getAt(),
							s.getNote())).toList(), certificate);
		}
	}

	record StepView(String step, String label, String actor, Instant at, String note) {
	}

	record PhoneView(String caseNo, String phone, String notice) {
	}

	/** The full identity: a person's ID number and phone, or a company's credit code, contact and contact's phone. */
	record ApplicantView(String caseNo, ApplicantType applicantType, String applicantTypeLabel, String applicantName,
			String idNumber, String creditCode, String contactName, String phone, String notice) {

		static ApplicantView of(String caseNo, Applicant applicant) {
			return new ApplicantView(caseNo, applicant.type(), applicant.type().label(), applicant.name(),
					applicant.idNumber(), applicant.creditCode(), applicant.contactName(), applicant.phone(),
					"本次查看已记录 / this view has been recorded");
		}
	}
}
