package org.zhengpaopao.demandreport;

import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

/** What the reform office (跑改办) reads of the reports: the list, one report, its repeats, the reporter masked. */
@Service
@Transactional(readOnly = true)
class DemandReportOffice {

	private final DemandReportRepository reports;
	private final DemandReports intake;
	private final Organization organization;

	DemandReportOffice(DemandReportRepository reports, DemandReports intake, Organization organization) {
		this.reports = reports;
		this.intake = intake;
		this.organization = organization;
	}

	List<DemandReport> list(DemandReportStatus status, String departmentCode) {
		String department = departmentCode == null || departmentCode.isBlank() ? null : departmentCode.strip();
		if (department != null && organization.department(department).isEmpty()) {
			throw new InvalidInputException("department", "没有这个部门", "unknown department");
		}
		return reports.findNewestFirst(status, department);
	}

	DemandReport get(String trackingNumber) {
		return intake.track(trackingNumber)
			.orElseThrow(() -> new NotFoundException("没有这个举报：" + trackingNumber, "no demand report " + trackingNumber));
	}

	/** The reports that repeat {@code report}, oldest first. */
	List<DemandReport> duplicates(DemandReport report) {
		return reports.findByDuplicateOfOrderBySubmittedAt(report.getTrackingNumber());
	}

	/** What the staff API shows of the reporter: the name and words as given, the phone masked. */
	Reporter reporter(DemandReport report) {
		return new Reporter(report.getContactName(), PhoneNumber.mask(report.getContactPhone()), report.getDetails());
	}

	record Reporter(String name, String maskedPhone, String details) {
	}
}
