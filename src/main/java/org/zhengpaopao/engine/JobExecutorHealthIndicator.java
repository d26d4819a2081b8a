package org.zhengpaopao.engine;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code jobExecutor} health component. It takes the place of the Camunda starter's indicator of the same
 * bean name, which exists only when the job executor is enabled: here a node started with
 * {@code camunda.bpm.job-execution.enabled=false} (the tests, or a node meant to serve users only) says so and
 * stays UP, while a node whose job executor should run but does not is DOWN, because its timers (yellow and red
 * cards, escalations, expiring authorizations) and retries would not fire.
 */
@Component("jobExecutorHealthIndicator")
class JobExecutorHealthIndicator implements HealthIndicator {

	private final ProcessEngine engine;
	private final boolean enabled;

	JobExecutorHealthIndicator(ProcessEngine engine,
			@Value("${camunda.bpm.job-execution.enabled:true}") boolean enabled) {
		this.engine = engine;
		this.enabled = enabled;
	}

	@Override
	public Health health() {
		JobExecutor jobExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
			.getJobExecutor();
		boolean active = jobExecutor != null && jobExecutor.isActive();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("enabled", enabled);
		details.put("active", active);
		if (!enabled) {
			details.put("note", "本节点不执行定时器和异步作业 / this node does not execute timers and jobs "
					+ "(camunda.bpm.job-execution.enabled=false)");
			return Health.up().withDetails(details).build();
		}
		if (jobExecutor != null) {
			details.put("lockOwner", jobExecutor.getLockOwner());
			details.put("lockTimeInMillis", jobExecutor.getLockTimeInMillis());
			details.put("maxJobsPerAcquisition", jobExecutor.getMaxJobsPerAcquisition());
			details.put("waitTimeInMillis", jobExecutor.getWaitTimeInMillis());
		}
		return (active ? Health.up() : Health.down()).withDetails(details).build();
	}
}
