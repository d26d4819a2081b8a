package org.zhengpaopao.window.process;

import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.zhengpaopao.application.ApplicationTask;
import org.zhengpaopao.window.DecisionTasks;

@Component
class CamundaDecisionTasks implements DecisionTasks {

	private final TaskService tasks;

	CamundaDecisionTasks(TaskService tasks) {
		this.tasks = tasks;
	}

	@Override
	public Map<String, String> openDecisionTasks(Collection<String> processInstanceIds) {
		if (processInstanceIds.isEmpty()) {
			return Map.of();
		}
		return tasks.createTaskQuery()
			.taskDefinitionKey(ApplicationTask.DECIDE_APPLICATION.id())
			.processInstanceIdIn(processInstanceIds.toArray(String[]::new))
			.list()
			.stream()
			.collect(Collectors.toMap(Task::getProcessInstanceId, Task::getId, (a, b) -> a));
	}
}
