package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.zhengpaopao.DatabaseFingerprint;
import org.zhengpaopao.IntegrationTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Steps out of order, through the engine REST API that Tasklist uses, with the demo users' permissions: each is
 * refused with a 4xx in Camunda's error format ({@code type}, {@code message}; engine REST does not speak problem
 * details), with a message a runner can read, and leaves the application's tables and Camunda's runtime tables
 * as they were.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OutOfOrderEngineRestTests {

	static final String SECOND_RUNNER = "corpus-runner-huzhen-2";
	static final ObjectMapper JSON = new ObjectMapper();

	@LocalServerPort
	int port;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	ManagementService managementService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	@Qualifier("notificationExecutor")
	ThreadPoolTaskExecutor notificationThreads;

	final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	DatabaseFingerprint fingerprint;
	ProxyRun run;

	@BeforeAll
	void aSecondRunnerOfTheSameTownship() {
		fingerprint = new DatabaseFingerprint(jdbc, notificationThreads);
		if (identityService.createUserQuery().userId(SECOND_RUNNER).count() == 0) {
			var user = identityService.newUser(SECOND_RUNNER);
			user.setPassword("demo");
			identityService.saveUser(user);
			identityService.createMembership(SECOND_RUNNER, "runners-huzhen");
		}
	}

	@AfterAll
	void close() {
		fingerprint.close();
	}

	/** A run for a certificate of 湖镇镇, authorized at the window: its fetch task waits for runners-huzhen. */
	@BeforeEach
	void openRun() {
		run = proxyRuns.open(new NewProxyRun("钱七", "330825198505050032", "13905702222", "huzhen", "huzhen-xiaku",
				"ZM-0032", "minzheng", true), "window-minzheng-1");
	}

	@Test
	void shouldNotCompleteADeliveryThatIsNotDueYet() throws Exception {
		String deliverTaskThatDoesNotExistYet = "deliverCertificate-of-" + run.getCaseNo();
		assertRefused(404, () -> complete("runner-huzhen-1", deliverTaskThatDoesNotExistYet,
				Map.of("deliveryConfirmed", true)));
		assertRefused(404, () -> post("runner-huzhen-1", "/task/" + deliverTaskThatDoesNotExistYet + "/submit-form",
				variables(Map.of("deliveryConfirmed", true))));
	}

	@Test
	void shouldRefuseTheDeliveryFormWhenFetching() throws Exception {
		Task fetch = claim("runner-huzhen-1");
		assertRefused(400, () -> complete("runner-huzhen-1", fetch.getId(), Map.of("deliveryConfirmed", true)),
				"deliveryConfirmed");
		assertRefused(400, () -> complete("runner-huzhen-1", fetch.getId(), Map.of("deliveryNote", "已送达窗口")),
				"deliveryNote");
		assertRefused(400, () -> post("runner-huzhen-1", "/task/" + fetch.getId() + "/submit-form",
				variables(Map.of("deliveryConfirmed", true))), "deliveryConfirmed");
	}

	@Test
	void shouldNotLetARunnerRouteTheIssuingStepToThemselves() throws Exception {
		Task fetch = claim("runner-huzhen-1");
		assertRefused(400, () -> complete("runner-huzhen-1", fetch.getId(), Map.of("issuerGroup", "runners-huzhen")),
				"issuerGroup");
		assertRefused(400, () -> complete("runner-huzhen-1", fetch.getId(), Map.of("caseNo", "DP20260101-000001")),
				"caseNo");
	}

	@Test
	void shouldRefuseAFetchNoteLongerThanTheForm() throws Exception {
		Task fetch = claim("runner-huzhen-1");
		assertRefused(400, () -> complete("runner-huzhen-1", fetch.getId(), Map.of("fetchNote", "长".repeat(1001))),
				"fetchNote");
		assertRefused(400, () -> complete("runner-huzhen-1", fetch.getId(), Map.of("fetchNote", "已提交\u0000")),
				"fetchNote");
	}

	@Test
	void shouldRefuseAnIssueOutcomeThatIsNotOneOfTheForm() throws Exception {
		completeAs("runner-huzhen-1", Map.of());
		Task issue = claim("clerk-huzhen-1");
		assertRefused(400, () -> complete("clerk-huzhen-1", issue.getId(), Map.of("issueOutcome", "delivered")),
				"issueOutcome");
		assertRefused(400, () -> complete("clerk-huzhen-1", issue.getId(), Map.of("issueOutcome", 1)), "issueOutcome");
		assertRefused(400, () -> complete("clerk-huzhen-1", issue.getId(), Map.of("issueOutcome", "refused")),
				"refusalReason");
	}

	@Test
	void shouldRefuseADeliveryThatTheWindowHasNotSigned() throws Exception {
		completeAs("runner-huzhen-1", Map.of());
		completeAs("clerk-huzhen-1", Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		Task deliver = claim("runner-huzhen-1");
		assertRefused(400, () -> complete("runner-huzhen-1", deliver.getId(), Map.of("deliveryConfirmed", false)),
				"deliveryConfirmed");
		assertRefused(400, () -> complete("runner-huzhen-1", deliver.getId(), Map.of()), "deliveryConfirmed");
	}

	@Test
	void shouldNotLetARunnerOfAnotherTownshipCompleteTheTask() throws Exception {
		Task fetch = claim("runner-huzhen-1");
		assertRefused(403, () -> complete("runner-muchen-1", fetch.getId(), Map.of()));
		assertRefused(403, () -> post("runner-muchen-1", "/task/" + fetch.getId() + "/claim",
				"{\"userId\": \"runner-muchen-1\"}"));
	}

	@Test
	void shouldNotLetAnotherRunnerCompleteATaskSomeoneHasClaimed() throws Exception {
		Task fetch = claim("runner-huzhen-1");
		assertRefused(403, () -> complete(SECOND_RUNNER, fetch.getId(), Map.of("fetchNote", "我来办")), "runner-huzhen-1");
	}

	@Test
	void shouldAnswerAClaimOfAClaimedTaskWithAConflict() throws Exception {
		Task fetch = claim("runner-huzhen-1");
		assertRefused(409, () -> post(SECOND_RUNNER, "/task/" + fetch.getId() + "/claim",
				"{\"userId\": \"" + SECOND_RUNNER + "\"}"), "runner-huzhen-1");
	}

	@Test
	void shouldNotExtendARunThatIsAlreadyClosed() throws Exception {
		goRed();
		Task overdue = claim("taskforce-1", "handleOverdueRun");
		completeAs("runner-huzhen-1", Map.of());
		completeAs("clerk-huzhen-1", Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		completeAs("runner-huzhen-1", Map.of("deliveryConfirmed", true));
		completeAs("window-minzheng-1", Map.of("signOutcome", "signed"));
		assertThat(proxyRuns.find(run.getCaseNo()).orElseThrow().getState()).isEqualTo(ProxyRunState.DELIVERED);

		assertRefused(404, () -> complete("taskforce-1", overdue.getId(), Map.of("supervisionAction", "extend",
				"newDeadline", "2099-12-01", "extensionReason", "出证部门系统故障")));
	}

	@Test
	void shouldRefuseASupervisionActionThatIsNotOneOfTheForm() throws Exception {
		goRed();
		Task overdue = claim("taskforce-1", "handleOverdueRun");
		assertRefused(400, () -> complete("taskforce-1", overdue.getId(), Map.of("supervisionAction", "deliver")),
				"supervisionAction");
		assertRefused(400, () -> complete("taskforce-1", overdue.getId(),
				Map.of("supervisionAction", "extend", "newDeadline", "yesterday", "extensionReason", "系统故障")),
				"newDeadline");
		assertRefused(400, () -> complete("taskforce-1", overdue.getId(),
				Map.of("supervisionAction", "transfer", "transferTo", "nobody-at-all")), "transferTo");
	}

	// --- helpers

	interface Call {

		HttpResponse<String> send() throws Exception;
	}

	/**
	 * The call is refused with {@code status} in Camunda's error format, with a message in Chinese and English
	 * that names {@code mentions}, and changes nothing.
	 */
	void assertRefused(int status, Call call, String... mentions) throws Exception {
		DatabaseFingerprint.Snapshot before = fingerprint.take();
		HttpResponse<String> response = call.send();
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		JsonNode error = JSON.readTree(response.body());
		assertThat(error.path("type").asText()).as(response.body()).isNotBlank();
		assertThat(error.path("message").asText()).as(response.body()).isNotBlank();
		if (status != 403) {
			assertThat(error.path("message").asText()).as("a message a runner can read")
				.matches("(?s).*\\p{IsHan}.* / .*[A-Za-z].*");
		}
		for (String mention : mentions) {
			assertThat(error.path("message").asText()).contains(mention);
		}
		assertThat(before.differencesTo(fingerprint.take())).as("nothing changed").isEmpty();
	}

	/** Claims the run's open task (of {@code key}, else the only one) as Tasklist does. */
	Task claim(String user, String... key) throws Exception {
		Task task = task(key);
		HttpResponse<String> claimed = post(user, "/task/" + task.getId() + "/claim", "{\"userId\": \"" + user + "\"}");
		assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
		return task;
	}

	Task task(String... key) {
		var query = taskService.createTaskQuery().processInstanceBusinessKey(run.getCaseNo());
		return key.length == 0 ? query.taskDefinitionKeyIn("fetchCertificate", "issueCertificate",
				"supplementInformation", "deliverCertificate", "signForCertificate").singleResult() : query.taskDefinitionKey(key[0]).singleResult();
	}

	/** Claims (unless claimed already) and completes the run's step as {@code user}, through engine REST. */
	void completeAs(String user, Map<String, Object> variables) throws Exception {
		Task task = task();
		if (task.getAssignee() == null) {
			claim(user);
		}
		HttpResponse<String> completed = complete(user, task.getId(), variables);
		assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
	}

	/** The yellow and red card timers run now, as the job executor would at their due dates. */
	void goRed() {
		for (String timer : new String[] { "yellowCardDue", "deadlineReached" }) {
			managementService.executeJob(managementService.createJobQuery()
				.processInstanceId(run.getProcessInstanceId())
				.activityId(timer)
				.singleResult()
				.getId());
		}
	}

	HttpResponse<String> complete(String user, String taskId, Map<String, Object> variables) throws Exception {
		return post(user, "/task/" + taskId + "/complete", variables(variables));
	}

	static String variables(Map<String, Object> variables) throws Exception {
		Map<String, Object> typed = new LinkedHashMap<>();
		variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
		return JSON.writeValueAsString(Map.of("variables", typed));
	}

	HttpResponse<String> post(String user, String path, String json) throws Exception {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/engine-rest" + path))
			.timeout(Duration.ofSeconds(30))
			.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}
}
