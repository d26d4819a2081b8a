package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.*;

import java.util.Date;
import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.zhengpaopao.proxyrun.OpenRunnerTask;
import org.zhengpaopao.proxyrun.ProxyRunTask;
import org.zhengpaopao.workflow.AsSystem;
import org.zhengpaopao.workflow.StepDeadlines;

/** What the supervision steps need to know of and do to the run's open tasks. */
final class RunTasks {

	/** what the task force transfers and whose holder the cards name */
	private static final Set<String> RUNNER_TASKS = Set.of(ProxyRunTask.runnerTaskIds());

	private RunTasks() {
	}

	static List<Task> openTasks(DelegateExecution execution) {
		return AsSystem.call(() -> execution.getProcessEngineServices()
			.getTaskService()
			.createTaskQuery()
			.processInstanceId(execution.getProcessInstanceId())
			.list());
	}

	/** The open runner task, if the run is with a runner now. */
	static Task openRunnerTask(DelegateExecution execution) {
		return openTasks(execution).stream()
			.filter(task -> RUNNER_TASKS.contains(task.getTaskDefinitionKey()))
			.findFirst()
			.orElse(null);
	}

	static OpenRunnerTask held(DelegateExecution execution) {
		Task task = openRunnerTask(execution);
		return task == null ? OpenRunnerTask.NONE : new OpenRunnerTask(task.getId(), task.getAssignee());
	}

	/** Sets the variables every timer and due date of the run reads. */
	static void setDeadlines(DelegateExecution execution, StepDeadlines deadlines) {
		execution.setVariable(PROXY_RUN_DUE, Date.from(deadlines.dueAt()));
		execution.setVariable(PROXY_RUN_DEADLINE, deadlines.date().toString());
		execution.setVariable(YELLOW_CARD_AT, Date.from(deadlines.yellowAt()));
		execution.setVariable(LEVEL2_AT, Date.from(deadlines.level2At()));
		execution.setVariable(LEVEL3_AT, Date.from(deadlines.level3At()));
	}

	static TaskService taskService(DelegateExecution execution) {
		return execution.getProcessEngineServices().getTaskService();
	}
}
