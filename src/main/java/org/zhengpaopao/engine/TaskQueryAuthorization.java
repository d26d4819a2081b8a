package org.zhengpaopao.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.impl.cfg.CompositeProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.camunda.bpm.engine.spring.SpringProcessEngineConfiguration;
import org.camunda.bpm.spring.boot.starter.util.CamundaSpringBootUtil;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's task query with an authorization check that MySQL and MariaDB can answer by index (ADR 0042).
 * <p>
 * Camunda 7.24 checks a task's authorizations by joining {@code ACT_RU_AUTHORIZATION} on
 * {@code RESOURCE_ID_ = task id OR = process key OR = '*'}; MySQL and MariaDB can use no index for that join and
 * compare each of a group's tasks with each of the group's authorization rows (one per task), 17 s for a township's
 * 「已超期」 at 100,000 open runs. The engine reads its task statements from {@code org/zhengpaopao/engine/Task.xml}
 * instead: the engine's own {@code Task.xml} with the grants on the task and on its process definition each joined by
 * equality and the grants on {@code '*'} asked once. Who sees which task is unchanged; {@code TaskQueryMappingTests}
 * holds the copy to the engine's file, so an engine upgrade that changes the file fails the build.
 * <p>
 * The bean replaces the Camunda starter's {@code processEngineConfigurationImpl} and is set up the same way (its
 * {@code CamundaBpmConfiguration}): the starter's configuration beans still apply through the plugins.
 */
@Configuration(proxyBeanMethods = false)
class TaskQueryAuthorization {

	static final String ENGINE_TASK_MAPPING = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
	static final String TASK_MAPPING = "org/zhengpaopao/engine/Task.xml";

	@Bean
	ProcessEngineConfigurationImpl processEngineConfigurationImpl(List<ProcessEnginePlugin> plugins) {
		SpringProcessEngineConfiguration configuration = CamundaSpringBootUtil
			.initCustomFields(new TaskMappingConfiguration());
		configuration.getProcessEnginePlugins().add(new CompositeProcessEnginePlugin(plugins));
		return configuration;
	}

	/** The engine's MyBatis configuration with the application's task mapping in place of the engine's. */
	static String mappings() {
		try (InputStream in = TaskQueryAuthorization.class.getClassLoader()
			.getResourceAsStream(ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE)) {
			String mappings = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			String engineMapper = "\"" + ENGINE_TASK_MAPPING + "\"";
			if (mappings.indexOf(engineMapper) < 0 || mappings.indexOf(engineMapper) != mappings.lastIndexOf(engineMapper)) {
				throw new IllegalStateException("The engine's " + ProcessEngineConfigurationImpl.DEFAULT_MYBATIS_MAPPING_FILE
						+ " does not name " + ENGINE_TASK_MAPPING + " once: see ADR 0042");
			}
			return mappings.replace(engineMapper, "\"" + TASK_MAPPING + "\"");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static class TaskMappingConfiguration extends SpringProcessEngineConfiguration {

		@Override
		protected InputStream getMyBatisXmlConfigurationSteam() {
			return new ByteArrayInputStream(mappings().getBytes(StandardCharsets.UTF_8));
		}
	}
}
