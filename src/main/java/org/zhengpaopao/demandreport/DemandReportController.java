package org.zhengpaopao.demandreport;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.catalog.Disposition;

import io.swagger.v3.oas.annotations.Operation;

/** The reform office's view of the reports; the work itself is done in Tasklist. Managers and admins only. */
@RestController
class DemandReportController {

	private final DemandReportOffice reports;
	private final DemandReports intake;
	private final Clock clock;

	DemandReportController(DemandReportOffice reports, DemandReports intake, Clock clock) {
		this.reports = reports;
		this.intake = intake;
		this.clock = clock;
	}

	@GetMapping("/api/demand-reports")
	@Operation(summary = "索要证明举报列表 / Demand reports, newest first",
			description = "Filter by status (SUBMITTED, CONFIRMED, RECTIFIED, NOT_CONFIRMED, REPLIED) and department "
					+ "code. No contact data in the list. Repeats of a report are not listed; its detail shows them.")
	List<Summary> list(@RequestParam(required = false) DemandReportStatus status,
			@RequestParam(required = false) String department) {
		Instant now = clock.instant();
		return reports.list(status, department).stream().map(report -> {
			var names = intake.names(report);
			Instant due = report.currentDue();
			return new Summary(report.getTrackingNumber(), report.getStatus(), report.getStatus().label(),
					report.getDepartmentCode(), names.department(), report.getMatterCode(), names.matter(),
					report.getCertificateCode(), names.certificate(), report.getDemandedOn(), report.getSubmittedAt(),
					report.getFinding(), due, due != null && due.isBefore(now));
		}).toList();
	}

	@GetMapping("/api/demand-reports/{trackingNumber}")
	@Operation(summary = "索要证明举报详情 / One demand report with its supervision record",
			description = "The contact's phone is masked. duplicates: the reports that repeat this one (the same "
					+ "phone, department and certificate; no case of their own); duplicateOf: the report a repeat repeats.")
	Detail get(@PathVariable String trackingNumber) {
		DemandReport report = reports.get(trackingNumber);
		var names = intake.names(report);
		var reporter = reports.reporter(report);
		List<Duplicate> duplicates = reports.duplicates(report).stream().map(duplicate -> {
			var repeater = reports.reporter(duplicate);
			return new Duplicate(duplicate.getTrackingNumber(), duplicate.getSubmittedAt(), duplicate.getDemandedOn(),
					repeater.name(), repeater.details());
		}).toList();
		return new Detail(report.getTrackingNumber(), report.getStatus(), report.getStatus().label(),
				report.getDepartmentCode(), names.department(), report.getMatterCode(), names.matter(),
				report.getCertificateCode(), names.certificate(), report.getDisposition(), report.getDemandedOn(),
				report.getSubmittedAt(), reporter.name(), reporter.maskedPhone(), reporter.details(),
				report.getVerificationDue(), report.getFinding(), report.getFindingNote(), report.getFoundAt(),
				report.getFoundBy(), report.getRectificationDue(), report.getRectification(), report.getRectifiedAt(),
				report.getRectifiedBy(), report.getReplyDue(), report.getReply(), report.getRepliedAt(),
				report.getRepliedBy(), report.getDuplicateOf(), duplicates);
	}

	record Summary(String trackingNumber, DemandReportStatus status, String statusLabel, String departmentCode,
			String departmentName, String matterCode, String matterName, String certificateCode,
			String certificateName, LocalDate demandedOn, Instant submittedAt, Finding finding, Instant due,
			boolean overdue) {
	}

	record Detail(String trackingNumber, DemandReportStatus status, String statusLabel, String departmentCode,
			String departmentName, String matterCode, String matterName, String certificateCode,
			String certificateName, Disposition disposition, LocalDate demandedOn, Instant submittedAt,
			String contactName, String contactPhone, String details, Instant verificationDue, Finding finding,
			String findingNote, Instant foundAt, String foundBy, Instant rectificationDue, String rectification,
			Instant rectifiedAt, String rectifiedBy, Instant replyDue, String reply, Instant repliedAt,
			String repliedBy, String duplicateOf, List<Duplicate> duplicates) {
	}

	/** A repeat as the detail of the report it repeats lists it; the phone is the report's. */
	record Duplicate(String trackingNumber, Instant submittedAt, LocalDate demandedOn, String contactName,
			String details) {
	}
}
