package org.zhengpaopao.workflow;

import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;

/** Who acted, as a step's history and the domain record it: a user id, or {@value #SYSTEM} for the process itself. */
public final class TaskActor {

	/** the actor when no user acted: timers, jobs, the process itself */
	public static final String SYSTEM = "system";

	private TaskActor() {
	}

	/**
	 * Who completed (or otherwise handled) the task: the signed-in user of the request, else the task's assignee
	 * (a completion through the Java API), else {@value #SYSTEM}.
	 */
	public static String of(DelegateTask task) {
		String user = signedIn(task.getProcessEngineServices());
		if (user != null) {
			return user;
		}
		return task.getAssignee() != null ? task.getAssignee() : SYSTEM;
	}

	/**
	 * Who acts in a service step: the signed-in user whose completion runs it (a task-force member's form), or
	 * {@value #SYSTEM} for timers and jobs.
	 */
	public static String of(DelegateExecution execution) {
		String user = signedIn(execution.getProcessEngineServices());
		return user != null ? user : SYSTEM;
	}

	private static String signedIn(ProcessEngineServices engine) {
		Authentication current = engine.getIdentityService().getCurrentAuthentication();
		return current != null ? current.getUserId() : null;
	}
}
