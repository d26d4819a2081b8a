package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.zhengpaopao.MariaDbTest;

/**
 * Two nodes on one MySQL-family database, as the county runs them: what one node does, the other sees; two runners
 * racing for one task make one completion; and an escalation storm is handled exactly once across both nodes.
 */
@MariaDbTest
class MariaDbClusterTests {

	static final int STORM = 200;

	@Autowired
	ProcessEngine node1;

	@Autowired
	ApplicationContext applicationContext;

	@Autowired
	ProxyRuns proxyRuns;

	ProcessEngine node2;
	final List<JobExecutor> jobExecutors = new ArrayList<>();

	@BeforeEach
	void startSecondNode() {
		node2 = SecondNode.start("node2", applicationContext);
		IdentityService identity = node1.getIdentityService();
		if (identity.createUserQuery().userId("runner-county-2").count() == 0) {
			var user = identity.newUser("runner-county-2");
			user.setFirstName("县级代跑员二");
			user.setPassword("demo");
			identity.saveUser(user);
			identity.createMembership("runner-county-2", "runners-county");
		}
	}

	@AfterEach
	void stopSecondNode() {
		jobExecutors.forEach(JobExecutor::shutdown);
		node2.close();
		ClockUtil.reset();
	}

	ProxyRun open() {
		return proxyRuns.open(new NewProxyRun("钱十二", "330825199001014569", "13905706666", "dajie", "dajie-dajie",
				"ZM-0009", "renshe", true), "window-renshe-1");
	}

	Task fetchTaskOf(ProcessEngine engine, String caseNo, String asUser) {
		var identity = engine.getIdentityService();
		identity.setAuthentication(asUser, List.of("runners-county"));
		try {
			return engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(caseNo)
				.taskCandidateGroup("runners-county")
				.singleResult();
		}
		finally {
			identity.clearAuthentication();
		}
	}

	void completeAs(ProcessEngine engine, String user, String taskId, Map<String, Object> variables) {
		engine.getIdentityService().setAuthentication(user, List.of("runners-county"));
		try {
			engine.getTaskService().complete(taskId, variables);
		}
		finally {
			engine.getIdentityService().clearAuthentication();
		}
	}

	@Test
	void shouldShowATaskCompletedOnOneNodeAsGoneOnTheOther() {
		ProxyRun run = open();
		Task onNode2 = fetchTaskOf(node2, run.getCaseNo(), "runner-county-2");
		assertThat(onNode2).isNotNull();

		completeAs(node1, "runner-county-1", onNode2.getId(), Map.of("fetchNote", "节点一办理"));

		assertThat(fetchTaskOf(node2, run.getCaseNo(), "runner-county-2")).isNull();
		assertThat(node2.getTaskService().createTaskQuery().processInstanceBusinessKey(run.getCaseNo()).singleResult()
			.getTaskDefinitionKey()).isEqualTo("issueCertificate");
	}

	@Test
	void shouldLetExactlyOneOfTwoRunnersCompleteTheSameTask() throws Exception {
		ProxyRun run = open();
		String taskId = fetchTaskOf(node1, run.getCaseNo(), "runner-county-1").getId();
		CyclicBarrier together = new CyclicBarrier(2);
		ConcurrentLinkedQueue<Exception> losers = new ConcurrentLinkedQueue<>();
		ExecutorService runners = Executors.newFixedThreadPool(2);
		List<Future<?>> attempts = List.of(runners.submit(() -> race(together, losers, node1, "runner-county-1", taskId)),
				runners.submit(() -> race(together, losers, node2, "runner-county-2", taskId)));
		for (Future<?> attempt : attempts) {
			attempt.get();
		}
		runners.shutdown();

		assertThat(losers).singleElement().satisfies(conflict -> {
			assertThat(conflict).isInstanceOf(ProcessEngineException.class);
			// the two transactions collided (Camunda's optimistic lock, or the database's deadlock detection rolled
			// one back), or the winner had already removed the task
			boolean collided = conflict instanceof OptimisticLockingException
					|| org.assertj.core.util.Throwables.getRootCause(conflict) instanceof java.sql.SQLTransactionRollbackException
					|| causedBy(conflict, java.sql.SQLTransactionRollbackException.class);
			if (!collided) {
				assertThat(conflict.getMessage()).containsIgnoringCase("task");
			}
		});
		ProxyRun after = proxyRuns.find(run.getCaseNo()).orElseThrow();
		assertThat(after.getSteps()).extracting(ProxyRunStep::getStep).containsOnlyOnce("fetchCertificate");
		assertThat(after.getState()).isEqualTo(ProxyRunState.AWAITING_ISSUE);
		assertThat(node1.getTaskService().createTaskQuery().processInstanceBusinessKey(run.getCaseNo()).list())
			.singleElement()
			.satisfies(next -> assertThat(next.getTaskDefinitionKey()).isEqualTo("issueCertificate"));
	}

