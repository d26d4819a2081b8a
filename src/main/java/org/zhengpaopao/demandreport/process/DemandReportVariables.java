package org.zhengpaopao.demandreport.process;

/**
 * Names of the process variables of {@code demand-report.bpmn}: the tracking number, what the report is about
 * (codes and names of department, matter and certificate: no personal data) and the due dates. The contact and
 * the reporter's own words stay in {@code zpp_demand_report}.
 */
final class DemandReportVariables {

	static final String PROCESS_KEY = "demand-report";

	static final String TRACKING_NUMBER = "trackingNumber";
	static final String DEPARTMENT_CODE = "departmentCode";
	static final String DEPARTMENT_NAME = "departmentName";
	static final String MATTER_NAME = "matterName";
	static final String CERTIFICATE_NAME = "certificateName";
	static final String DISPOSITION_LABEL = "dispositionLabel";
	/** the day of the demand, YYYY-MM-DD, for the forms */
	static final String DEMANDED_ON = "demandedOn";
	static final String VERIFICATION_DUE = "verificationDue";
	static final String VERIFICATION_YELLOW_AT = "verificationYellowAt";
	static final String VERIFICATION_LEVEL2_AT = "verificationLevel2At";
	static final String RECTIFICATION_DUE = "rectificationDue";
	static final String RECTIFICATION_YELLOW_AT = "rectificationYellowAt";
	static final String REPLY_DUE = "replyDue";

	// submitted by the task forms
	static final String FINDING = "finding";
	static final String FINDING_NOTE = "findingNote";
	static final String RECTIFICATION = "rectification";
	static final String REPLY = "reply";

	// inputs of the overdue service tasks
	static final String STEP = "step";
	static final String LEVEL = "level";

	private DemandReportVariables() {
	}
}
