package org.zhengpaopao.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.util.List;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.junit.jupiter.api.Test;

class TaskActorTests {

	@Test
	void shouldNameTheSignedInUserBeforeTheAssignee() {
		DelegateTask task = task("runner-county-1", "runner-county-2");

		assertThat(TaskActor.of(task)).isEqualTo("runner-county-1");
	}

	@Test
	void shouldNameTheAssigneeWhenNobodyIsSignedIn() {
		assertThat(TaskActor.of(task(null, "runner-county-2"))).isEqualTo("runner-county-2");
	}

	@Test
	void shouldNameTheSystemWhenNobodyIsSignedInAndNobodyHoldsTheTask() {
		assertThat(TaskActor.of(task(null, null))).isEqualTo(TaskActor.SYSTEM).isEqualTo("system");
	}

	@Test
	void shouldNameTheSystemForATimerAndTheUserForAFormInAServiceStep() {
		DelegateExecution timer = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
		when(timer.getProcessEngineServices().getIdentityService().getCurrentAuthentication()).thenReturn(null);
		DelegateExecution form = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
		when(form.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
			.thenReturn(new Authentication("taskforce-1", List.of("task-force")));

		assertThat(TaskActor.of(timer)).isEqualTo("system");
		assertThat(TaskActor.of(form)).isEqualTo("taskforce-1");
	}

	private static DelegateTask task(String signedIn, String assignee) {
		DelegateTask task = mock(DelegateTask.class, RETURNS_DEEP_STUBS);
		when(task.getProcessEngineServices().getIdentityService().getCurrentAuthentication())
			.thenReturn(signedIn == null ? null : new Authentication(signedIn, List.of()));
		when(task.getAssignee()).thenReturn(assignee);
		return task;
	}
}
