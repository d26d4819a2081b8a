package org.zhengpaopao.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * A company (企业) as the applicant of a certificate-free case: taken over HTTP as the window's front-end sends it,
 * then through every disposition to the window's decision and the invitation to rate, which go to the contact.
 */
@IntegrationTest
class CompanyApplicationTests {

	static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	/** on file with the (simulated) data platform, every record valid (seeds/shared-data.csv) */
	static final String ON_FILE = "91330825MA2DB1234W";
	/** a valid code the platform does not know */
	static final String NOT_ON_FILE = "91330825307654321B";
	static final String CONTACT_PHONE = "13905706701";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Catalog catalog;

	@Autowired
	Applications applications;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	CommitmentSampler sampler;

	@Autowired
	OutboxContents outbox;

	@Autowired
	JdbcTemplate jdbc;

	RuntimeService runtimeService;
	TaskService taskService;
	ManagementService managementService;
	double samplingRate;

	@BeforeEach
	void setUp() {
		runtimeService = engine.getRuntimeService();
		taskService = engine.getTaskService();
		managementService = engine.getManagementService();
		samplingRate = sampler.rate();
		sampler.setRate(0);
	}

	@AfterEach
	void tearDown() {
		sampler.setRate(samplingRate);
	}

	Matter everyDisposition() {
		return new Matters(catalog).with(Matters.allFour(), 0);
	}

	Map<String, Object> request(Matter matter, String creditCode) {
		Map<String, Object> request = new HashMap<>();
		request.put("applicantType", "COMPANY");
		request.put("applicantName", "龙游县詹家农业开发有限公司");
		request.put("creditCode", creditCode);
		request.put("contactName", "吴敏");
		request.put("phone", CONTACT_PHONE);
		request.put("townshipCode", "zhanjia");
		request.put("villageCode", "zhanjia-shandi");
		request.put("matterCode", matter.getCode());
		request.put("commitments", catalog.entriesInForce(matter.getCode())
			.stream()
			.filter(Matters.commitment())
			.map(CatalogEntry::getCertificateCode)
			.toList());
		return request;
	}

	ResponseEntity<Map<String, Object>> post(Matter matter, Object body, String idempotencyKey) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(window(matter), "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		return http.exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(body, headers), OBJECT);
	}

	static String window(Matter matter) {
		return "window-" + matter.getUsingDepartmentCode() + "-1";
	}

	long cases() {
		return jdbc.queryForObject("select count(*) from zpp_application", Long.class);
	}

	@SuppressWarnings("unchecked")
	void assertRefused(Matter matter, Map<String, Object> body, String field, String message) {
		long before = cases();
		var response = post(matter, body, null);
		assertThat(response.getStatusCode()).as(body.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat((List<Map<String, Object>>) response.getBody().get("errors")).singleElement().satisfies(error -> {
			assertThat(error.get("field")).isEqualTo(field);
			assertThat((String) error.get("message")).contains(message);
		});
		assertThat(cases()).as("nothing taken").isEqualTo(before);
	}

	@Test
	void shouldTakeACompanysApplicationWithItsCreditCodeAndContact() {
		Matter matter = everyDisposition();

		var response = post(matter, request(matter, ON_FILE.toLowerCase()), null);

		assertThat(response.getStatusCode()).as(String.valueOf(response.getBody())).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody()).containsEntry("applicantType", "COMPANY")
			.containsEntry("applicantTypeLabel", "企业")
			.containsEntry("applicantName", "龙游县詹家农业开发有限公司")
			.containsEntry("creditCode", ON_FILE)
			.containsEntry("contactName", "吴敏")
			.containsEntry("phone", "139****6701")
			.containsEntry("idNumber", null);
		var read = http.withBasicAuth("manager-1", "demo")
			.exchange("/api/applications/" + response.getBody().get("caseNo"), HttpMethod.GET, null, OBJECT);
		assertThat(read.getBody()).containsEntry("applicantType", "COMPANY").containsEntry("creditCode", ON_FILE);
	}

	@Test
	void shouldRefuseAWrongCheckCharacterAndTheOtherKindsNumbers() {
		Matter matter = everyDisposition();
		assertRefused(matter, request(matter, "91330825MA2DB1234Y"), "creditCode", "统一社会信用代码校验位（最后一位）错误");

		var withIdNumber = request(matter, ON_FILE);
		withIdNumber.put("idNumber", "330825198001011232");
		assertRefused(matter, withIdNumber, "idNumber", "企业申请不填身份证号码");

		var person = request(matter, ON_FILE);
		person.remove("applicantType");
		person.remove("contactName");
		person.put("idNumber", "330825198001011232");
		assertRefused(matter, person, "creditCode", "个人申请不填统一社会信用代码");
	}

