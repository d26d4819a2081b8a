package org.zhengpaopao.application.process;

/** Names of the process variables of {@code certificate-free-application.bpmn}: ids and routing facts only. */
final class ApplicationVariables {

	static final String PROCESS_KEY = "certificate-free-application";

	static final String CASE_NO = "caseNo";
	static final String WINDOW_GROUP = "windowGroup";
	/** PERSON or COMPANY, shown on the forms */
	static final String APPLICANT_TYPE = "applicantType";
	/** the multi-instance element: one certificate of the case, by its id */
	static final String CERTIFICATE_ITEM = "certificateItem";
	/** local to one certificate: NOT_NEEDED, VERIFY, COMMITMENT or PROXY */
	static final String HANDLING = "handling";
	static final String DATA_VERIFIED = "dataVerified";
	static final String CERTIFICATE_SUMMARY = "certificateSummary";
	static final String DECISION_DUE = "decisionDue";
	static final String POST_VERIFICATION_DUE = "postVerificationDue";
	static final String COMMITMENT_UNDER_REVIEW = "commitmentUnderReview";
	/** 受理渠道 as the decision form shows it */
	static final String INTAKE_LABEL = "intakeLabel";

	// submitted by the task forms
	static final String APPROVED = "approved";
	static final String REJECTION_REASON = "rejectionReason";
	/** ONLINE, POST or WINDOW; set before the decision task so that the form offers the usual way first */
	static final String RESULT_DELIVERY = "resultDelivery";
	static final String POSTAL_TRACKING_NUMBER = "postalTrackingNumber";
	static final String COMMITMENT_TRUTHFUL = "commitmentTruthful";
	static final String FINDING = "finding";

	private ApplicationVariables() {
	}
}
