package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.notification.GroupMessage;

/**
 * The deadline watch of proxy-run.bpmn: yellow and red cards, the task force's measures and the escalation levels,
 * with the engine's clock moved to each instant and the due timer executed, as the job executor would.
 * <p>
 * Runs open on Thursday 2026-09-24 for a certificate with 3 working days: the Mid-Autumn Festival (25–27 Sep) does
 * not count, so the deadline is Wednesday 30 Sep 18:00, the yellow card Tuesday 29 Sep 18:00, and, across the
 * National Day week (1–7 Oct), level 2 is Friday 9 Oct and level 3 Tuesday 13 Oct (Saturday 10 Oct is worked).
 */
@IntegrationTest
class ProxyRunEscalationTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	OutboxContents notifier;

	RuntimeService runtimeService;
	TaskService taskService;
	ManagementService managementService;
	IdentityService identityService;

	ProxyRun run;
	ProcessInstance instance;

	static Date at(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant());
	}

	@BeforeEach
	void openRunBeforeMidAutumn() {
		BpmnAwareTests.init(engine);
		runtimeService = engine.getRuntimeService();
		taskService = engine.getTaskService();
		managementService = engine.getManagementService();
		identityService = engine.getIdentityService();
		ClockUtil.setCurrentTime(at("2026-09-24T10:00"));
		run = proxyRuns.open(new NewProxyRun("孙八", "330825198503121239", "13905701111", "huzhen", "huzhen-xiaku",
				"ZM-0009", "renshe", true), "window-renshe-1");
		instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(run.getCaseNo()).singleResult();
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		identityService.clearAuthentication();
	}

	Job timer(String activityId) {
		return managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
	}

	/** Moves the clock to {@code when} and runs the timer that is then due, exactly as a job executor would. */
	void fire(String activityId, String when) {
		Job job = timer(activityId);
		assertThat(job).as("timer " + activityId).isNotNull();
		assertThat(job.getDuedate()).isEqualTo(at(when));
		ClockUtil.setCurrentTime(new Date(at(when).getTime() - 60_000));
		assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count())
			.as(activityId + " is not due a minute early")
			.isZero();
		ClockUtil.setCurrentTime(new Date(at(when).getTime() + 60_000));
		managementService.executeJob(job.getId());
	}

	void goRed() {
		fire("yellowCardDue", "2026-09-29T18:00");
		fire("deadlineReached", "2026-09-30T18:00");
	}

	Task taskForceTask() {
		return taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey("handleOverdueRun")
			.singleResult();
	}

	void completeAs(String user, Task task, Map<String, Object> variables) {
		TasklistUser.claimAndComplete(engine, user, task.getId(), variables);
	}

	ProxyRun reload() {
		return proxyRuns.find(run.getCaseNo()).orElseThrow();
	}

	List<String> messagesTo(String group) {
		return notifier.groupMessagesAbout(run.getCaseNo())
			.stream()
			.filter(m -> m.groupId().equals(group))
			.map(GroupMessage::title)
			.toList();
	}

	@Test
	void shouldCountTheDeadlineInWorkingDaysAcrossTheMidAutumnHoliday() {
		Task fetch = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(fetch.getDueDate()).isEqualTo(at("2026-09-30T18:00"));
		assertThat(timer("deadlineReached")).as("the red card waits for the yellow one").isNull();
		assertThat(timer("yellowCardDue").getDuedate()).isEqualTo(at("2026-09-29T18:00"));
	}

	@Test
	void shouldRaiseAYellowCardOneWorkingDayBeforeTheDeadline() {
		fire("yellowCardDue", "2026-09-29T18:00");

		assertThat(reload().getCard()).isEqualTo(Card.YELLOW);
		assertThat(messagesTo("runners-county")).containsExactly("新代跑任务 " + run.getCaseNo(),
				"黄牌预警 " + run.getCaseNo());
		assertThat(timer("deadlineReached").getDuedate()).isEqualTo(at("2026-09-30T18:00"));
		assertThat(taskForceTask()).isNull();
	}

	@Test
	void shouldHandARedCardRunToTheTaskForceAtTheDeadline() {
		goRed();

		ProxyRun red = reload();
		assertThat(red.getCard()).isEqualTo(Card.RED);
		assertThat(red.getEscalationLevel()).isEqualTo(1);
		Task task = taskForceTask();
		assertThat(task).hasName("超期督办").hasCandidateGroup("task-force");
		assertThat(task.getDueDate()).as("the task force has until level 2").isEqualTo(at("2026-10-09T18:00"));
		assertThat(messagesTo("task-force")).containsExactly("红牌超期 " + run.getCaseNo());
		assertThat(messagesTo("runners-county")).contains("红牌超期 " + run.getCaseNo());
		assertThat(instance).isWaitingAt("fetchCertificate", "handleOverdueRun");
	}

	@Test
	void shouldReportToTheManagersAtLevelTwoAndThreeOnceEach() {
		goRed();

		fire("stillOverdueLevel2", "2026-10-09T18:00");
		assertThat(reload().getEscalationLevel()).isEqualTo(2);
		assertThat(timer("stillOverdueLevel2")).as("level 2 fires once").isNull();

		fire("stillOverdueLevel3", "2026-10-13T18:00");
		assertThat(reload().getEscalationLevel()).isEqualTo(3);
		assertThat(messagesTo("managers")).containsExactly("二级督办 " + run.getCaseNo(), "三级督办 " + run.getCaseNo());
		assertThat(reload().getSteps()).extracting(ProxyRunStep::getStep)
			.containsSubsequence("yellowCard", "redCard", "escalatedLevel2", "escalatedLevel3");
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().count()).isZero();
	}

	@Test
	void shouldLetTheTaskForceUrgeTheRunnerAndKeepSupervising() {
		goRed();

		completeAs("taskforce-1", taskForceTask(), Map.of("supervisionAction", "urge", "urgeNote", "请今天内办结"));

		assertThat(reload().getSteps()).last().satisfies(step -> {
			assertThat(step.getStep()).isEqualTo("urged");
			assertThat(step.getActor()).isEqualTo("taskforce-1");
			assertThat(step.getNote()).isEqualTo("请今天内办结");
		});
		assertThat(messagesTo("runners-county")).contains("工作专班催办 " + run.getCaseNo());
		assertThat(taskForceTask()).as("still supervised").isNotNull();
		assertThat(timer("stillOverdueLevel2")).as("urging does not restart the escalation").isNotNull();
	}

	@Test
	void shouldLetTheTaskForceTransferTheRunnerTaskToAnotherGroup() {
		goRed();

		completeAs("taskforce-1", taskForceTask(), Map.of("supervisionAction", "transfer", "transferTo", "runners-huzhen"));

		Task fetch = taskService.createTaskQuery()
			.processInstanceId(instance.getId())
			.taskDefinitionKey("fetchCertificate")
			.singleResult();
		assertThat(fetch).hasCandidateGroup("runners-huzhen");
		assertThat(taskService.createTaskQuery().taskId(fetch.getId()).taskCandidateGroup("runners-county").count())
			.isZero();
		assertThat(reload().getRunnerGroup()).isEqualTo("runners-huzhen");
		assertThat(taskForceTask()).isNotNull();

		assertThatThrownBy(() -> completeAs("taskforce-1", taskForceTask(),
				Map.of("supervisionAction", "transfer", "transferTo", "clerk-minzheng-1")))
			.hasMessageContaining("not a runner");
		assertThat(taskForceTask()).isNotNull();
	}

	@Test
	void shouldMoveEveryTimerAndDueDateWhenTheTaskForceExtendsTheDeadline() {
		goRed();

		completeAs("taskforce-1", taskForceTask(),
				Map.of("supervisionAction", "extend", "newDeadline", "2026-10-16", "extensionReason", "出证部门系统故障"));

		ProxyRun extended = reload();
		assertThat(extended.getCard()).isEqualTo(Card.NONE);
		assertThat(extended.getDeadline()).hasToString("2026-10-16");
		assertThat(taskForceTask()).isNull();
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult().getDueDate())
			.isEqualTo(at("2026-10-16T18:00"));
		assertThat(timer("stillOverdueLevel2")).isNull();
		fire("yellowCardDue", "2026-10-15T18:00");
		fire("deadlineReached", "2026-10-16T18:00");
		assertThat(reload().getCard()).isEqualTo(Card.RED);
		assertThat(taskForceTask().getDueDate()).isEqualTo(at("2026-10-20T18:00"));
	}

	@Test
	void shouldRefuseAnExtensionToADayOff() {
		goRed();

		assertThatThrownBy(() -> completeAs("taskforce-1", taskForceTask(),
				Map.of("supervisionAction", "extend", "newDeadline", "2026-10-17", "extensionReason", "周六")))
			.hasMessageContaining("working day");
		assertThat(reload().getDeadline()).hasToString("2026-09-30");
	}

	@Test
	void shouldEndTheRunWhenTheTaskForceClosesItAsAnException() {
		goRed();

		completeAs("taskforce-1", taskForceTask(),
				Map.of("supervisionAction", "closeAsException", "exceptionReason", "申请人已撤回申请"));

		assertThat(instance).isEnded().hasPassed("proxyRunClosedAsException");
		assertThat(reload().getState()).isEqualTo(ProxyRunState.CLOSED_AS_EXCEPTION);
		assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
	}

	@Test
	void shouldStopWatchingOnceTheCertificateIsDelivered() {
		for (String[] step : new String[][] { { "runner-county-1", "fetchNote", "" },
				{ "clerk-minzheng-1", "issueOutcome", "issued", "licenceNumber", "ZZ3308250001" },
				{ "runner-county-1", "deliveryConfirmed", "true" }, { "window-renshe-1", "signOutcome", "signed" } }) {
			Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
			Map<String, Object> variables = new java.util.HashMap<>();
			for (int i = 1; i < step.length; i += 2) {
				variables.put(step[i], step[i + 1]);
			}
			completeAs(step[0], task, variables);
		}
		assertThat(instance).isEnded().hasPassed("proxyRunDelivered");
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
	}
}
