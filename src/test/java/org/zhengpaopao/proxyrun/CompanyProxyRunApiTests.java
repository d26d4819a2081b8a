package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.notification.SmsTemplate;

/**
 * A company (企业) as the applicant of a proxy-run, over HTTP as the window, the runner, the clerk and the company's
 * contact meet it: 纳税证明 from the tax office, fetched by the county's runners, for the market regulator's window.
 */
@IntegrationTest
class CompanyProxyRunApiTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	static final String COMPANY = "龙游县詹家竹木制品有限公司";
	static final String CREDIT_CODE = "91330825MA2DB1234W";
	static final String CONTACT = "周红";
	static final String CONTACT_PHONE = "13905706601";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RecordingNotifier sms;

	@Autowired
	OutboxContents outbox;

	static Map<String, Object> companyRequest() {
		Map<String, Object> request = new HashMap<>();
		request.put("applicantType", "COMPANY");
		request.put("applicantName", COMPANY);
		request.put("creditCode", CREDIT_CODE);
		request.put("contactName", CONTACT);
		request.put("phone", CONTACT_PHONE);
		request.put("townshipCode", "zhanjia");
		request.put("villageCode", "zhanjia-pushan");
		request.put("certificateCode", "ZM-0030");
		request.put("usingDepartmentCode", "shichang");
		request.put("authorizedAtWindow", true);
		return request;
	}

	ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (user != null) {
			headers.setBasicAuth(user, "demo");
		}
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
	}

	ResponseEntity<Map<String, Object>> get(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
	}

	ResponseEntity<Map<String, Object>> open(Map<String, Object> request) {
		return post("window-shichang-1", "/api/proxy-runs", request);
	}

	long runs() {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey("proxy-run").count();
	}

	String processOf(String caseNo) {
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult().getId();
	}

	Task task(String caseNo, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).singleResult();
	}

	void assertRefused(Map<String, Object> request, String field, String... message) {
		long before = runs();
		var response = open(request);
		assertThat(response.getStatusCode()).as(request.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(ProxyRunApiTests.errors(response)).singleElement().satisfies(error -> {
			assertThat(error.get("field")).isEqualTo(field);
			assertThat((String) error.get("message")).contains(message);
		});
		assertThat(runs()).as("nothing opened").isEqualTo(before);
	}

	@Test
	void shouldOpenACompanysRunWithItsCreditCodeAndContact() {
		var request = companyRequest();
		// as a clerk may type it: lower case, full width, spaces around
		request.put("creditCode", " ９１３３０８２５ma２db１２３４w ");

		var response = open(request);

		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) response.getBody().get("caseNo");
		assertThat(response.getBody()).containsEntry("applicantType", "COMPANY")
			.containsEntry("applicantTypeLabel", "企业")
			.containsEntry("applicantName", COMPANY)
			.containsEntry("creditCode", CREDIT_CODE)
			.containsEntry("contactName", CONTACT)
			.containsEntry("phone", "139****6601")
			.containsEntry("idNumber", null)
			.containsEntry("runnerGroup", "runners-county")
			.containsEntry("state", "FETCHING");
		// the runners see the company as the window does: its credit code is not personal data
		assertThat(get("runner-county-1", "/api/proxy-runs/" + caseNo).getBody())
			.containsEntry("applicantType", "COMPANY")
			.containsEntry("creditCode", CREDIT_CODE)
			.containsEntry("phone", "139****6601");
		// the forms show the kind of applicant; no name or number is a process variable
		assertThat(runtimeService.getVariables(processOf(caseNo))).containsEntry("applicantType", "COMPANY")
			.doesNotContainValue(CREDIT_CODE)
			.doesNotContainValue(CONTACT_PHONE)
			.doesNotContainValue(CONTACT);
	}

	@Test
	void shouldRefuseAWrongCheckCharacterNamingTheCreditCode() {
		var request = companyRequest();
		request.put("creditCode", "91330825MA2DB1234X");
		assertRefused(request, "creditCode", "统一社会信用代码校验位（最后一位）错误", "check character");

		request.put("creditCode", "91330825OA2DB1234W");
		assertRefused(request, "creditCode", "不含 I、O、Z、S、V");
	}

	@Test
	void shouldRefuseTheOtherKindsNumbers() {
		var company = companyRequest();
		company.put("idNumber", "330825198503121239");
		assertRefused(company, "idNumber", "企业申请不填身份证号码");

		var person = ProxyRunApiTests.validRequest();
		person.put("creditCode", CREDIT_CODE);
		assertRefused(person, "creditCode", "个人申请不填统一社会信用代码", "applicantType");

		person = ProxyRunApiTests.validRequest();
		person.put("applicantType", "PERSON");
		person.put("contactName", CONTACT);
		assertRefused(person, "contactName", "个人申请不填联系人");
	}

	@Test
	void shouldNameEveryMissingFieldOfACompany() {
		var response = open(Map.of("applicantType", "COMPANY", "applicantName", COMPANY));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ProxyRunApiTests.errors(response)).extracting(e -> e.get("field"))
			.containsExactlyInAnyOrder("creditCode", "contactName", "phone", "townshipCode", "villageCode",
					"certificateCode", "usingDepartmentCode", "authorizedAtWindow");
	}

	@Test
	void shouldRefuseAKindOfApplicantThatIsNone() {
		var request = companyRequest();
		request.put("applicantType", "ENTERPRISE");

		var response = open(request);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(ProxyRunApiTests.errors(response)).singleElement()
			.satisfies(error -> assertThat(error).containsEntry("field", "applicantType"));
	}

	/** The runner carries the company's authorization signed at the window; the contact rates the run. */
	@Test
	void shouldRunACompanysRunFromTheWindowToTheRatingOfItsContact() {
		String caseNo = (String) open(companyRequest()).getBody().get("caseNo");

		TasklistUser.claimAndComplete(engine, "runner-county-1", task(caseNo, "fetchCertificate").getId(),
				Map.of("fetchNote", "已凭企业授权委托书提交"));
		assertThat(get("clerk-shuiwu-1", "/api/proxy-runs/" + caseNo).getBody())
			.containsEntry("applicantRevealable", true);
		TasklistUser.claimAndComplete(engine, "clerk-shuiwu-1", task(caseNo, "issueCertificate").getId(),
				Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		TasklistUser.claimAndComplete(engine, "runner-county-1", task(caseNo, "deliverCertificate").getId(),
				Map.of("deliveryConfirmed", true));
		TasklistUser.claimAndComplete(engine, "window-shichang-1", task(caseNo, "signForCertificate").getId(),
				Map.of("signOutcome", "signed"));

		assertThat(get("manager-1", "/api/proxy-runs/" + caseNo).getBody()).containsEntry("state", "DELIVERED");
		assertThat(outbox.textMessagesAbout(caseNo)).as("run opened, then the rating invitation, both to the contact")
			.extracting(m -> m.template(), m -> m.phone())
			.containsExactly(tuple(SmsTemplate.RUN_OPENED, CONTACT_PHONE), tuple(SmsTemplate.RATING_INVITATION,
					CONTACT_PHONE));
		assertThat(outbox.textMessagesAbout(caseNo).get(0).text()).contains("（纳税证明）已受理", "/public/track?caseNo=" + caseNo);
		var rated = post(null, "/public/api/ratings", Map.of("caseNo", caseNo, "phone", CONTACT_PHONE, "level",
				"SATISFIED"));
		assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	/**
	 * Not signed at the window: the one-time code goes to the contact's phone, the contact confirms and follows the
	 * run on the public page with the case number and that phone, which shows nothing of the company.
	 */
	@Test
	void shouldSendTheCodeToTheContactAndShowTheContactTheProgressOnly() {
		var request = companyRequest();
		request.put("authorizedAtWindow", false);
		String caseNo = (String) open(request).getBody().get("caseNo");
		managementService.executeJob(
				managementService.createJobQuery().processInstanceId(processOf(caseNo)).singleResult().getId());

		String code = sms.lastCodeFor(caseNo);
		assertThat(sms.sent()).filteredOn(message -> message.reference().equals(caseNo))
			.singleElement()
			.satisfies(message -> assertThat(message.phone()).isEqualTo(CONTACT_PHONE));
		assertThat(post(null, "/public/api/authorizations", Map.of("caseNo", caseNo, "code", code)).getStatusCode())
			.isEqualTo(HttpStatus.OK);

		var progress = post(null, "/public/api/track", Map.of("caseNo", caseNo, "phone", CONTACT_PHONE));
		assertThat(progress.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(progress.getBody()).containsEntry("stateLabel", "代跑员调取中")
			.containsOnlyKeys("caseNo", "state", "stateLabel", "finished", "deadline", "steps");
		assertThat(progress.getBody().toString()).doesNotContain(CREDIT_CODE, COMPANY, CONTACT, "window-shichang-1");
		assertThat((List<?>) progress.getBody().get("steps")).isNotEmpty();
	}
}
