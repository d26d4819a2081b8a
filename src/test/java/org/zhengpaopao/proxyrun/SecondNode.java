package org.zhengpaopao.proxyrun;

import javax.sql.DataSource;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.camunda.bpm.engine.spring.SpringExpressionManager;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A second application node for cluster tests: another process engine, with its own job executor, on the same
 * data source and with the same Spring beans as the test's context.
 */
final class SecondNode {

	private SecondNode() {
	}

	static ProcessEngine start(String name, DataSource dataSource, PlatformTransactionManager transactionManager,
			ApplicationContext applicationContext) {
		var configuration = new SpringProcessEngineConfiguration();
		configuration.setProcessEngineName(name);
		configuration.setHostname(name);
		configuration.setDataSource(dataSource);
		configuration.setTransactionManager(transactionManager);
		configuration.setApplicationContext(applicationContext);
		configuration.setExpressionManager(new SpringExpressionManager(applicationContext));
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_FALSE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setIdGenerator(new StrongUuidGenerator());
		configuration.setAuthorizationEnabled(true);
		configuration.setDefaultUserPermissionNameForTask("TASK_WORK");
		var jobExecutor = new DefaultJobExecutor();
		jobExecutor.setWaitTimeInMillis(50);
		jobExecutor.setMaxJobsPerAcquisition(2);
		configuration.setJobExecutor(jobExecutor);
		configuration.setJobExecutorActivate(false);
		configuration.setEnforceHistoryTimeToLive(true);
		return configuration.buildProcessEngine();
	}

	static JobExecutor jobExecutorOf(ProcessEngine engine) {
		return ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
	}
}
