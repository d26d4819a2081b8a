package org.zhengpaopao.identity;

import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.zhengpaopao.system.Seed;

/**
 * Shared Tasklist filters that every staff member can read. They query by the current user, so one filter
 * serves every runner: each sees only the tasks of their own groups. Tasklist opens the filter of the lowest
 * priority: 「待办」, where every role finds its work without knowing which filter to click.
 */
@Component
@Order(40)
class TasklistFilters implements Seed {

	static final String TO_DO = "待办";
	static final String MY_TASKS = "我的任务";
	static final String MY_GROUPS_TASKS = "我的群组任务";
	static final String DUE_TODAY = "今日到期";
	static final String OVERDUE = "已超期";

	private final FilterService filterService;
	private final TaskService taskService;
	private final AuthorizationService authorizationService;

	TasklistFilters(FilterService filterService, TaskService taskService, AuthorizationService authorizationService) {
		this.filterService = filterService;
		this.taskService = taskService;
		this.authorizationService = authorizationService;
	}

	@Override
	public void seed() {
		// what is the user's to do: open to their groups and nobody's yet (a colleague's claim is the colleague's),
		// or claimed by them, from any group
		create(TO_DO, -20, "我所在群组尚未认领的任务和我已认领的任务，最早到期的在前",
				taskService.createTaskQuery()
					.or()
					.taskAssigneeExpression("${currentUser()}")
					.taskCandidateGroupInExpression("${currentUserGroups()}")
					.endOr()
					.orderByDueDate()
					.asc());
		create(MY_TASKS, -10, "已认领、由我办理的任务",
				taskService.createTaskQuery().taskAssigneeExpression("${currentUser()}").orderByDueDate().asc());
		create(MY_GROUPS_TASKS, -5, "我所在群组可认领和已认领的任务", myGroupsTasks().orderByDueDate().asc());
		// "today" and "now" are evaluated by Tasklist each time the filter is opened, in the server's time zone
		create(DUE_TODAY, 0, "我所在群组今天到期、尚未办结的任务",
				myGroupsTasks().dueAfterExpression("${dateTime().withTimeAtStartOfDay().toDate()}")
					.dueBeforeExpression("${dateTime().withTimeAtStartOfDay().plusDays(1).toDate()}")
					.orderByDueDate()
					.asc());
		create(OVERDUE, 5, "我所在群组已过期限、尚未办结的任务",
				myGroupsTasks().dueBeforeExpression("${now()}").orderByDueDate().asc());
	}

	private TaskQuery myGroupsTasks() {
		return taskService.createTaskQuery().taskCandidateGroupInExpression("${currentUserGroups()}").includeAssignedTasks();
	}

	/** Creates a filter that is not there yet, so that an installation gets the filters added since it began. */
	private void create(String name, int priority, String description, TaskQuery query) {
		if (filterService.createFilterQuery().filterName(name).count() > 0) {
			return;
		}
		Filter filter = filterService.newTaskFilter(name)
			.setQuery(query)
			.setProperties(Map.of("priority", priority, "description", description, "refresh", true));
		filterService.saveFilter(filter);
		Authorization everyone = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
		everyone.setResource(Resources.FILTER);
		everyone.setResourceId(filter.getId());
		everyone.addPermission(Permissions.READ);
		authorizationService.saveAuthorization(everyone);
	}
}
