package org.zhengpaopao.proxyrun;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.ApplicationContext;

/**
 * A second application node for cluster tests: another process engine on the same database and with the same
 * Spring beans as the test's context, built the way the Camunda starter builds the application's own engine
 * ({@code CamundaBpmConfiguration#processEngineConfigurationImpl}, then {@link ProcessEngineFactoryBean}). It gets
 * every {@link ProcessEnginePlugin} bean of the context, in their order: the starter's (data source and
 * transactions, history, authorization, the {@code generic-properties} of application.yaml such as
 * {@code defaultUserPermissionNameForTask} and {@code loginMaxAttempts}, …) and the application's own (the model
 * deployment, the absent-assignee guard, …). Only what makes it another node comes after them: its name, its host
 * name and a job executor of its own, which the tests start by hand.
 */
final class SecondNode {

	private SecondNode() {
	}

	static ProcessEngine start(String name, ApplicationContext applicationContext) {
		List<ProcessEnginePlugin> plugins = applicationContext.getBeanProvider(ProcessEnginePlugin.class)
			.orderedStream()
			.toList();
		var configuration = CamundaSpringBootUtil.springProcessEngineConfiguration();
		// what Spring does for the starter's configuration, a bean that is ApplicationContextAware
		configuration.setApplicationContext(applicationContext);
		configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
		configuration.getProcessEnginePlugins().add(new AnotherNode(name));
		var factory = new ProcessEngineFactoryBean();
		factory.setProcessEngineConfiguration(configuration);
		factory.setApplicationContext(applicationContext);
		try {
			return factory.getObject();
		}
		catch (Exception e) {
			throw new IllegalStateException("the second node did not start", e);
		}
	}

	static JobExecutor jobExecutorOf(ProcessEngine engine) {
		return configurationOf(engine).getJobExecutor();
	}

	static ProcessEngineConfigurationImpl configurationOf(ProcessEngine engine) {
		return (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
	}

	/** The plugins an engine was built with, composites unfolded, in the order they ran. */
	static List<ProcessEnginePlugin> pluginsOf(ProcessEngine engine) {
		List<ProcessEnginePlugin> plugins = new ArrayList<>();
		unfold(configurationOf(engine).getProcessEnginePlugins(), plugins);
		return plugins;
	}

	private static void unfold(List<ProcessEnginePlugin> plugins, List<ProcessEnginePlugin> into) {
		for (ProcessEnginePlugin plugin : plugins) {
			if (plugin instanceof CompositeProcessEnginePlugin composite) {
				unfold(composite.getPlugins(), into);
			}
			else {
				into.add(plugin);
			}
		}
	}

	/**
	 * After the context's plugins, which name the engine after {@code camunda.bpm.process-engine-name} and would
	 * hand it the first node's job executor: this node's own name and executor. Like the starter's, the executor
	 * is not started with the engine.
	 */
	private static final class AnotherNode extends AbstractProcessEnginePlugin {

		private final String name;

		AnotherNode(String name) {
			this.name = name;
		}

		@Override
		public void preInit(ProcessEngineConfigurationImpl configuration) {
			configuration.setProcessEngineName(name);
			configuration.setHostname(name);
			var jobExecutor = new DefaultJobExecutor();
			jobExecutor.setWaitTimeInMillis(50);
			jobExecutor.setMaxJobsPerAcquisition(2);
			configuration.setJobExecutor(jobExecutor);
			configuration.setJobExecutorActivate(false);
		}

		@Override
		public String toString() {
			return "another node: " + name;
		}
	}
}
