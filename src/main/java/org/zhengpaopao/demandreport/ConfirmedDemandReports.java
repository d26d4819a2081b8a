package org.zhengpaopao.demandreport;

import java.time.LocalDate;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.system.CountyTime;

/** For the KPIs: reports found 属实 count against their department on the day of the finding. */
@Service
@Transactional(readOnly = true)
public class ConfirmedDemandReports {

	private final DemandReportRepository reports;

	ConfirmedDemandReports(DemandReportRepository reports) {
		this.reports = reports;
	}

	/** Confirmed reports per department code, by the day their finding was recorded, in [from, toExclusive). */
	public Map<String, Long> byDepartment(LocalDate from, LocalDate toExclusive) {
		return reports
			.confirmedByDepartment(from.atStartOfDay(CountyTime.ZONE).toInstant(),
					toExclusive.atStartOfDay(CountyTime.ZONE).toInstant())
			.stream()
			.collect(Collectors.toMap(DemandReportRepository.DepartmentCount::getDepartmentCode,
					DemandReportRepository.DepartmentCount::getReports));
	}
}
