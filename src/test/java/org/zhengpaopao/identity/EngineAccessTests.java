package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.FilterService;
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
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/** What a runner can see through the engine REST API that Tasklist uses, with authorization checks on. */
@IntegrationTest
class EngineAccessTests {

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	FilterService filterService;

	@Autowired
	org.camunda.bpm.engine.TaskService taskService;

	ResponseEntity<List<Map<String, Object>>> tasksOf(String user, String caseNo) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		return http.exchange("/engine-rest/task?processInstanceBusinessKey=" + caseNo, HttpMethod.GET,
				new HttpEntity<>(headers), LIST);
	}

	@Test
	void shouldRefuseAnonymousCallsToTheEngine() {
		assertThat(http.getForEntity("/engine-rest/task", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.getForEntity("/engine-rest/process-definition", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldShowATaskOnlyToTheRoutedGroup() {
		String caseNo = proxyRuns.open(new NewProxyRun("赵六", "330825200002290018", "13905709999", "huzhen",
				"huzhen-mabaoqiao", "ZM-0040", "ziranziyuan", true), "window-ziranziyuan-1").getCaseNo();

		var own = tasksOf("runner-huzhen-1", caseNo);
		assertThat(own.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(own.getBody()).singleElement()
			.satisfies(task -> assertThat(task).containsEntry("taskDefinitionKey", "fetchCertificate"));

		assertThat(tasksOf("runner-muchen-1", caseNo).getBody()).isEmpty();
		assertThat(tasksOf("runner-county-1", caseNo).getBody()).isEmpty();
		assertThat(tasksOf("clerk-huzhen-mabaoqiao-1", caseNo).getBody()).as("the issuer's turn has not come").isEmpty();
	}

	@Test
	void shouldGiveEveryStaffMemberTheSharedTasklistFilters() {
		assertThat(filterService.createFilterQuery().list()).extracting(f -> f.getName())
			.contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.DUE_TODAY,
					TasklistFilters.OVERDUE);
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("runner-huzhen-1", "demo");
		var filters = http.exchange("/engine-rest/filter", HttpMethod.GET, new HttpEntity<>(headers), LIST);
		assertThat(filters.getBody()).extracting(f -> f.get("name"))
			.contains(TasklistFilters.MY_TASKS, TasklistFilters.MY_GROUPS_TASKS, TasklistFilters.DUE_TODAY,
					TasklistFilters.OVERDUE);
	}

	@Test
	void shouldShowAnOverdueTaskInTheOverdueFilterOfItsGroupOnly() {
		String caseNo = proxyRuns.open(new NewProxyRun("吴十", "330825200002290018", "13905703333", "shifo",
				"shifo-sanmenyuan", "ZM-0009", "renshe", true), "window-renshe-1").getCaseNo();
		var task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		task.setDueDate(new java.util.Date(System.currentTimeMillis() - 3_600_000));
		taskService.saveTask(task);
		String overdueFilter = filterService.createFilterQuery().filterName(TasklistFilters.OVERDUE).singleResult().getId();

		assertThat(filterList("runner-county-1", overdueFilter)).extracting(t -> t.get("id")).contains(task.getId());
		assertThat(filterList("runner-shifo-1", overdueFilter)).extracting(t -> t.get("id")).doesNotContain(task.getId());
	}

	List<Map<String, Object>> filterList(String user, String filterId) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		// as Tasklist asks (the allow-list has the POST only)
		return http.exchange("/engine-rest/filter/" + filterId + "/list", HttpMethod.POST, new HttpEntity<>("{}", headers),
				LIST)
			.getBody();
	}
}
