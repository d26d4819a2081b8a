package org.zhengpaopao.proxyrun.process;

/** Names of the process variables of {@code proxy-run.bpmn}: ids, routing facts and due dates only. */
final class ProxyRunVariables {

	static final String PROCESS_KEY = "proxy-run";
	static final String APPLICANT_AUTHORIZED = "applicantAuthorized";

	static final String CASE_NO = "caseNo";
	static final String PROXY_RUN_ID = "proxyRunId";
	/** PERSON or COMPANY, shown on the forms: a company's runner carries the company's authorization */
	static final String APPLICANT_TYPE = "applicantType";
	static final String AUTHORIZED_AT_WINDOW = "authorizedAtWindow";
	static final String AUTHORIZATION_DUE = "authorizationDue";
	static final String CERTIFICATE_CODE = "certificateCode";
	static final String CERTIFICATE_NAME = "certificateName";
	static final String ISSUING_LEVEL = "issuingLevel";
	static final String ISSUING_DEPARTMENT_CODE = "issuingDepartmentCode";
	static final String ISSUER_HAS_LIAISON = "issuerHasLiaison";
	static final String ISSUER_NAME = "issuerName";
	static final String ISSUER_GROUP = "issuerGroup";
	static final String TOWNSHIP_CODE = "townshipCode";
	static final String VILLAGE_CODE = "villageCode";
	/** routing fact, computed when the run is routed ({@link RunnerRoutingFacts}) */
	static final String VILLAGE_HAS_AGENTS = "villageHasAgents";
	static final String RUNNER_GROUP = "runnerGroup";
	static final String PROXY_RUN_DUE = "proxyRunDue";
	/** the deadline as a date, for forms */
	static final String PROXY_RUN_DEADLINE = "proxyRunDeadline";
	static final String YELLOW_CARD_AT = "yellowCardAt";
	static final String LEVEL2_AT = "level2At";
	static final String LEVEL3_AT = "level3At";
	/** input of the escalation service tasks */
	static final String LEVEL = "level";
	static final String SUPERVISION_OUTCOME = "supervisionOutcome";
	/** window-&lt;usingDepartmentCode&gt;: who signs for the certificate; set when the runner hands it over */
	static final String USING_WINDOW_GROUP = "usingWindowGroup";

	// submitted by the task forms
	static final String FETCH_NOTE = "fetchNote";
	static final String ISSUE_OUTCOME = "issueOutcome";
	static final String REFUSAL_REASON = "refusalReason";
	static final String MORE_INFO_REQUEST = "moreInfoRequest";
	static final String SUPPLEMENT_NOTE = "supplementNote";
	static final String DELIVERY_CONFIRMED = "deliveryConfirmed";
	static final String DELIVERY_NOTE = "deliveryNote";
	static final String LICENCE_NUMBER = "licenceNumber";
	static final String PAPER_ORIGINAL = "paperOriginal";
	static final String SIGN_OUTCOME = "signOutcome";
	static final String RETURN_REASON = "returnReason";
	static final String SIGN_NOTE = "signNote";
	static final String SUPERVISION_ACTION = "supervisionAction";
	static final String URGE_NOTE = "urgeNote";
	static final String TRANSFER_TO = "transferTo";
	static final String NEW_DEADLINE = "newDeadline";
	static final String EXTENSION_REASON = "extensionReason";
	static final String EXCEPTION_REASON = "exceptionReason";

	private ProxyRunVariables() {
	}
}
