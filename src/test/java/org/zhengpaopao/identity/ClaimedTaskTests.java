package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.WebappSession;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * A claimed task is its holder's: nobody claims for somebody else, and only the holder, the task force and admins
 * give a claim back, whichever way they ask (Tasklist's ✕, which sends {@code unclaim}, or Camunda's claim without a
 * user, which a candidate's {@code TASK_WORK} allows).
 */
@IntegrationTest
class ClaimedTaskTests {

	/** made for these tests: a colleague of runner-huzhen-1 in the same group */
	static final String COLLEAGUE = "claims-runner-huzhen-2";
	static final String TASK_FORCE_COLLEAGUE = "claims-taskforce-2";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	IdentityService identityService;

	String caseNo;

	@BeforeEach
	void openARunAndMakeColleagues() {
		caseNo = proxyRuns.open(new NewProxyRun("钱七", "330825198505050032", "13905702222", "huzhen", "huzhen-xiaku",
				"ZM-0032", "minzheng", true), "window-minzheng-1").getCaseNo();
		makeUser(COLLEAGUE, "runners-huzhen");
		makeUser(TASK_FORCE_COLLEAGUE, Groups.TASK_FORCE);
	}

	@AfterEach
	void forgetTheColleagues() {
		identityService.deleteUser(COLLEAGUE);
		identityService.deleteUser(TASK_FORCE_COLLEAGUE);
	}

	@Test
	void shouldNotLetAColleagueGiveBackSomeoneElsesClaim() {
		Task fetch = task("fetchCertificate");
		assertThat(send("runner-huzhen-1", "/task/" + fetch.getId() + "/claim", Map.of("userId", "runner-huzhen-1")))
			.isEqualTo(204);

		assertThat(send(COLLEAGUE, "/task/" + fetch.getId() + "/unclaim", Map.of())).isEqualTo(403);
		assertThat(send(COLLEAGUE, "/task/" + fetch.getId() + "/claim", nobody())).isEqualTo(403);
		assertThat(send(COLLEAGUE, "/task/" + fetch.getId() + "/complete", Map.of())).isEqualTo(403);

		assertThat(task("fetchCertificate").getAssignee()).isEqualTo("runner-huzhen-1");
	}

	@Test
	void shouldNotLetARunnerClaimForSomebodyElse() {
		Task fetch = task("fetchCertificate");

		assertThat(send("runner-huzhen-1", "/task/" + fetch.getId() + "/claim", Map.of("userId", COLLEAGUE)))
			.isEqualTo(403);

		assertThat(task("fetchCertificate").getAssignee()).isNull();
	}

	@Test
	void shouldLetTheHolderGiveTheClaimBackWithTasklistsButton() {
		Task fetch = task("fetchCertificate");
		WebappSession tasklist = WebappSession.login(http, "runner-huzhen-1", "tasklist");
		String api = "/camunda/api/engine/engine/default/task/" + fetch.getId();
		assertThat(sendInTasklist(tasklist, api + "/claim", Map.of("userId", "runner-huzhen-1")).getStatusCode().value())
			.isEqualTo(204);

		var unclaimed = sendInTasklist(tasklist, api + "/unclaim", Map.of());

		assertThat(unclaimed.getStatusCode().value()).as(unclaimed.getBody()).isEqualTo(204);
		assertThat(task("fetchCertificate").getAssignee()).isNull();
		assertThat(send(COLLEAGUE, "/task/" + fetch.getId() + "/claim", Map.of("userId", COLLEAGUE))).as("free again")
			.isEqualTo(204);
	}

	@Test
	void shouldLetTheTaskForceAndAdminsGiveBackAClaim() {
		String instance = task("fetchCertificate").getProcessInstanceId();
		for (String timer : List.of("yellowCardDue", "deadlineReached")) {
			managementService.executeJob(
					managementService.createJobQuery().processInstanceId(instance).activityId(timer).singleResult().getId());
		}
		Task overdue = task("handleOverdueRun");
		assertThat(send("taskforce-1", "/task/" + overdue.getId() + "/claim", Map.of("userId", "taskforce-1")))
			.isEqualTo(204);

		assertThat(send(TASK_FORCE_COLLEAGUE, "/task/" + overdue.getId() + "/unclaim", Map.of())).isEqualTo(204);
		assertThat(task("handleOverdueRun").getAssignee()).isNull();

		Task fetch = task("fetchCertificate");
		assertThat(send("runner-huzhen-1", "/task/" + fetch.getId() + "/claim", Map.of("userId", "runner-huzhen-1")))
			.isEqualTo(204);
		assertThat(send("admin", "/task/" + fetch.getId() + "/unclaim", Map.of())).isEqualTo(204);
		assertThat(task("fetchCertificate").getAssignee()).isNull();
	}

	// --- helpers

	void makeUser(String id, String group) {
		var user = identityService.newUser(id);
		user.setPassword("demo");
		identityService.saveUser(user);
		identityService.createMembership(id, group);
	}

	Task task(String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(caseNo).taskDefinitionKey(key).singleResult();
	}

	/** Camunda's claim without a user, which gives the claim back. */
	static Map<String, Object> nobody() {
		Map<String, Object> body = new HashMap<>();
		body.put("userId", null);
		return body;
	}

	int send(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.exchange("/engine-rest" + path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class)
			.getStatusCode()
			.value();
	}

	ResponseEntity<String> sendInTasklist(WebappSession session, String path, Object body) {
		HttpHeaders headers = session.cookiesAndToken(session.csrfToken());
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}
}