	@Test
	void shouldTakeACompanysIntakeOnceForTheSameIdempotencyKey() {
		Matter matter = everyDisposition();
		String key = UUID.randomUUID().toString();
		var first = post(matter, request(matter, ON_FILE), key);
		var again = post(matter, request(matter, ON_FILE), key);
		var otherCompany = post(matter, request(matter, NOT_ON_FILE), key);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("caseNo")).isEqualTo(first.getBody().get("caseNo"));
		assertThat(otherCompany.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	/**
	 * The shared and licence checks ask the platform by credit code, the runner fetches for the company, the window
	 * approves, and the decision and the invitation to rate reach the contact.
	 */
	@Test
	void shouldTakeACompanysCaseThroughEveryDispositionToTheDecision() {
		Matter matter = everyDisposition();
		String caseNo = (String) post(matter, request(matter, ON_FILE), null).getBody().get("caseNo");
		Application application = applications.find(caseNo).orElseThrow();
		String instance = application.getProcessInstanceId();
		assertThat(runtimeService.getVariable(instance, "applicantType")).isEqualTo("COMPANY");

		for (Job job : managementService.createJobQuery().processInstanceId(instance).list()) {
			managementService.executeJob(job.getId());
		}
		application = applications.find(caseNo).orElseThrow();
		assertThat(application.getCertificates()).filteredOn(c -> c.getHandling() == Handling.VERIFY)
			.isNotEmpty()
			.allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(CertificateStatus.SATISFIED));
		for (RequiredCertificate certificate : application.getCertificates()) {
			if (certificate.getHandling() == Handling.PROXY) {
				runFor(certificate.getProxyRunCaseNo());
			}
		}

		Task decision = taskService.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey("decideApplication")
			.singleResult();
		assertThat(taskService.getVariable(decision.getId(), "applicantType")).isEqualTo("COMPANY");
		TasklistUser.claimAndComplete(engine, window(matter), decision.getId(), Map.of("approved", "true"));

		assertThat(applications.find(caseNo).orElseThrow().getState()).isEqualTo(ApplicationState.APPROVED);
		assertThat(outbox.textMessagesAbout(caseNo)).hasSize(2).allSatisfy(message -> {
			assertThat(message.phone()).isEqualTo(CONTACT_PHONE);
			assertThat(message.text()).doesNotContain(ON_FILE);
		});
	}

	/** The company's run: a company's, with the contact's phone; the runner fetches, the clerk issues. */
	void runFor(String proxyRunCaseNo) {
		ProxyRun run = proxyRuns.find(proxyRunCaseNo).orElseThrow();
		assertThat(run.getApplicant().type()).isEqualTo(ApplicantType.COMPANY);
		assertThat(run.getApplicant().creditCode()).isEqualTo(ON_FILE);
		assertThat(run.getPhone()).isEqualTo(CONTACT_PHONE);
		assertThat(run.getApplicant().idNumber()).isNull();
		assertThat(runtimeService.getVariable(run.getProcessInstanceId(), "applicantType")).isEqualTo("COMPANY");
		for (String step : List.of("fetchCertificate", "issueCertificate", "deliverCertificate", "signForCertificate")) {
			Task task = taskService.createTaskQuery()
				.processInstanceId(run.getProcessInstanceId())
				.taskDefinitionKey(step)
				.singleResult();
			String group = taskService.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
			String user = ApplicationProcessTests.memberOf(group);
			TasklistUser.claimAndComplete(engine, user, task.getId(), switch (step) {
				case "fetchCertificate" -> Map.of("fetchNote", "已凭企业授权委托书提交");
				case "issueCertificate" -> Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001");
				case "deliverCertificate" -> Map.of("deliveryConfirmed", true);
				default -> Map.of("signOutcome", "signed");
			});
		}
	}

	/** A company that signed a false commitment is flagged by its credit code, not by anybody's ID number. */
	@Test
	void shouldBarACompanyWithAFalseCommitmentFromCommittingAgain() {
		sampler.setRate(1);
		Matter matter = new Matters(catalog).with(Matters.only(Matters.commitment()), 0);
		var body = request(matter, NOT_ON_FILE);
		String first = (String) post(matter, body, null).getBody().get("caseNo");
		String instance = applications.find(first).orElseThrow().getProcessInstanceId();
		TasklistUser.claimAndComplete(engine, window(matter), taskService.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey("decideApplication")
			.singleResult()
			.getId(), Map.of("approved", "true"));
		TasklistUser.claimAndComplete(engine, window(matter), taskService.createTaskQuery()
			.processInstanceId(instance)
			.taskDefinitionKey("postVerifyCommitment")
			.singleResult()
			.getId(), Map.of("commitmentTruthful", "false", "finding", "经核实，企业经营情况与承诺不符"));
		assertThat(jdbc.queryForObject(
				"select count(*) from zpp_false_commitment where credit_code = ? and id_number is null", Long.class,
				NOT_ON_FILE)).isOne();

		assertThat(handlingOfTheOnlyCertificate(post(matter, body, null))).isEqualTo("PROXY");
		assertThat(handlingOfTheOnlyCertificate(post(matter, request(matter, ON_FILE), null))).as("another company")
			.isEqualTo("COMMITMENT");
	}

	@SuppressWarnings("unchecked")
	static Object handlingOfTheOnlyCertificate(ResponseEntity<Map<String, Object>> taken) {
		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return ((List<Map<String, Object>>) taken.getBody().get("certificates")).get(0).get("handling");
	}
}
