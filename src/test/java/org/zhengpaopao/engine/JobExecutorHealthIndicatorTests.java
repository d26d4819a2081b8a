package org.zhengpaopao.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class JobExecutorHealthIndicatorTests {

	static ProcessEngine engineWithJobExecutor(boolean active) {
		JobExecutor jobExecutor = mock(JobExecutor.class);
		when(jobExecutor.isActive()).thenReturn(active);
		when(jobExecutor.getLockOwner()).thenReturn("node-1");
		when(jobExecutor.getMaxJobsPerAcquisition()).thenReturn(3);
		ProcessEngineConfigurationImpl configuration = mock(ProcessEngineConfigurationImpl.class);
		when(configuration.getJobExecutor()).thenReturn(jobExecutor);
		ProcessEngine engine = mock(ProcessEngine.class);
		when(engine.getProcessEngineConfiguration()).thenReturn(configuration);
		return engine;
	}

	@Test
	void shouldBeDownWhenTheJobExecutorIsEnabledButNotRunning() {
		Health health = new JobExecutorHealthIndicator(engineWithJobExecutor(false), true).health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("enabled", true).containsEntry("active", false);
	}

	@Test
	void shouldBeUpWhenTheJobExecutorRuns() {
		Health health = new JobExecutorHealthIndicator(engineWithJobExecutor(true), true).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("active", true)
			.containsEntry("lockOwner", "node-1")
			.containsEntry("maxJobsPerAcquisition", 3);
	}

	@Test
	void shouldStayUpAndSaySoWhenSwitchedOff() {
		Health health = new JobExecutorHealthIndicator(engineWithJobExecutor(false), false).health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("enabled", false).containsEntry("active", false);
		assertThat((String) health.getDetails().get("note")).contains("camunda.bpm.job-execution.enabled=false");
	}
}
