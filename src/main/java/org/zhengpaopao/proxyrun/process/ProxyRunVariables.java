package org.zhengpaopao.proxyrun.process;

/** Names of the process variables of {@code proxy-run.bpmn}: ids, routing facts and due dates only. */
final class ProxyRunVariables {

	static final String PROCESS_KEY = "proxy-run";
	static final String APPLICANT_AUTHORIZED = "applicantAuthorized";

	static final String CASE_NO = "caseNo";
	static final String PROXY_RUN_ID = "proxyRunId";
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
	static final String RUNNER_GROUP = "runnerGroup";
	static final String PROXY_RUN_DUE = "proxyRunDue";

	// submitted by the task forms
	static final String FETCH_NOTE = "fetchNote";
	static final String ISSUE_OUTCOME = "issueOutcome";
	static final String REFUSAL_REASON = "refusalReason";
	static final String MORE_INFO_REQUEST = "moreInfoRequest";
	static final String SUPPLEMENT_NOTE = "supplementNote";
	static final String DELIVERY_NOTE = "deliveryNote";

	private ProxyRunVariables() {
	}
}
