package org.zhengpaopao.demandreport;

import java.time.LocalDate;

/** A report as the public page posts it; checked by {@link DemandReports#submit}. */
public record NewDemandReport(String departmentCode, String matterCode, String certificateCode, LocalDate demandedOn,
		String contactName, String contactPhone, String details) {
}
