package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.notification.OutboxContents;

/**
 * Two application nodes on one database, each with its own job executor, as the county runs them: every card and
 * escalation of a run happens exactly once, whichever node picks up the timer. The second node is a second
 * process engine on the same data source with the same Spring beans, built from the same engine plugins
 * ({@link SecondNode}).
 */
@IntegrationTest
class ProxyRunClusterTests {

	static final int RUNS = 12;

	@Autowired
	ProcessEngine node1;

	@Autowired
	ApplicationContext applicationContext;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	OutboxContents notifier;

	ProcessEngine node2;
	final List<JobExecutor> jobExecutors = new ArrayList<>();

	@AfterEach
	void stopNodes() {
		jobExecutors.forEach(JobExecutor::shutdown);
		if (node2 != null) {
			node2.close();
		}
		ClockUtil.reset();
	}

	ProcessEngine secondNode() {
		return SecondNode.start("node2", applicationContext);
	}

	/** Starts the engine's own job executor (the tests otherwise run jobs by hand). */
	void startJobExecutorOf(ProcessEngine engine) {
		JobExecutor jobExecutor = SecondNode.jobExecutorOf(engine);
		jobExecutors.add(jobExecutor);
		jobExecutor.start();
	}

	static Date at(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
	}

	@Test
	void shouldRaiseEachCardAndLevelExactlyOnceWithTwoNodesOnOneDatabase() {
		ClockUtil.setCurrentTime(at("2026-09-24T10:00"));
		List<String> caseNos = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			caseNos.add(proxyRuns.open(new NewProxyRun("郑十一", "330825199001014569", "13905704444", "dajie",
					"dajie-dajie", "ZM-0009", "renshe", true), "window-renshe-1").getCaseNo());
		}
		List<String> instances = caseNos.stream()
			.map(caseNo -> node1.getRuntimeService()
				.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseNo)
				.singleResult()
				.getId())
			.toList();
		node2 = secondNode();

		// the morning after level 3 fell due: yellow, red, level 2 and level 3 are all due, one after the other
		ClockUtil.setCurrentTime(at("2026-10-14T09:00"));
		java.util.Set<String> logsBefore = successLogs().stream()
			.map(org.camunda.bpm.engine.history.HistoricJobLog::getId)
			.collect(java.util.stream.Collectors.toSet());
		startJobExecutorOf(node1);
		startJobExecutorOf(node2);
		awaitNoExecutableJobs(node1.getManagementService(), instances, Duration.ofSeconds(90));

		for (String caseNo : caseNos) {
			ProxyRun run = proxyRuns.find(caseNo).orElseThrow();
			assertThat(run.getCard()).isEqualTo(Card.RED);
			assertThat(run.getEscalationLevel()).isEqualTo(3);
			assertThat(run.getSteps()).extracting(ProxyRunStep::getStep)
				.as(caseNo)
				.containsOnlyOnce("yellowCard", "redCard", "escalatedLevel2", "escalatedLevel3");
			assertThat(notifier.groupMessagesAbout(caseNo)).filteredOn(m -> m.groupId().equals("managers")).hasSize(2);
		}
		// other tests' runs fall due at this time too, and both nodes work on them as well: what counts for sharing
		// is every job done since the executors started; for exactly-once, this test's runs
		var executedBy = successLogs().stream()
			.filter(log -> !logsBefore.contains(log.getId()))
			.map(log -> log.getHostname())
			.collect(java.util.stream.Collectors.groupingBy(host -> host.equals("node2") ? "node2" : "node1",
					java.util.stream.Collectors.counting()));
		assertThat(executedBy).as("both nodes did part of the work").containsKeys("node1", "node2");
		assertThat(successLogs().stream().filter(log -> instances.contains(log.getProcessInstanceId())).count())
			.isEqualTo(RUNS * 4L);
		for (String instance : instances) {
			assertThat(node1.getTaskService()
				.createTaskQuery()
				.processInstanceId(instance)
				.taskDefinitionKey("handleOverdueRun")
				.count()).isOne();
			assertThat(node1.getManagementService().createJobQuery().processInstanceId(instance).withException().count())
				.isZero();
		}
	}

	@Test
	void shouldStartTheSecondNodeWithTheEngineSettingsOfTheApplication() {
		node2 = secondNode();
		var first = SecondNode.configurationOf(node1);
		var second = SecondNode.configurationOf(node2);

		assertThat(SecondNode.pluginsOf(node2)).as("the application's engine plugins, in their order")
			.containsSubsequence(SecondNode.pluginsOf(node1));
		assertThat(settings(first)).as("application.yaml's generic properties")
			.containsEntry("defaultUserPermissionNameForTask", "TASK_WORK")
			.containsEntry("loginMaxAttempts", Integer.MAX_VALUE)
			.containsEntry("enforceHistoryTimeToLive", true);
		assertThat(settings(second)).isEqualTo(settings(first));
		assertThat(second.getProcessEngineName()).isEqualTo("node2");
		assertThat(second.getHostname()).isEqualTo("node2");
		assertThat(second.getJobExecutor()).isNotSameAs(first.getJobExecutor());
	}

	static Map<String, Object> settings(ProcessEngineConfigurationImpl configuration) {
		Map<String, Object> settings = new TreeMap<>();
		settings.put("defaultUserPermissionNameForTask", configuration.getDefaultUserPermissionNameForTask());
		settings.put("loginMaxAttempts", configuration.getLoginMaxAttempts());
		settings.put("loginDelayBase", configuration.getLoginDelayBase());
		settings.put("loginDelayMaxTime", configuration.getLoginDelayMaxTime());
		settings.put("generalResourceWhitelistPattern", configuration.getGeneralResourceWhitelistPattern());
		settings.put("enforceHistoryTimeToLive", configuration.isEnforceHistoryTimeToLive());
		settings.put("authorizationEnabled", configuration.isAuthorizationEnabled());
		settings.put("history", configuration.getHistory());
		settings.put("idGenerator", configuration.getIdGenerator().getClass());
		settings.put("transactionsExternallyManaged", configuration.isTransactionsExternallyManaged());
		settings.put("databaseSchemaUpdate", configuration.getDatabaseSchemaUpdate());
		return settings;
	}

	List<org.camunda.bpm.engine.history.HistoricJobLog> successLogs() {
		return node1.getHistoryService().createHistoricJobLogQuery().successLog().list();
	}

	/** Waits for the job executors to finish what is due (the clock does not move while waiting). */
	static void awaitNoExecutableJobs(ManagementService managementService, List<String> instances, Duration limit) {
		org.awaitility.Awaitility.await("jobs due")
			.atMost(limit)
			.pollInterval(Duration.ofMillis(100))
			.until(() -> instances.stream()
				.mapToLong(id -> managementService.createJobQuery().processInstanceId(id).executable().count())
				.sum() == 0);
	}
}