	static boolean causedBy(Throwable e, Class<? extends Throwable> type) {
		for (Throwable cause = e; cause != null && cause.getCause() != cause; cause = cause.getCause()) {
			if (type.isInstance(cause)) {
				return true;
			}
		}
		return false;
	}

	void race(CyclicBarrier together, ConcurrentLinkedQueue<Exception> losers, ProcessEngine engine, String user,
			String taskId) {
		try {
			together.await();
			completeAs(engine, user, taskId, Map.of("fetchNote", user + " 办理"));
		}
		catch (ProcessEngineException lost) {
			losers.add(lost);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void shouldRaiseEveryRedCardOfAStormExactlyOnceAcrossBothNodes() {
		ClockUtil.setCurrentTime(ProxyRunClusterTests.at("2026-09-24T10:00"));
		List<String> caseNos = new ArrayList<>();
		for (int i = 0; i < STORM; i++) {
			caseNos.add(open().getCaseNo());
		}
		List<String> instances = caseNos.stream()
			.map(caseNo -> proxyRuns.find(caseNo).orElseThrow().getProcessInstanceId())
			.toList();

		// the first working day after the National Day week: every yellow and red card is due at once
		ClockUtil.setCurrentTime(ProxyRunClusterTests.at("2026-10-09T09:00"));
		for (ProcessEngine node : List.of(node1, node2)) {
			JobExecutor jobExecutor = SecondNode.jobExecutorOf(node);
			jobExecutors.add(jobExecutor);
			jobExecutor.start();
		}
		ProxyRunClusterTests.awaitNoExecutableJobs(node1.getManagementService(), instances, Duration.ofMinutes(5));

		for (String caseNo : caseNos) {
			ProxyRun run = proxyRuns.find(caseNo).orElseThrow();
			assertThat(run.getCard()).as(caseNo).isEqualTo(Card.RED);
			assertThat(run.getEscalationLevel()).as(caseNo).isEqualTo(1);
			assertThat(run.getSteps()).extracting(ProxyRunStep::getStep)
				.as(caseNo)
				.containsOnlyOnce("yellowCard", "redCard");
		}
		long overdueTasks = node1.getTaskService()
			.createTaskQuery()
			.taskDefinitionKey("handleOverdueRun")
			.processInstanceIdIn(instances.toArray(String[]::new))
			.count();
		assertThat(overdueTasks).isEqualTo(STORM);
		var hosts = node1.getHistoryService()
			.createHistoricJobLogQuery()
			.successLog()
			.list()
			.stream()
			.filter(log -> instances.contains(log.getProcessInstanceId()))
			.map(log -> log.getHostname().equals("node2") ? "node2" : "node1")
			.collect(java.util.stream.Collectors.groupingBy(host -> host, java.util.stream.Collectors.counting()));
		assertThat(hosts).containsKeys("node1", "node2");
		assertThat(hosts.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(STORM * 2L);
	}
}
