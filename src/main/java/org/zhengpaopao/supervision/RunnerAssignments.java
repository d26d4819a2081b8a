package org.zhengpaopao.supervision;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.zhengpaopao.proxyrun.ProxyRunTask;

/** Who holds each run's open runner task: a thin read of Camunda's task table. */
@Component
class RunnerAssignments {

	private final TaskService taskService;

	RunnerAssignments(TaskService taskService) {
		this.taskService = taskService;
	}

	/** process instance id → assignee, for runs whose runner task is claimed. */
	Map<String, String> of(Collection<String> processInstanceIds) {
		Map<String, String> assignees = new HashMap<>();
		if (processInstanceIds.isEmpty()) {
			return assignees;
		}
		for (Task task : taskService.createTaskQuery()
			.processInstanceIdIn(Set.copyOf(processInstanceIds).toArray(String[]::new))
			.taskDefinitionKeyIn(ProxyRunTask.runnerTaskIds())
			.taskAssigned()
			.list()) {
			assignees.put(task.getProcessInstanceId(), task.getAssignee());
		}
		return assignees;
	}
}
