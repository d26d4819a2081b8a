package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
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
import org.springframework.http.MediaType;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * The filter Tasklist opens when a user logs in, asked through the engine REST API exactly as Tasklist asks (its
 * own default order, newest first, in the request), with authorization checks on.
 */
@IntegrationTest
class LandingFilterTests {

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	// a township no other test opens runs in, so that its group's list holds only what this class put there
	static final String TOWNSHIP = "sheyang";
	static final String RUNNER = "runner-sheyang-1";
	/** made for this test: a colleague of the runner in the same group */
	static final String COLLEAGUE = "landing-runner-sheyang-2";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	FilterService filterService;

	@BeforeEach
	void makeAColleague() {
		var colleague = identityService.newUser(COLLEAGUE);
		colleague.setPassword("demo");
		identityService.saveUser(colleague);
		identityService.createMembership(COLLEAGUE, Groups.townshipRunners(TOWNSHIP));
	}

	@AfterEach
	void forgetTheColleague() {
		identityService.deleteUser(COLLEAGUE);
	}

	@Test
	void shouldListTheGroupsUnclaimedTasksAndTheUsersOwnClaimsSoonestDueFirst() {
		Task unclaimed = fetchTaskDueIn(2);
		Task mine = fetchTaskDueIn(3);
		Task colleagues = fetchTaskDueIn(1);
		taskService.claim(mine.getId(), RUNNER);
		taskService.claim(colleagues.getId(), COLLEAGUE);

		assertThat(landingList(RUNNER)).extracting(t -> t.get("id")).containsExactly(unclaimed.getId(), mine.getId());
		assertThat(landingList(COLLEAGUE)).extracting(t -> t.get("id"))
			.containsExactly(colleagues.getId(), unclaimed.getId());
		assertThat(landingList("runner-zhanjia-1")).as("another township's runner").extracting(t -> t.get("id"))
			.doesNotContain(unclaimed.getId(), mine.getId(), colleagues.getId());
	}

	@Test
	void shouldOpenTheLandingFilterFirstForEveryRole() {
		for (String user : List.of(RUNNER, "runner-county-1", "liaison-gongan-1", "clerk-sheyang-1", "window-minzheng-1",
				"taskforce-1")) {
			var filters = http.exchange("/engine-rest/filter?resourceType=Task", HttpMethod.GET,
					new HttpEntity<>(headers(user)), LIST).getBody();
			// as Tasklist picks: the lowest priority among the filters the user may read
			var first = filters.stream()
				.min(Comparator.comparingInt(f -> ((Number) ((Map<?, ?>) f.get("properties")).get("priority")).intValue()))
				.orElseThrow();
			assertThat(first.get("name")).as(user).isEqualTo(TasklistFilters.TO_DO);
		}
	}

	Task fetchTaskDueIn(int days) {
		String caseNo = proxyRuns.open(new NewProxyRun("孙八", "330825198505050032", "13905704444", TOWNSHIP,
				"sheyang-sheyang", "ZM-0032", "minzheng", true), "window-minzheng-1").getCaseNo();
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		task.setDueDate(Date.from(Instant.now().plus(days, ChronoUnit.DAYS)));
		taskService.saveTask(task);
		return task;
	}

	List<Map<String, Object>> landingList(String user) {
		String filter = filterService.createFilterQuery().filterName(TasklistFilters.TO_DO).singleResult().getId();
		HttpHeaders headers = headers(user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.exchange("/engine-rest/filter/" + filter + "/list?firstResult=0&maxResults=15", HttpMethod.POST,
				new HttpEntity<>("""
						{"processVariables": [], "taskVariables": [], "caseInstanceVariables": [],
						 "sorting": [{"sortBy": "created", "sortOrder": "desc"}], "active": true}""", headers),
				LIST)
			.getBody();
	}

	static HttpHeaders headers(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		return headers;
	}
}
