package org.zhengpaopao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.StandaloneProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.persistence.StrongUuidGenerator;
import org.zhengpaopao.MariaDb;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * W1's peer: the proxy-run model without the application (src/test/resources/bench/proxy-run-peer.bpmn: the same user
 * tasks, gateways and end events, no delegates, listeners or forms) on a bare Camunda engine built here, in this JVM,
 * with a database of its own on the same server: history {@code full}, the JDBC settings of application-mysql.yaml,
 * job executor off, the engine's authorization checks off (its default). Each run: start an instance, then for each
 * of the four user tasks the user finds it among their group's tasks, claims it and completes it, as W1 does through
 * the application. ADR 0044.
 */
final class BareEnginePeer implements AutoCloseable {

	static final String DATABASE = "zhengpaopao_peer";
	static final int TOWNSHIPS = 18;

	private final HikariDataSource dataSource;
	private final ProcessEngine engine;
	private final TaskService tasks;
	private final IdentityService identity;

	/** @param hikari the application's pool settings ({@code spring.datasource.hikari}), driver properties included */
	BareEnginePeer(HikariConfig hikari) throws Exception {
		MariaDb server = MariaDb.get();
		try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password())) {
			c.createStatement().execute("create database if not exists " + DATABASE);
		}
		hikari.setPoolName("bench-peer");
		hikari.setJdbcUrl(server.url().substring(0, server.url().lastIndexOf('/') + 1) + DATABASE);
		hikari.setUsername(server.user());
		hikari.setPassword(server.password());
		hikari.setDriverClassName("com.mysql.cj.jdbc.Driver");
		dataSource = new HikariDataSource(hikari);
		StandaloneProcessEngineConfiguration configuration = new StandaloneProcessEngineConfiguration();
		configuration.setProcessEngineName("bench-peer");
		configuration.setDataSource(dataSource);
		configuration.setDatabaseType("mysql");
		configuration.setDatabaseSchemaUpdate(ProcessEngineConfiguration.DB_SCHEMA_UPDATE_TRUE);
		configuration.setHistory(ProcessEngineConfiguration.HISTORY_FULL);
		configuration.setJobExecutorActivate(false);
		configuration.setIdGenerator(new StrongUuidGenerator()); // the Spring Boot starter's, as in the application
		engine = configuration.buildProcessEngine();
		tasks = engine.getTaskService();
		identity = engine.getIdentityService();
		engine.getRepositoryService()
			.createDeployment()
			.name("bench-peer")
			.addClasspathResource("bench/proxy-run-peer.bpmn")
			.deploy();
	}

	/** W1's levels on the bare engine, after the same warm-up: {levels[{clients, runs, seconds, runsPerSecond}], bestRunsPerSecond}. */
	Map<String, Object> throughput(int... clientLevels) throws Exception {
		runs(4, Scale.w1WarmUpRuns());
		List<Map<String, Object>> levels = new ArrayList<>();
		for (int clients : clientLevels) {
			int runs = Scale.w1Runs(clients);
			long start = System.nanoTime();
			runs(clients, runs);
			double seconds = (System.nanoTime() - start) / 1e9;
			Map<String, Object> level = new LinkedHashMap<>();
			level.put("clients", clients);
			level.put("runs", runs);
			level.put("seconds", Latencies.round(seconds));
			level.put("runsPerSecond", Latencies.round(runs / seconds));
			levels.add(level);
		}
		Map<String, Object> peer = new LinkedHashMap<>();
		peer.put("levels", levels);
		peer.put("bestRunsPerSecond",
				levels.stream().mapToDouble(l -> (double) l.get("runsPerSecond")).max().orElseThrow());
		return peer;
	}

	void runs(int clients, int runs) throws Exception {
		Workloads.inParallel(clients, runs, this::run);
		long open = engine.getRuntimeService().createProcessInstanceQuery().count();
		assertThat(open).as("every peer run signed for and ended").isZero();
	}

	/** One run: the window starts it; runner, issuing clerk, runner and window each find, claim and complete their task. */
	void run(int index) {
		String township = "t" + index % TOWNSHIPS;
		String caseNo = "PEER-" + System.nanoTime() + "-" + index;
		Instant now = Instant.now();
		Map<String, Object> variables = new LinkedHashMap<>();
		variables.put("authorizedAtWindow", true);
		variables.put("runnerGroup", "runners-" + township);
		variables.put("issuerGroup", "issuers-" + township);
		variables.put("usingWindowGroup", "window-renshe");
		variables.put("yellowCardAt", Date.from(now.plus(2, ChronoUnit.DAYS)));
		variables.put("proxyRunDue", Date.from(now.plus(3, ChronoUnit.DAYS)));
		identity.setAuthenticatedUserId("window-renshe-1");
		try {
			engine.getRuntimeService().startProcessInstanceByKey("proxy-run", caseNo, variables);
		}
		finally {
			identity.clearAuthentication();
		}
		claimAndComplete(caseNo, "runner-" + township + "-1", "runners-" + township, Map.of("fetchNote", "已提交"));
		claimAndComplete(caseNo, "clerk-" + township + "-1", "issuers-" + township,
				Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		claimAndComplete(caseNo, "runner-" + township + "-1", "runners-" + township, Map.of("deliveryConfirmed", true));
		claimAndComplete(caseNo, "window-renshe-1", "window-renshe", Map.of("signOutcome", "signed"));
	}

	void claimAndComplete(String caseNo, String user, String group, Map<String, Object> variables) {
		identity.setAuthentication(user, List.of(group));
		try {
			String taskId = tasks.createTaskQuery()
				.processInstanceBusinessKey(caseNo)
				.taskCandidateGroup(group)
				.singleResult()
				.getId();
			tasks.claim(taskId, user);
			tasks.complete(taskId, variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}

	@Override
	public void close() {
		try {
			engine.close();
		}
		finally {
			dataSource.close();
		}
	}
}
