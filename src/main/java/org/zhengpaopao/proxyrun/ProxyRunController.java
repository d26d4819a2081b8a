package org.zhengpaopao.proxyrun;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.system.IdNumber;
import org.zhengpaopao.system.Idempotency;
import org.zhengpaopao.system.NotFoundException;
import org.zhengpaopao.system.PhoneNumber;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

@RestController
class ProxyRunController {

	private final ProxyRuns proxyRuns;

	ProxyRunController(ProxyRuns proxyRuns) {
		this.proxyRuns = proxyRuns;
	}

	@PostMapping("/api/proxy-runs")
	@Operation(summary = "窗口受理代跑申请 / Open a proxy-run at the window",
			description = "Window staff only. The case number in the answer is the business key of the process instance. "
					+ "With an Idempotency-Key header, sending the same request again returns the same run (200) "
					+ "instead of a second one; the same key with a different request is a 409.")
	ResponseEntity<ProxyRunView> open(@Valid @RequestBody OpenProxyRunRequest request,
			@Parameter(description = "the window's key for this request, e.g. a UUID; at most 64 ASCII characters")
			@RequestHeader(name = Idempotency.HEADER, required = false) String idempotencyKey, Principal principal) {
		NewProxyRun run = new NewProxyRun(request.applicantName(), request.idNumber(), request.phone(),
				request.townshipCode(), request.villageCode(), request.certificateCode(), request.usingDepartmentCode(),
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
		ProxyRunView view = ProxyRunView.of(opening.run());
		return opening.created()
				? ResponseEntity.created(URI.create("/api/proxy-runs/" + view.caseNo())).body(view)
				: ResponseEntity.ok(view);
	}

	@GetMapping("/api/proxy-runs/{caseNo}")
	@Operation(summary = "代跑办件详情及办理过程 / A proxy-run with its history")
	ProxyRunView get(@PathVariable String caseNo) {
		return proxyRuns.find(caseNo)
			.map(ProxyRunView::of)
			.orElseThrow(() -> new NotFoundException("没有这个代跑办件：" + caseNo, "no proxy-run " + caseNo));
	}

	record OpenProxyRunRequest(@NotBlank(message = "必填 / is required") String applicantName,
			@NotBlank(message = "必填 / is required") String idNumber,
			@NotBlank(message = "必填 / is required") String phone,
			@NotBlank(message = "必填 / is required") String townshipCode,
			@NotBlank(message = "必填 / is required") String villageCode,
			@NotBlank(message = "必填 / is required") String certificateCode,
			@NotBlank(message = "必填 / is required") String usingDepartmentCode,
			@NotNull(message = "必填 / is required") Boolean authorizedAtWindow) {
	}

	/** Staff view; the ID number and phone are masked (the full ones are for the issuing clerk's work only). */
	record ProxyRunView(String caseNo, String state, String stateLabel, String applicantName, String idNumber,
			String phone, String townshipCode, String villageCode, String certificateCode, String usingDepartmentCode,
			String issuerCode, String issuerName, String runnerGroup, boolean authorizedAtWindow,
			Instant authorizationDue, LocalDate deadline, Instant dueAt, boolean deadlineProvisional,
			Instant createdAt, String createdBy, List<StepView> steps) {

		static ProxyRunView of(ProxyRun run) {
			return new ProxyRunView(run.getCaseNo(), run.getState().name(), run.getState().label(),
					run.getApplicantName(), IdNumber.mask(run.getIdNumber()), PhoneNumber.mask(run.getPhone()),
					run.getTownshipCode(), run.getVillageCode(), run.getCertificateCode(), run.getUsingDepartmentCode(),
					run.getIssuerCode(), run.getIssuerName(), run.getRunnerGroup(), run.isAuthorizedAtWindow(),
					run.getAuthorizationDue(), run.getDeadline(), run.getDueAt(), run.isDeadlineProvisional(),
					run.getCreatedAt(), run.getCreatedBy(),
					run.getSteps().stream().map(s -> new StepView(s.getStep(), s.getLabel(), s.getActor(), s.getAt(),
							s.getNote())).toList());
		}
	}

	record StepView(String step, String label, String actor, Instant at, String note) {
	}
}
