package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.*;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.zhengpaopao.proxyrun.ProxyRunTask;
import org.zhengpaopao.proxyrun.RunDeadlines;

/** What the supervision steps need to know of and do to the run's open tasks. */
final class RunTasks {

	/** what the task force transfers and whose holder the cards name */
	private static final Set<String> RUNNER_TASKS = Set.of(ProxyRunTask.runnerTaskIds());

	private RunTasks() {
	}

	/** The user who acts: the task-force member completing the form, or the system for timers. */
	static String actor(DelegateExecution execution) {
		Authentication current = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		return current != null && current.getUserId() != null ? current.getUserId() : "system";
	}

	static List<Task> openTasks(DelegateExecution execution) {
		return asSystem(() -> execution.getProcessEngineServices()
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

	static String runnerOf(DelegateExecution execution) {
		Task task = openRunnerTask(execution);
		return task == null ? null : task.getAssignee();
	}

	/** Sets the variables every timer and due date of the run reads. */
	static void setDeadlines(DelegateExecution execution, RunDeadlines deadlines) {
		execution.setVariable(PROXY_RUN_DUE, Date.from(deadlines.dueAt()));
		execution.setVariable(PROXY_RUN_DEADLINE, deadlines.deadline().toString());
		execution.setVariable(YELLOW_CARD_AT, Date.from(deadlines.yellowAt()));
		execution.setVariable(LEVEL2_AT, Date.from(deadlines.level2At()));
		execution.setVariable(LEVEL3_AT, Date.from(deadlines.level3At()));
	}

	/**
	 * Supervision acts on tasks that belong to runners and clerks, not to the task-force member whose completion
	 * runs this step; the process itself is entitled to, so authorization checks are suspended for the call.
	 */
	static <T> T asSystem(Supplier<T> work) {
		var commandContext = Context.getCommandContext();
		boolean wasEnabled = commandContext.isAuthorizationCheckEnabled();
		commandContext.disableAuthorizationCheck();
		try {
			return work.get();
		}
		finally {
			if (wasEnabled) {
				commandContext.enableAuthorizationCheck();
			}
		}
	}

	static void asSystem(Runnable work) {
		asSystem(() -> {
			work.run();
			return null;
		});
	}

	static TaskService taskService(DelegateExecution execution) {
		return execution.getProcessEngineServices().getTaskService();
	}
}
