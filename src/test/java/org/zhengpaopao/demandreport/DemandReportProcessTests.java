package org.zhengpaopao.demandreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
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
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.system.InvalidInputException;

/**
 * 索要证明举报核查 as the reform office lives it in Tasklist, with the clock moved instead of waited for: a confirmed
 * report through verification, rectification and reply; a report not confirmed straight to the reply; a
 * verification left lying, with yellow card, red card and escalation; and what the reporter then reads on the
 * public tracking page.
 */
@IntegrationTest
class DemandReportProcessTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	static final AtomicInteger SEQUENCE = new AtomicInteger();
	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	ProcessEngine engine;

	@Autowired
	DemandReports reports;

	@Autowired
	DemandReportOffice office;

	@Autowired
	OutboxContents outbox;

	@Autowired
	TestRestTemplate http;

	TaskService taskService;
	IdentityService identityService;
	ManagementService managementService;
	String phone;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		taskService = engine.getTaskService();
		identityService = engine.getIdentityService();
		managementService = engine.getManagementService();
		// Tuesday 1 December 2026, 10:00
		ClockUtil.setCurrentTime(at("2026-12-01T10:00"));
		phone = "1370588" + String.format("%04d", SEQUENCE.incrementAndGet());
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		identityService.clearAuthentication();
	}

	static Date at(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
	}

	/** 县民政局 asked for 无业证明 (ZM-0036), which the catalog cancelled for 最低生活保障申请. */
	String report() {
		return reports.submit(new NewDemandReport("minzheng", "SX-001", "ZM-0036", LocalDate.of(2026, 11, 30), "孙八",
				phone, "窗口说没有这个证明就不受理"), "10.88." + SEQUENCE.get() + ".1").report().getTrackingNumber();
	}

	ProcessInstance instance(String number) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("demand-report")
			.processInstanceBusinessKey(number)
			.singleResult();
	}

	Task task(String number, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
	}

	void completeAs(String user, Task task, Map<String, Object> variables) {
		TasklistUser.claimAndComplete(engine, user, task.getId(), variables);
	}

	/** Moves the clock a minute past {@code when} and runs the timer then due, as the job executor would. */
	void fire(ProcessInstance instance, String activityId, String when) {
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("timer " + activityId).isNotNull();
		assertThat(job.getDuedate()).isEqualTo(at(when));
		ClockUtil.setCurrentTime(new Date(at(when).getTime() - 60_000));
		assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count())
			.as(activityId + " is not due a minute early")
			.isZero();
		ClockUtil.setCurrentTime(new Date(at(when).getTime() + 60_000));
		managementService.executeJob(job.getId());
	}

	Map<String, Object> track(String number) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Forwarded-For", "10.89." + SEQUENCE.get() + ".1");
		return http.exchange("/public/api/demand-reports/track", HttpMethod.POST,
				new HttpEntity<>(Map.of("trackingNumber", number), headers), JSON).getBody();
	}

	@Test
	void shouldVerifyAConfirmedReportHaveItRectifiedAndReplyOnTheTrackingPage() {
		String number = report();
		ProcessInstance instance = instance(number);

		assertThat(instance).isWaitingAt("verifyWithDepartment");
		Task verify = task(number, "verifyWithDepartment");
		assertThat(verify).hasName("核实举报").hasCandidateGroup("managers");
		// three working days from Tuesday: Friday at close of business
		assertThat(verify.getDueDate()).isEqualTo(at("2026-12-04T18:00"));

		ClockUtil.setCurrentTime(at("2026-12-02T15:00"));
		completeAs("manager-1", verify, withVariables("finding", "confirmed", "findingNote", "经电话核实，窗口确曾要求提供"));

		assertThat(instance).isWaitingAt("recordRectification");
		Task rectify = task(number, "recordRectification");
		assertThat(rectify).hasCandidateGroup("managers");
		// ten working days from Wednesday 2 December
		assertThat(rectify.getDueDate()).isEqualTo(at("2026-12-16T18:00"));
		assertThat(track(number)).containsEntry("status", "CONFIRMED").containsEntry("findingLabel", "属实");

		ClockUtil.setCurrentTime(at("2026-12-07T11:00"));
		completeAs("manager-1", rectify, withVariables("rectification", "县民政局已通知窗口停止索要，并对经办人提醒谈话"));
		Task reply = task(number, "replyToReporter");
		// one working day from Monday 7 December
		assertThat(reply.getDueDate()).isEqualTo(at("2026-12-08T18:00"));
		completeAs("manager-1", reply, withVariables("reply", "经核实，您反映的情况属实，县民政局已整改，今后不再索要该证明。"));

		assertThat(instance).isEnded().hasPassed("reporterAnswered");
		DemandReport report = office.get(number);
		assertThat(report.getStatus()).isEqualTo(DemandReportStatus.REPLIED);
		assertThat(report.getFinding()).isEqualTo(Finding.CONFIRMED);
		assertThat(report.getFoundBy()).isEqualTo("manager-1");
		assertThat(report.getRectifiedAt()).isEqualTo(at("2026-12-07T11:00").toInstant());
		assertThat(outbox.textMessagesAbout(number)).singleElement().satisfies(sms -> {
			assertThat(sms.phone()).isEqualTo(phone);
			assertThat(sms.text()).contains(number, "已有答复");
		});

		// nothing of the reporter went into the engine's tables, not even into the history
		assertThat(engine.getHistoryService()
			.createHistoricVariableInstanceQuery()
			.processInstanceId(instance.getId())
			.list()).isNotEmpty()
			.extracting(variable -> String.valueOf(variable.getValue()))
			.noneMatch(value -> value.contains(phone) || value.contains("孙八") || value.contains("窗口说没有"));

		Map<String, Object> page = track(number);
		assertThat(page).containsEntry("status", "REPLIED")
			.containsEntry("finding", "CONFIRMED")
			.containsEntry("reply", "经核实，您反映的情况属实，县民政局已整改，今后不再索要该证明。");
		// neither the contact nor the staff's internal notes reach the public page
		assertThat(page.toString()).doesNotContain(phone, phone.substring(7), "孙八", "窗口说没有", "经电话核实", "谈话",
				"manager-1");
	}

	@Test
	void shouldReplyToAReportNotConfirmedWithoutRectification() {
		String number = report();
		ProcessInstance instance = instance(number);

		completeAs("manager-1", task(number, "verifyWithDepartment"),
				withVariables("finding", "notConfirmed", "findingNote", "调阅窗口记录，未要求提供该证明"));

		assertThat(instance).hasNotPassed("recordRectification").isWaitingAt("replyToReporter");
		assertThat(task(number, "replyToReporter").getDueDate()).isEqualTo(at("2026-12-02T18:00"));
		completeAs("manager-1", task(number, "replyToReporter"),
				withVariables("reply", "经核实，窗口未要求提供该证明。如仍有疑问，请拨打12345。"));

		assertThat(instance).isEnded().hasPassed("reporterAnswered");
		assertThat(track(number)).containsEntry("status", "REPLIED")
			.containsEntry("finding", "NOT_CONFIRMED")
			.containsEntry("findingLabel", "不属实");
	}

	@Test
	void shouldWarnThenRedCardThenEscalateAVerificationLeftLying() {
		String number = report();
		ProcessInstance instance = instance(number);

		// the working day before the deadline, at close of business
		fire(instance, "verificationDueSoon", "2026-12-03T18:00");
		assertThat(outbox.groupMessagesAbout(number)).filteredOn(m -> m.title().startsWith("黄牌预警"))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.groupId()).isEqualTo("managers");
				assertThat(m.text()).contains("核实举报", "2026-12-04 18:00", "县民政局");
			});
		assertThat(outbox.groupMessagesAbout(number)).extracting(GroupMessage::groupId).doesNotContain("task-force");

		fire(instance, "verificationOverdue", "2026-12-04T18:00");
		assertThat(outbox.groupMessagesAbout(number)).filteredOn(m -> m.title().startsWith("红牌超期"))
			.extracting(GroupMessage::groupId)
			.containsExactlyInAnyOrder("managers", "task-force");

		// two working days after Friday's deadline: Tuesday
		fire(instance, "verificationStillOverdue", "2026-12-08T18:00");
		assertThat(outbox.groupMessagesAbout(number)).filteredOn(m -> m.title().startsWith("二级督办"))
			.extracting(GroupMessage::groupId)
			.containsExactlyInAnyOrder("managers", "task-force");
		assertThat(outbox.groupMessagesAbout(number)).allSatisfy(m -> assertThat(m.text()).doesNotContain(phone, "孙八"));

		// the warnings leave the task where it was; doing it ends the timers
		assertThat(instance).isWaitingAt("verifyWithDepartment");
		completeAs("manager-1", task(number, "verifyWithDepartment"),
				withVariables("finding", "notConfirmed", "findingNote", "部门说明当日系误解"));
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId("verificationStillOverdue").count())
			.isZero();
	}

	@Test
	void shouldRedCardARectificationAndAReplyPastTheirDeadlines() {
		String number = report();
		ProcessInstance instance = instance(number);
		completeAs("manager-1", task(number, "verifyWithDepartment"),
				withVariables("finding", "confirmed", "findingNote", "属实"));

		// ten working days from Tuesday 1 December: 15 December
		fire(instance, "rectificationDueSoon", "2026-12-14T18:00");
		fire(instance, "rectificationOverdue", "2026-12-15T18:00");
		assertThat(outbox.groupMessagesAbout(number)).filteredOn(m -> m.text().contains("记录整改"))
			.extracting(GroupMessage::title)
			.containsExactly("黄牌预警 " + number, "红牌超期 " + number, "红牌超期 " + number);
		assertThat(outbox.groupMessagesWithLinksAbout(number)).filteredOn(m -> m.text().contains("记录整改"))
			.extracting(GroupMessage::link)
			.as("every late notice links to the report in Cockpit")
			.containsOnly("http://localhost:8080/camunda/app/cockpit/default/#/process-instance/" + instance.getId());

		ClockUtil.setCurrentTime(at("2026-12-16T09:00"));
		completeAs("manager-1", task(number, "recordRectification"), withVariables("rectification", "已整改"));
		fire(instance, "replyOverdue", "2026-12-17T18:00");
		assertThat(outbox.groupMessagesAbout(number)).filteredOn(m -> m.text().contains("答复举报人"))
			.extracting(GroupMessage::groupId)
			.containsExactlyInAnyOrder("managers", "task-force");
	}

	@Test
	void shouldKeepTheTaskOpenWhenTheFindingIsNotOneOfTheForm() {
		String number = report();
		Task verify = task(number, "verifyWithDepartment");

		assertThatThrownBy(() -> completeAs("manager-1", verify, withVariables("finding", "maybe", "findingNote", "?")))
			.hasRootCauseInstanceOf(InvalidInputException.class)
			.hasMessageContaining("finding");
		assertThatThrownBy(() -> completeAs("manager-1", task(number, "verifyWithDepartment"),
				withVariables("finding", "confirmed", "findingNote", "x".repeat(1001))))
			.hasRootCauseInstanceOf(InvalidInputException.class)
			.hasMessageContaining("findingNote");

		assertThat(task(number, "verifyWithDepartment")).isNotNull();
		assertThat(office.get(number).getStatus()).isEqualTo(DemandReportStatus.SUBMITTED);
	}
}
