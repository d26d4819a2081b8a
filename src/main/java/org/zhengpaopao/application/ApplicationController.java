package org.zhengpaopao.application;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
class ApplicationController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final Applications applications;

	ApplicationController(Applications applications) {
		this.applications = applications;
	}

	@PostMapping("/api/applications")
	@Operation(summary = "窗口受理办件 / Take a certificate-free application at the window",
			description = "Window staff only. 201 with the case number and, per certificate, what will happen. "
					+ "A person (applicantType PERSON, the default) gives idNumber; a company (COMPANY) gives creditCode "
					+ "(统一社会信用代码, GB 32100 check character) and contactName instead, and phone is the contact's. "
					+ "With an Idempotency-Key header, sending the same request again returns the same case (200) "
					+ "instead of a second one; the same key with a different request is a 409.")
	ResponseEntity<ApplicationView> take(@RequestBody NewApplication request,
			@Parameter(description = "the window's key for this intake, e.g. a UUID; at most 64 ASCII characters")
			@RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey, Principal principal) {
		Applications.Taken intake;
		try {
			intake = applications.take(request, idempotencyKey, principal.getName());
		}
		catch (DataIntegrityViolationException raced) {
			// the same key sent twice at the same moment: the other request stored the case
			intake = applications.findByIdempotencyKey(idempotencyKey)
				.map(earlier -> applications.take(request, idempotencyKey, principal.getName()))
				.orElseThrow(() -> raced);
		}
		ApplicationView view = ApplicationView.of(intake.application());
		return intake.created()
				? ResponseEntity.created(URI.create("/api/applications/" + view.caseNo())).body(view)
				: ResponseEntity.status(HttpStatus.OK).body(view);
	}

	@GetMapping("/api/applications/{caseNo}")
	@Operation(summary = "办件详情 / A case and what became of each of its certificates",
			description = "For the window of the department that took the case, the task force, managers and admins; "
					+ "to other windows the case does not exist.")
	ApplicationView get(@PathVariable String caseNo, Authentication staff) {
		return applications.find(caseNo)
			.filter(application -> Groups.memberOfAny(staff, Groups.MANAGERS, Groups.TASK_FORCE, Groups.ADMINS,
					Groups.window(application.getUsingDepartmentCode())))
			.map(ApplicationView::of)
			.orElseThrow(() -> new NotFoundException("没有这个办件：" + caseNo, "no application " + caseNo));
	}

	/**
	 * ID number and phone masked: the window has them on the form, nobody else needs them here. A company's credit
	 * code is not personal data and is shown in full.
	 */
	record ApplicationView(String caseNo, String state, String stateLabel, String matterCode, String matterName,
			String usingDepartmentCode, ApplicantType applicantType, String applicantTypeLabel, String applicantName,
			String idNumber, String creditCode, String contactName, String phone, String townshipCode,
			String villageCode, String receivedBy, Instant receivedAt, String decidedBy, Instant decidedAt,
			String rejectionReason, ResultDelivery resultDelivery, String resultDeliveryLabel,
			String postalTrackingNumber, String processInstanceId, List<CertificateView> certificates) {

		static ApplicationView of(Application a) {
			Applicant applicant = a.getApplicant();
			return new ApplicationView(a.getCaseNo(), a.getState().name(), a.getState().label(), a.getMatterCode(),
					a.getMatterName(), a.getUsingDepartmentCode(), applicant.type(), applicant.type().label(),
					applicant.name(), applicant.maskedIdNumber(), applicant.creditCode(), applicant.contactName(),
					PhoneNumber.mask(applicant.phone()), a.getTownshipCode(), a.getVillageCode(), a.getReceivedBy(),
					a.getReceivedAt(), a.getDecidedBy(), a.getDecidedAt(), a.getRejectionReason(),
					a.getResultDelivery(), a.getResultDelivery() == null ? null : a.getResultDelivery().label(),
					a.getPostalTrackingNumber(), a.getProcessInstanceId(), a.getCertificates().stream().map(CertificateView::of).toList());
		}
	}

	record CertificateView(String certificateCode, String certificateName, int catalogVersion,
			Disposition disposition, String dispositionLabel, Replacement replacement, String legalBasis,
			String handling, String handlingLabel, String plan, String status, String statusLabel, String outcome,
			String proxyRunCaseNo, boolean commitmentSampled, PostVerification postVerification) {

		static CertificateView of(RequiredCertificate c) {
			return new CertificateView(c.getCertificateCode(), c.getCertificateName(), c.getCatalogEntryVersion(),
					c.getDisposition(), c.getDisposition().label(), c.getReplacement(), c.getLegalBasis(),
					c.getHandling().name(), c.getHandling().label(), c.getPlan(), c.getStatus().name(), c.getStatus().label(),
					c.getOutcome(), c.getProxyRunCaseNo(), c.isCommitmentSampled(), c.getPostVerification());
		}
	}
}
