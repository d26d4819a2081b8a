package org.zhengpaopao.demandreport;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.publicguard.PublicAttempts;
import org.zhengpaopao.publicguard.TypedIdentifier;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the public report page calls, without login: the choices, a report, and the tracking lookup by tracking
 * number alone. Nothing here answers with a name, a phone or the reporter's own words, or tells whether somebody
 * reported the same before. Phones and tracking numbers are read in their one spelling ({@link TypedIdentifier}).
 * See docs/demand-reports.md.
 */
@RestController
class PublicDemandReportController {

	private final DemandReports reports;
	private final PublicAttempts attempts;

	PublicDemandReportController(DemandReports reports, PublicAttempts attempts) {
		this.reports = reports;
		this.attempts = attempts;
	}

	@GetMapping("/public/api/demand-reports/choices")
	@Operation(summary = "可举报的部门、事项和证明 / Departments, their matters and the certificates they may no longer ask for",
			description = "Only certificates the catalog cancelled (CANCELLED), shares (SHARED) or replaces (REPLACED) "
					+ "for the matter; proxy-run certificates (PROXY) may still be asked for.")
	List<DemandReports.DepartmentChoice> choices() {
		return reports.choices();
	}

	@PostMapping("/public/api/demand-reports")
	@Operation(summary = "举报部门索要已取消的证明 / Report that a department demanded a certificate it may no longer ask for",
			description = "201 with a new tracking number, also when the same phone reported the same demand before "
					+ "(the reform office handles both as one; the answer does not tell). At most 5 reports per client "
					+ "address and hour (429 with Retry-After).")
	ResponseEntity<Receipt> submit(@RequestBody ReportRequest request, HttpServletRequest http) {
		// a repeat of an earlier report gets the same answer as a new one: whether this phone reported this
		// department before is not for a caller who has not proven the phone (docs/adr/0003-public-identifiers.md)
		var submission = reports.submit(new NewDemandReport(request.departmentCode(), request.matterCode(),
				request.certificateCode(), request.demandedOn(), request.contactName(),
				TypedIdentifier.normalize(request.contactPhone()), request.details()), http.getRemoteAddr());
		return ResponseEntity.created(URI.create("/public/api/demand-reports/track"))
			.body(new Receipt(submission.report().getTrackingNumber(), false,
					"举报已受理。请记下跟踪编号，凭编号查询核实结果和答复；我们将在3个工作日内向部门核实。"));
	}

	@PostMapping("/public/api/demand-reports/track")
	@Operation(summary = "凭跟踪编号查询举报进度 / Track a report by its tracking number",
			description = "Status, what was reported, the finding and the reply; never the contact or the details. "
					+ "A repeat of an earlier report stays SUBMITTED and shows nothing of the earlier one. "
					+ "An unknown number is a 404; too many attempts on a number or from an address a 429.")
	Progress track(@RequestBody TrackRequest request, HttpServletRequest http) {
		var attempt = attempts.begin(request.trackingNumber(), http.getRemoteAddr());
		DemandReport report = reports.track(attempt.caseNumber())
			.orElseThrow(() -> new NotFoundException("没有找到这个跟踪编号的举报，请核对编号",
					"no report has this tracking number"));
		attempt.succeeded();
		var names = reports.names(report);
		return new Progress(report.getTrackingNumber(), report.getStatus(), report.getStatus().label(),
				names.department(), names.matter(), names.certificate(), report.getDisposition(),
				report.getDisposition().label(), report.getDemandedOn(), report.getSubmittedAt(), report.getFinding(),
				report.getFinding() == null ? null : report.getFinding().label(), report.getReply(),
				report.getRepliedAt());
	}

	record ReportRequest(String departmentCode, String matterCode, String certificateCode, LocalDate demandedOn,
			String contactName, String contactPhone, String details) {
	}

	/** {@code duplicate} is always false: kept for clients of the first version, which told repeats apart. */
	record Receipt(String trackingNumber, boolean duplicate, String message) {
	}

	record TrackRequest(String trackingNumber) {
	}

	record Progress(String trackingNumber, DemandReportStatus status, String statusLabel, String departmentName,
			String matterName, String certificateName, Disposition disposition, String dispositionLabel,
			LocalDate demandedOn, Instant submittedAt, Finding finding, String findingLabel, String reply,
			Instant repliedAt) {
	}
}
