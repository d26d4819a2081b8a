package org.zhengpaopao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collection;

import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.zhengpaopao.application.ApplicationTask;
import org.zhengpaopao.assessment.RectificationTask;
import org.zhengpaopao.catalog.process.CatalogReviewTask;
import org.zhengpaopao.proxyrun.ProxyRunTask;

/**
 * The task ids other modules name (supervision, the demo history, the process adapters) come from one enum per
 * process; these compare each enum with the user tasks of its model in {@code bpmn/}, so that a task renamed in
 * Modeler fails here rather than making a query find nothing.
 */
class UserTaskIdsTests {

	@Test
	void shouldNameExactlyTheUserTasksOfTheProxyRun() throws IOException {
		assertThat(Arrays.stream(ProxyRunTask.values()).map(ProxyRunTask::id))
			.containsExactlyInAnyOrderElementsOf(userTasks("proxy-run.bpmn").stream().map(UserTask::getId).toList());
	}

	@Test
	void shouldCallRunnerTasksTheTasksOfTheRunnerGroup() throws IOException {
		assertThat(ProxyRunTask.runnerTaskIds()).containsExactlyInAnyOrderElementsOf(userTasks("proxy-run.bpmn")
			.stream()
			.filter(task -> "${runnerGroup}".equals(task.getCamundaCandidateGroups()))
			.map(UserTask::getId)
			.toList());
	}

	@Test
	void shouldNameExactlyTheUserTasksOfTheCertificateFreeApplication() throws IOException {
		assertThat(Arrays.stream(ApplicationTask.values()).map(ApplicationTask::id)).containsExactlyInAnyOrderElementsOf(
				userTasks("certificate-free-application.bpmn").stream().map(UserTask::getId).toList());
	}

	@Test
	void shouldNameExactlyTheUserTasksOfTheRectification() throws IOException {
		assertThat(Arrays.stream(RectificationTask.values()).map(RectificationTask::id))
			.containsExactlyInAnyOrderElementsOf(userTasks("rectification.bpmn").stream().map(UserTask::getId).toList());
	}

	@Test
	void shouldNameExactlyTheUserTasksOfTheCatalogReview() throws IOException {
		assertThat(Arrays.stream(CatalogReviewTask.values()).map(CatalogReviewTask::id))
			.containsExactlyInAnyOrderElementsOf(userTasks("catalog-change.bpmn").stream().map(UserTask::getId).toList());
	}

	/** the model as deployed: {@code bpmn/} travels onto the classpath under the same name */
	private static Collection<UserTask> userTasks(String file) throws IOException {
		try (InputStream model = UserTaskIdsTests.class.getResourceAsStream("/bpmn/" + file)) {
			assertThat(model).as(file).isNotNull();
			return Bpmn.readModelFromStream(model).getModelElementsByType(UserTask.class);
		}
	}
}
