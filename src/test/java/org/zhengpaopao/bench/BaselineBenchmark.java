package org.zhengpaopao.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.zhengpaopao.EngineClock;
import org.zhengpaopao.MariaDb;

/**
 * The "before" of each tuning: W1 at 8 clients and a smaller W2 with the settings the application had before
 * issue 25 (revoke checks, Spring events of the engine, no criteria plan cache, the driver's 16 KB statement cache
 * limit, three job threads, Camunda's 60 s idle wait; ADR 0045), in a database of its own on the same server.
 * Its context closes before {@link ProxyRunBenchmark} starts, so the two never compete for the machine.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhengpaopao.demo.history=false", "logging.level.org.zhengpaopao.notification=WARN",
				"camunda.bpm.authorization.authorization-check-revokes=auto",
				"camunda.bpm.eventing.execution=true", "camunda.bpm.eventing.task=true",
				"camunda.bpm.eventing.history=true",
				"spring.jpa.properties.hibernate.criteria.plan_cache_enabled=false",
				"spring.datasource.hikari.data-source-properties.prepStmtCacheSqlLimit=16384",
				"camunda.bpm.job-execution.core-pool-size=3", "camunda.bpm.job-execution.max-jobs-per-acquisition=10",
				"camunda.bpm.job-execution.queue-capacity=10", "camunda.bpm.job-execution.max-wait=60000" })
@ActiveProfiles({ "demo", "mysql" })
@ContextConfiguration(initializers = BaselineBenchmark.OwnDatabase.class)
@Import(EngineClock.class)
@DirtiesContext
@Order(1)
class BaselineBenchmark extends Workloads {

	static final String DATABASE = "zhengpaopao_baseline";

	@Override
	String resultsFile() {
		return "baseline.json";
	}

	@Test
	void measure() throws Exception {
		init();
		results.put("settings", Map.of("authorizationCheckRevokes", "auto", "eventing", true,
				"criteriaPlanCache", false, "prepStmtCacheSqlLimit", 16384, "jobExecutorCorePoolSize", 3,
				"maxJobsPerAcquisition", 10, "queueCapacity", 10, "maxWaitMillis", 60000));
		try {
			// the first context of the JVM pays for the JIT: three rounds at 8 clients, the last one counts
			Map<String, Object> w1 = throughput(8, 8, 8);
			((List<?>) w1.get("levels")).subList(0, 2).clear();
			results.put("W1", w1);
			write();
			results.put("W2", morningAfterTheHoliday(Scale.of("bench.baseline.w2.runs", 2_000, 100)));
		}
		finally {
			ClockUtil.reset();
			write();
		}
	}

	static class OwnDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			MariaDb server = MariaDb.get();
			try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password())) {
				c.createStatement().execute("create database if not exists " + DATABASE);
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
			String url = server.url().substring(0, server.url().lastIndexOf('/') + 1) + DATABASE;
			TestPropertyValues
				.of("spring.datasource.url=" + url, "spring.datasource.username=" + server.user(),
						"spring.datasource.password=" + server.password())
				.applyTo(context);
		}
	}
}
