package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * Who sees which task in Tasklist's shared filters, asked of the engine as the engine REST API asks for Tasklist
 * (LandingFilterTests and EngineAccessTests ask over HTTP), with the application's task query (ADR 0042): each user sees exactly the tasks of the filter's criteria that the engine's
 * own authorization check ({@link AuthorizationService#isUserAuthorized}) lets them read, a runner sees their
 * township's tasks and no other's, and cannot open another township's task by its id (issue 7).
 */
@IntegrationTest
class TasklistAuthorizationTests {

	static final String TOWNSHIP = "shifo";
	static final String RUNNER = "runner-shifo-1";
	static final String OTHER_RUNNER = "runner-zhanjia-1";
	static final String TASK_FORCE = "taskforce-1";

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	FilterService filterService;

	@Autowired
	ProcessEngine engine;

	@Test
	void shouldShowEachUserTheFiltersTasksTheyMayReadAndNoOthers() {
		Task overdue = fetchTaskDue(Date.from(Instant.now().minus(2, ChronoUnit.DAYS)));
		Task dueToday = fetchTaskDue(Date.from(LocalDate.now().atTime(LocalTime.of(23, 0)).atZone(ZoneId.systemDefault())
			.toInstant()));
		Task later = fetchTaskDue(Date.from(Instant.now().plus(3, ChronoUnit.DAYS)));
		// escalated: the task force becomes a candidate too, and the engine grants it the task as it does for any
		// candidate group (defaultUserPermissionNameForTask)
		taskService.addCandidateGroup(overdue.getId(), Groups.TASK_FORCE);

		assertThat(ids(list(RUNNER, TasklistFilters.OVERDUE))).contains(overdue.getId())
			.doesNotContain(dueToday.getId(), later.getId());
		assertThat(ids(list(RUNNER, TasklistFilters.DUE_TODAY))).contains(dueToday.getId())
			.doesNotContain(overdue.getId(), later.getId());
		assertThat(ids(list(RUNNER, TasklistFilters.MY_GROUPS_TASKS))).contains(overdue.getId(), dueToday.getId(),
				later.getId());
		assertThat(ids(list(TASK_FORCE, TasklistFilters.OVERDUE))).contains(overdue.getId())
			.doesNotContain(dueToday.getId(), later.getId());
		for (String filter : List.of(TasklistFilters.OVERDUE, TasklistFilters.DUE_TODAY, TasklistFilters.MY_GROUPS_TASKS,
				TasklistFilters.TO_DO)) {
			assertThat(ids(list(OTHER_RUNNER, filter))).as("another township's runner, " + filter)
				.doesNotContain(overdue.getId(), dueToday.getId(), later.getId());
		}

		for (String user : List.of(RUNNER, OTHER_RUNNER, TASK_FORCE, "runner-county-1", "clerk-shifo-1")) {
			List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
				.map(Group::getId).toList();
			Map<String, TaskQuery> criteria = Map.of(
					TasklistFilters.MY_GROUPS_TASKS, groupsTasks(groups),
					TasklistFilters.OVERDUE, groupsTasks(groups).dueBefore(new Date()),
					TasklistFilters.DUE_TODAY, groupsTasks(groups).dueAfter(startOfDay(0)).dueBefore(startOfDay(1)));
			criteria.forEach((filter, query) -> {
				// what the engine's own check lets the user read, among the tasks the filter asks for
				Set<String> readable = query.list().stream().filter(task -> mayRead(user, groups, task))
					.map(Task::getId).collect(Collectors.toSet());
				List<Map<String, Object>> listed = list(user, filter);
				assertThat(ids(listed)).as(user + ", " + filter).containsExactlyInAnyOrderElementsOf(readable);
				assertThat(count(user, filter)).as(user + ", " + filter + " count").isEqualTo(readable.size());
			});
		}
	}

	@Test
	void shouldNotLetARunnerOpenAnotherTownshipsTaskById() {
		Task task = fetchTaskDue(Date.from(Instant.now().minus(1, ChronoUnit.DAYS)));
		// what GET /engine-rest/task/{id} asks the engine
		assertThat(as(RUNNER, () -> taskService.createTaskQuery().taskId(task.getId()).list())).hasSize(1);
		assertThat(as(OTHER_RUNNER, () -> taskService.createTaskQuery().taskId(task.getId()).list())).isEmpty();
		assertThat(as(OTHER_RUNNER, () -> taskService.createTaskQuery().taskId(task.getId()).count())).isZero();
	}

	@Test
	void shouldAskTheApplicationsTaskQuery() {
		var statement = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getSqlSessionFactory()
			.getConfiguration()
			.getMappedStatement("org.camunda.bpm.engine.impl.persistence.entity.TaskEntity.selectTaskByQueryCriteria");
		assertThat(statement.getResource()).contains("org/zhengpaopao/engine/Task.xml");
	}

	boolean mayRead(String user, List<String> groups, Task task) {
		String key = repositoryService.getProcessDefinition(task.getProcessDefinitionId()).getKey();
		return authorizationService.isUserAuthorized(user, groups, Permissions.READ, Resources.TASK, task.getId())
				|| authorizationService.isUserAuthorized(user, groups, Permissions.READ_TASK,
						Resources.PROCESS_DEFINITION, key);
	}

	TaskQuery groupsTasks(List<String> groups) {
		return taskService.createTaskQuery().taskCandidateGroupIn(groups).includeAssignedTasks();
	}

	static Date startOfDay(int plusDays) {
		return Date.from(LocalDate.now().plusDays(plusDays).atStartOfDay(ZoneId.systemDefault()).toInstant());
	}

	Task fetchTaskDue(Date due) {
		String caseNo = proxyRuns.open(new NewProxyRun("吴十", "330825200002290018", "13905703333", TOWNSHIP,
				"shifo-shifo", "ZM-0032", "minzheng", true), "window-minzheng-1").getCaseNo();
		Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult();
		task.setDueDate(due);
		taskService.saveTask(task);
		return task;
	}

	static Set<Object> ids(List<Map<String, Object>> tasks) {
		return tasks.stream().map(t -> t.get("id")).collect(Collectors.toSet());
	}

	String filterId(String name) {
		return filterService.createFilterQuery().filterName(name).singleResult().getId();
	}

	/**
	 * A filter's tasks as the engine REST API's {@code POST /filter/{id}/list} and its count ask them: the filter's
	 * query, for the authenticated user. Through the Java API because the MariaDB suite's engine is not the REST
	 * API's default engine.
	 */
	List<Map<String, Object>> list(String user, String filter) {
		return as(user, () -> filterService.<Task> list(filterId(filter))).stream()
			.map(task -> Map.<String, Object> of("id", task.getId()))
			.toList();
	}

	long count(String user, String filter) {
		return as(user, () -> filterService.count(filterId(filter)));
	}

	<T> T as(String user, Supplier<T> call) {
		List<String> groups = identityService.createGroupQuery().groupMember(user).list().stream()
			.map(Group::getId).toList();
		identityService.setAuthentication(user, groups);
		try {
			return call.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}
}
