package org.zhengpaopao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.zhengpaopao.DatabaseFingerprint;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.WebappSession;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.application.ResultDelivery;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The engine REST that Tasklist itself calls, {@code /camunda/api/engine/engine/default/...} with its login
 * session and CSRF token, holds a task's completion to its form and answers a refusal with the process's message,
 * as {@code /engine-rest} does (see OutOfOrderEngineRestTests): a real proxy-run of 湖镇镇, its fetch task waiting
 * for runners-huzhen.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebappEngineApiTests {

	static final String API = "/camunda/api/engine/engine/default";
	/** made for these tests: a colleague of runner-huzhen-1 */
	static final String COLLEAGUE = "webapp-runner-huzhen-2";
	static final ObjectMapper JSON = new ObjectMapper();

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	Applications applications;

	@Autowired
	Catalog catalog;

	@Autowired
	TaskService taskService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("notificationExecutor")
	ThreadPoolTaskExecutor notificationThreads;

	DatabaseFingerprint fingerprint;
	ProxyRun run;

	@BeforeAll
	void fingerprint() {
		fingerprint = new DatabaseFingerprint(jdbc, notificationThreads);
	}

	@AfterAll
	void close() {
		fingerprint.close();
	}

	@BeforeEach
	void openRun() {
		run = proxyRuns.open(new NewProxyRun("钱七", "330825198505050032", "13905702222", "huzhen", "huzhen-xiaku",
				"ZM-0032", "minzheng", true), "window-minzheng-1");
	}

	@AfterEach
	void forgetTheColleague() {
		if (identityService.createUserQuery().userId(COLLEAGUE).count() > 0) {
			identityService.deleteUser(COLLEAGUE);
		}
	}

	@Test
	void shouldRefuseAVariableThatIsNotAFieldOfTheFormAndAChangedReadOnlyField() throws Exception {
		Tasklist runner = Tasklist.of(http, "runner-huzhen-1");
		Task fetch = task("fetchCertificate");
		runner.claim(fetch);
		Map<String, Object> variablesBefore = runtimeService.getVariables(run.getProcessInstanceId());

		assertRefused(400, () -> runner.post("/task/" + fetch.getId() + "/complete",
				variables(Map.of("issuerGroup", "runners-huzhen"))), "issuerGroup", "不是「", "is not a field");
		assertRefused(400, () -> runner.post("/task/" + fetch.getId() + "/submit-form",
				variables(Map.of("caseNo", "DP20260101-000001"))), "caseNo", "只读字段", "read-only");

		assertThat(taskService.createTaskQuery().taskId(fetch.getId()).count()).as("still open").isOne();
		assertThat(runtimeService.getVariables(run.getProcessInstanceId())).isEqualTo(variablesBefore);
	}

	@Test
	void shouldNotLetAColleagueClaimOrCompleteATaskSomeoneHasClaimed() throws Exception {
		var colleague = identityService.newUser(COLLEAGUE);
		colleague.setPassword("demo");
		identityService.saveUser(colleague);
		identityService.createMembership(COLLEAGUE, "runners-huzhen");
		Task fetch = task("fetchCertificate");
		Tasklist.of(http, "runner-huzhen-1").claim(fetch);
		Tasklist asColleague = Tasklist.of(http, COLLEAGUE);

		assertRefused(403, () -> asColleague.post("/task/" + fetch.getId() + "/submit-form",
				variables(Map.of("fetchNote", "我来办"))), "runner-huzhen-1");
		assertRefused(409, () -> asColleague.post("/task/" + fetch.getId() + "/claim",
				Map.of("userId", COLLEAGUE)), "runner-huzhen-1");
		assertThat(task("fetchCertificate").getAssignee()).isEqualTo("runner-huzhen-1");
	}

	@Test
	void shouldCompleteAsTasklistDoesAndAnswerTheListenersRefusalWithItsMessage() throws Exception {
		Tasklist runner = Tasklist.of(http, "runner-huzhen-1");
		Task fetch = task("fetchCertificate");
		runner.claim(fetch);
		// Tasklist shows the task's form with the variables it names and sends its fields back, the read-only ones
		// as shown
		JsonNode form = JSON.readTree(runner.get("/task/" + fetch.getId() + "/deployed-form").getBody());
		JsonNode shown = JSON.readTree(runner.get("/task/" + fetch.getId() + "/form-variables").getBody());
		Map<String, Object> submitted = new LinkedHashMap<>();
		for (String field : form.findValuesAsText("key")) {
			submitted.put(field, Map.of("value", shown.path(field).path("value").asText()));
		}
		submitted.put("fetchNote", Map.of("value", "已在出证窗口提交"));

		var completed = runner.post("/task/" + fetch.getId() + "/submit-form", Map.of("variables", submitted));

		assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
		assertThat(runtimeService.getVariable(run.getProcessInstanceId(), "fetchNote")).isEqualTo("已在出证窗口提交");
		assertRefused(404, () -> runner.post("/task/" + fetch.getId() + "/submit-form", Map.of("variables", submitted)),
				"任务不存在或已办结", "does not exist");

		Tasklist clerk = Tasklist.of(http, "clerk-huzhen-1");
		Task issue = task("issueCertificate");
		clerk.claim(issue);
		assertRefused(400, () -> clerk.post("/task/" + issue.getId() + "/submit-form",
				variables(Map.of("issueOutcome", "delivered"))), "issueOutcome");
		assertThat(task("issueCertificate").getId()).as("still open").isEqualTo(issue.getId());
	}

	@Test
	void shouldShowTheWindowWhereACaseCameFromAndRefuseAPostedResultWithoutItsNumber() throws Exception {
		Matter matter = catalog.matters()
			.stream()
			.filter(m -> !catalog.entriesInForce(m.getCode()).isEmpty() && catalog.entriesInForce(m.getCode())
				.stream()
				.allMatch(e -> e.getDisposition() == Disposition.CANCELLED))
			.findFirst()
			.orElseThrow();
		Application application = applications.take(new NewApplication("钱七", "330825198505050032", "13905702222",
				"huzhen", "huzhen-xiaku", matter.getCode(), List.of(), List.of(), true),
				Intake.platform("ZJ-WEBAPP-0001"), null, "window-" + matter.getUsingDepartmentCode() + "-1")
			.application();
		Task decision = taskService.createTaskQuery()
			.processInstanceBusinessKey(application.getCaseNo())
			.taskDefinitionKey("decideApplication")
			.singleResult();
		Tasklist window = Tasklist.of(http, "window-" + matter.getUsingDepartmentCode() + "-1");
		window.claim(decision);
		JsonNode form = JSON.readTree(window.get("/task/" + decision.getId() + "/deployed-form").getBody());
		JsonNode shown = JSON.readTree(window.get("/task/" + decision.getId() + "/form-variables").getBody());
		// the form fills 受理渠道 and the offered way back from the variables of their keys
		assertThat(shown.path("intakeLabel").path("value").asText()).isEqualTo("网上申请（省政务服务平台）");
		assertThat(shown.path("resultDelivery").path("value").asText()).isEqualTo("ONLINE");
		Map<String, Object> submitted = new LinkedHashMap<>();
		for (String field : form.findValuesAsText("key")) {
			submitted.put(field, Map.of("value", shown.path(field).path("value").asText()));
		}
		submitted.put("approved", Map.of("value", "true"));
		submitted.put("resultDelivery", Map.of("value", "POST"));

		assertRefused(400, () -> window.post("/task/" + decision.getId() + "/submit-form",
				Map.of("variables", submitted)), "邮寄送达请填写邮件号", "tracking number");
		assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).as("still open").isOne();

		submitted.put("postalTrackingNumber", Map.of("value", "1190012345678"));
		var completed = window.post("/task/" + decision.getId() + "/submit-form", Map.of("variables", submitted));

		assertThat(completed.getStatusCode().value()).as(completed.getBody()).isEqualTo(204);
		Application decided = applications.find(application.getCaseNo()).orElseThrow();
		assertThat(decided.getResultDelivery()).isEqualTo(ResultDelivery.POST);
		assertThat(decided.getPostalTrackingNumber()).isEqualTo("1190012345678");
		// the window reads it in the case's detail, the applicant on the public tracking page
		JsonNode detail = http.withBasicAuth("window-" + matter.getUsingDepartmentCode() + "-1", "demo")
			.getForObject("/api/applications/" + application.getCaseNo(), JsonNode.class);
		assertThat(detail.path("resultDeliveryLabel").asText()).isEqualTo("邮寄送达");
		assertThat(detail.path("postalTrackingNumber").asText()).isEqualTo("1190012345678");
		JsonNode tracked = http.postForObject("/public/api/applications/track",
				Map.of("caseNo", application.getCaseNo(), "phone", "13905702222"), JsonNode.class);
		assertThat(tracked.path("resultDeliveryLabel").asText()).isEqualTo("邮寄送达");
		assertThat(tracked.path("postalTrackingNumber").asText()).isEqualTo("1190012345678");
	}

	// --- helpers

	/** A login to Tasklist and the calls its scripts make to the webapps' engine API. */
	record Tasklist(TestRestTemplate http, String user, WebappSession session) {

		static Tasklist of(TestRestTemplate http, String user) {
			return new Tasklist(http, user, WebappSession.login(http, user, "tasklist"));
		}

		ResponseEntity<String> post(String path, Object body) {
			HttpHeaders headers = session.cookiesAndToken(session.csrfToken());
			headers.setContentType(MediaType.APPLICATION_JSON);
			return http.exchange(API + path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
		}

		ResponseEntity<String> get(String path) {
			return http.exchange(API + path, HttpMethod.GET, new HttpEntity<>(session.cookies()), String.class);
		}

		void claim(Task task) {
			var claimed = post("/task/" + task.getId() + "/claim", Map.of("userId", user));
			assertThat(claimed.getStatusCode().value()).as(claimed.getBody()).isEqualTo(204);
		}
	}

	interface Call {

		ResponseEntity<String> send() throws Exception;
	}

	/**
	 * Refused with {@code status} in Camunda's error format (which Tasklist shows), with a message in Chinese and
	 * English that names {@code mentions}, and nothing changed.
	 */
	void assertRefused(int status, Call call, String... mentions) throws Exception {
		DatabaseFingerprint.Snapshot before = fingerprint.take();
		ResponseEntity<String> response = call.send();
		assertThat(response.getStatusCode().value()).as(response.getBody()).isEqualTo(status);
		JsonNode error = JSON.readTree(response.getBody());
		assertThat(error.path("type").asText()).as(response.getBody()).isNotBlank();
		assertThat(error.path("message").asText()).as("a message a runner can read")
			.matches("(?s).*\\p{IsHan}.* / .*[A-Za-z].*")
			.contains(mentions);
		assertThat(before.differencesTo(fingerprint.take())).as("nothing changed").isEmpty();
	}

	Task task(String key) {
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(run.getCaseNo())
			.taskDefinitionKey(key)
			.singleResult();
	}

	static Map<String, Object> variables(Map<String, Object> variables) {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		return Map.of("variables", typed);
	}
}
