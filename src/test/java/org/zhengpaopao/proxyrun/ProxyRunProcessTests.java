package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.TestFiles;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.absence.Absences;
import org.zhengpaopao.absence.NewAbsence;
import org.zhengpaopao.calendar.WorkingDayCalendar;

/**
 * One test per path through proxy-run.bpmn, driven as the window, the applicant, the runner and the clerk drive
 * it: runs are opened through the service API and tasks are claimed and completed by the demo users, with
 * Camunda's authorization checks on.
 */
@IntegrationTest
class ProxyRunProcessTests {

	static final String APPLICANT_ID = "330825198503121239";
	static final String APPLICANT_PHONE = "13905701234";
	static final String COUNTY_CERTIFICATE = "ZM-0009"; // 火化证明补开, 县民政局, 3 working days
	static final String VILLAGE_CERTIFICATE = "ZM-0039"; // 居住证明, village committee, 1 working day

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	ProxyRunAuthorizations authorizations;

	@Autowired
	WorkingDayCalendar calendar;

	@Autowired
	RecordingNotifier notifier;

	@Autowired
	RunCertificates certificates;

	@Autowired
	Absences absences;

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	RuntimeService runtimeService;
	TaskService taskService;
	IdentityService identityService;
	ManagementService managementService;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		runtimeService = engine.getRuntimeService();
		taskService = engine.getTaskService();
		identityService = engine.getIdentityService();
		managementService = engine.getManagementService();
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		identityService.clearAuthentication();
	}

	ProxyRun open(String certificate, boolean authorizedAtWindow) {
		return proxyRuns.open(new NewProxyRun("张三", APPLICANT_ID, APPLICANT_PHONE, "huzhen", "huzhen-xiaku",
				certificate, "renshe", authorizedAtWindow), "window-renshe-1");
	}

	ProcessInstance processOf(ProxyRun run) {
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(run.getCaseNo()).singleResult();
	}

	Task openTask(ProcessInstance instance) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
	}

	/** Claims and completes the open task as {@code user}, as Tasklist does. */
	void completeAs(String user, ProcessInstance instance, Map<String, Object> variables) {
		Task task = openTask(instance);
		TasklistUser.claimAndComplete(engine, user, task.getId(), variables);
	}

	ProxyRun reload(ProxyRun run) {
		return proxyRuns.find(run.getCaseNo()).orElseThrow();
	}

	@Test
	void shouldDeliverACertificateAuthorizedAtTheWindow() {
		ProxyRun run = open(COUNTY_CERTIFICATE, true);
		ProcessInstance instance = processOf(run);

		assertThat(instance).isWaitingAt("fetchCertificate");
		Task fetch = openTask(instance);
		assertThat(fetch).hasCandidateGroup("runners-county").hasName("向出证部门调取证明");
		LocalDate expectedDeadline = calendar.deadline(LocalDate.now(ZoneId.of("Asia/Shanghai")), 3).date();
		assertThat(fetch.getDueDate())
			.isEqualTo(Date.from(expectedDeadline.atTime(18, 0).atZone(ZoneId.of("Asia/Shanghai")).toInstant()))
			.isEqualTo(Date.from(reload(run).getDueAt()));

		completeAs("runner-county-1", instance, withVariables("fetchNote", "已通过协同平台提交"));
		assertThat(instance).isWaitingAt("issueCertificate");
		assertThat(openTask(instance)).hasCandidateGroup("dept-minzheng").hasDueDate(fetch.getDueDate());

		// the clerk attaches the certificate as a file (Tasklist's 「证明文件」 tab), then completes the form
		certificates.attachFile(run.getCaseNo(), "火化证明.pdf", TestFiles.pdf(2), "clerk-minzheng-1");
		completeAs("clerk-minzheng-1", instance, withVariables("issueOutcome", "issued"));
		assertThat(instance).isWaitingAt("deliverCertificate");
		assertThat(openTask(instance)).hasCandidateGroup("runners-county");
		assertThat(runtimeService.getVariable(instance.getId(), "issuedAs")).as("what the runner carries")
			.isEqualTo("证明文件");

		completeAs("runner-county-1", instance, withVariables("deliveryConfirmed", true, "deliveryNote", "已送窗口"));
		assertThat(instance).isWaitingAt("signForCertificate");
		assertThat(openTask(instance)).hasCandidateGroup("window-renshe").hasName("用证部门签收")
			.hasDueDate(fetch.getDueDate());
		assertThat(reload(run).getState()).as("handed over is not yet delivered").isEqualTo(ProxyRunState.HANDED_OVER);

		completeAs("window-renshe-1", instance, withVariables("signOutcome", "signed", "signNote", "已核对证明文件"));
		assertThat(instance).isEnded().hasPassed("proxyRunDelivered");

		ProxyRun delivered = reload(run);
		assertThat(delivered.getState()).isEqualTo(ProxyRunState.DELIVERED);
		assertThat(delivered.getSteps()).extracting(ProxyRunStep::getStep, ProxyRunStep::getActor)
			.containsSubsequence(org.assertj.core.groups.Tuple.tuple("accepted", "window-renshe-1"),
					org.assertj.core.groups.Tuple.tuple("fetchCertificate", "runner-county-1"),
					org.assertj.core.groups.Tuple.tuple("certificateAttached", "clerk-minzheng-1"),
					org.assertj.core.groups.Tuple.tuple("certificateIssued", "clerk-minzheng-1"),
					org.assertj.core.groups.Tuple.tuple("handedOver", "runner-county-1"),
					org.assertj.core.groups.Tuple.tuple("proxyRunDelivered", "window-renshe-1"));
	}

	@Test
	void shouldStartWorkOnceTheApplicantConfirmsOnline() {
		ProxyRun run = open(VILLAGE_CERTIFICATE, false);
		ProcessInstance instance = processOf(run);
		assertThat(instance).isWaitingAt("sendAuthorizationCode");

		execute(job(instance));
		assertThat(instance).isWaitingAt("awaitApplicantAuthorization");
		String code = notifier.lastCodeFor(run.getCaseNo());
		assertThat(notifier.sent().get(notifier.sent().size() - 1).text()).doesNotContain(APPLICANT_ID);

		assertThat(authorizations.confirmAuthorization(run.getCaseNo(), code)).isEqualTo(AuthorizationOutcome.CONFIRMED);

		assertThat(instance).isWaitingAt("fetchCertificate");
		// 下库村 has no agent: its certificate goes to the linkage group of the applicant's township, and is issued
		// by the village committee's own clerks
		assertThat(openTask(instance)).hasCandidateGroup("runners-huzhen");
		assertThat(runtimeService.getVariable(instance.getId(), "villageHasAgents")).isEqualTo(false);
		assertThat(reload(run).getState()).isEqualTo(ProxyRunState.FETCHING);
		completeAs("runner-huzhen-1", instance, Map.of());
		assertThat(openTask(instance)).hasCandidateGroup("dept-huzhen-xiaku");
		assertThat(reload(run).getIssuerName()).isEqualTo("下库村民委员会");
		assertThat(reload(run).getIssuerCode()).isEqualTo("huzhen-xiaku");
	}

	@Test
	void shouldGiveAVillageCertificateToTheVillagesOwnAgentAndCommittee() {
		// 星火村 has a demo agent (seeds/village-agents.csv)
		ProxyRun run = proxyRuns.open(new NewProxyRun("张三", APPLICANT_ID, APPLICANT_PHONE, "huzhen", "huzhen-xinghuo",
				VILLAGE_CERTIFICATE, "renshe", true), "window-renshe-1");
		ProcessInstance instance = processOf(run);

		assertThat(instance).isWaitingAt("fetchCertificate");
		assertThat(openTask(instance)).hasCandidateGroup("agents-huzhen-xinghuo");
		assertThat(taskService.getIdentityLinksForTask(openTask(instance).getId()))
			.as("not the township's runners as well")
			.noneMatch(link -> "runners-huzhen".equals(link.getGroupId()));
		assertThat(reload(run).getRunnerGroup()).isEqualTo("agents-huzhen-xinghuo");
		completeAs("agent-huzhen-xinghuo-1", instance, withVariables("fetchNote", "已到村委会"));

		assertThat(openTask(instance)).hasCandidateGroup("dept-huzhen-xinghuo");
		assertThat(reload(run).getIssuerName()).isEqualTo("星火村民委员会");
		completeAs("clerk-huzhen-xinghuo-1", instance,
				withVariables("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		assertThat(instance).isWaitingAt("deliverCertificate");
		assertThat(openTask(instance)).hasCandidateGroup("agents-huzhen-xinghuo");
	}

	@Test
	void shouldGiveAVillageCertificateToTheTownshipWhileTheVillagesOnlyAgentIsOnLeave() {
		long absence = absences
			.record(new NewAbsence("agent-huzhen-shehou-1", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString(),
					LocalDate.now(ZoneId.of("Asia/Shanghai")).plusDays(3).toString(), "病假", null), "manager-1")
			.getId();
		try {
			ProxyRun run = proxyRuns.open(new NewProxyRun("张三", APPLICANT_ID, APPLICANT_PHONE, "huzhen",
					"huzhen-shehou", VILLAGE_CERTIFICATE, "renshe", true), "window-renshe-1");

			assertThat(openTask(processOf(run))).hasCandidateGroup("runners-huzhen");
			assertThat(reload(run).getRunnerGroup()).isEqualTo("runners-huzhen");
		}
		finally {
			jdbc.update("delete from zpp_absence where id = ?", absence);
		}
	}

	@Test
	void shouldEndAsExpiredWhenTheApplicantDoesNotConfirmWithinThreeWorkingDays() {
		ProxyRun run = open(VILLAGE_CERTIFICATE, false);
		ProcessInstance instance = processOf(run);
		execute(job(instance));
		assertThat(instance).isWaitingAt("awaitApplicantAuthorization");
		// the applicant's phone has the code before the deadline passes (the outbox mints it as it sends)
		String code = notifier.lastCodeFor(run.getCaseNo());

		var timer = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
		ZonedDateTime due = calendar.deadline(LocalDate.now(ZoneId.of("Asia/Shanghai")), 3).dueAt();
		assertThat(timer.getDuedate()).isEqualTo(Date.from(due.toInstant()))
			.isEqualTo(Date.from(reload(run).getAuthorizationDue()));
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count())
			.as("not due before the deadline")
			.isZero();

		ClockUtil.setCurrentTime(Date.from(due.toInstant().plus(Duration.ofMinutes(1))));
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).executable().count())
			.isOne();
		execute(job(instance));

		assertThat(instance).isEnded().hasPassed("authorizationExpired");
		assertThat(reload(run).getState()).isEqualTo(ProxyRunState.AUTHORIZATION_EXPIRED);
		assertThat(authorizations.confirmAuthorization(run.getCaseNo(), code)).isEqualTo(AuthorizationOutcome.NOT_PENDING);
	}

	@Test
	void shouldEndWhenTheIssuerRefusesWithAReason() {
		ProxyRun run = open(COUNTY_CERTIFICATE, true);
		ProcessInstance instance = processOf(run);
		completeAs("runner-county-1", instance, Map.of());

		assertThatThrownBy(() -> completeAs("clerk-minzheng-1", instance, withVariables("issueOutcome", "refused")))
			.hasMessageContaining("refusal needs a reason");
		assertThat(instance).isWaitingAt("issueCertificate");

		completeAs("clerk-minzheng-1", instance,
				withVariables("issueOutcome", "refused", "refusalReason", "殡仪馆无该逝者火化记录"));
		assertThat(instance).isEnded().hasPassed("proxyRunRefused");
		ProxyRun refused = reload(run);
		assertThat(refused.getState()).isEqualTo(ProxyRunState.REFUSED);
		assertThat(refused.getSteps()).last().extracting(ProxyRunStep::getNote).isEqualTo("殡仪馆无该逝者火化记录");
	}

	@Test
	void shouldLoopBackToTheRunnerWhenTheIssuerNeedsMoreInformation() {
		ProxyRun run = open(COUNTY_CERTIFICATE, true);
		ProcessInstance instance = processOf(run);
		completeAs("runner-county-1", instance, Map.of());

		completeAs("clerk-minzheng-1", instance,
				withVariables("issueOutcome", "moreInfo", "moreInfoRequest", "请补充逝者死亡医学证明复印件"));
		assertThat(instance).isWaitingAt("supplementInformation");
		assertThat(openTask(instance)).hasCandidateGroup("runners-county");
		assertThat(reload(run).getState()).isEqualTo(ProxyRunState.MORE_INFO_REQUESTED);

		completeAs("runner-county-1", instance, withVariables("supplementNote", "已补交复印件"));
		assertThat(instance).isWaitingAt("issueCertificate");

		completeAs("clerk-minzheng-1", instance, withVariables("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		completeAs("runner-county-1", instance, withVariables("deliveryConfirmed", true));
		completeAs("window-renshe-1", instance, withVariables("signOutcome", "signed"));
		assertThat(instance).isEnded()
			.hasPassedInOrder("issueCertificate", "supplementInformation", "issueCertificate", "deliverCertificate",
					"signForCertificate")
			.hasPassed("proxyRunDelivered");
		assertThat(reload(run).getState()).isEqualTo(ProxyRunState.DELIVERED);
	}

	@Test
	void shouldRefuseToIssueWithoutAFileALicenceNumberOrAPaperOriginal() {
		ProxyRun run = open(COUNTY_CERTIFICATE, true);
		ProcessInstance instance = processOf(run);
		completeAs("runner-county-1", instance, Map.of());

		assertThatThrownBy(() -> completeAs("clerk-minzheng-1", instance, withVariables("issueOutcome", "issued")))
			.hasMessageContaining("须上传证明文件").hasMessageContaining("电子证照编号").hasMessageContaining("纸质原件");
		assertThat(instance).isWaitingAt("issueCertificate");
		assertThat(reload(run).getState()).isEqualTo(ProxyRunState.AWAITING_ISSUE);

		completeAs("clerk-minzheng-1", instance, withVariables("issueOutcome", "issued", "paperOriginal", true));
		assertThat(instance).isWaitingAt("deliverCertificate");
		assertThat(runtimeService.getVariable(instance.getId(), "issuedAs")).isEqualTo("纸质原件");
	}

	@Test
	void shouldSendAReturnedCertificateBackToTheRunnersWhileTheDeadlineKeepsCounting() {
		ProxyRun run = open(COUNTY_CERTIFICATE, true);
		ProcessInstance instance = processOf(run);
		Date redCardDue = managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult()
			.getDuedate();
		completeAs("runner-county-1", instance, Map.of());
		completeAs("clerk-minzheng-1", instance, withVariables("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		completeAs("runner-county-1", instance, withVariables("deliveryConfirmed", true));

		assertThatThrownBy(() -> completeAs("window-renshe-1", instance, withVariables("signOutcome", "returned")))
			.as("a return needs its reason").hasMessageContaining("退回须填写理由");
		completeAs("window-renshe-1", instance,
				withVariables("signOutcome", "returned", "returnReason", "送达的是户籍证明，需要的是火化证明"));

		assertThat(instance).isWaitingAt("fetchCertificate");
		assertThat(openTask(instance)).hasCandidateGroup("runners-county").hasDueDate(Date.from(reload(run).getDueAt()));
		assertThat(runtimeService.getVariable(instance.getId(), "returnReason")).as("shown on the runner's form")
			.isEqualTo("送达的是户籍证明，需要的是火化证明");
		assertThat(runtimeService.getVariable(instance.getId(), "licenceNumber")).as("the clerk issues afresh").isNull();
		ProxyRun returned = reload(run);
		assertThat(returned.getState()).isEqualTo(ProxyRunState.FETCHING);
		assertThat(returned.getLicenceNumber()).isNull();
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers().singleResult()
			.getDuedate()).as("the deadline keeps counting").isEqualTo(redCardDue);

		completeAs("runner-county-1", instance, withVariables("fetchNote", "已请出证单位重新出具"));
		assertThatThrownBy(() -> completeAs("clerk-minzheng-1", instance, withVariables("issueOutcome", "issued")))
			.as("the returned licence number is not the run's any more").hasMessageContaining("电子证照编号");
		completeAs("clerk-minzheng-1", instance, withVariables("issueOutcome", "issued", "licenceNumber", "ZZ3308250002"));
		completeAs("runner-county-1", instance, withVariables("deliveryConfirmed", true));
		assertThat(runtimeService.getVariable(instance.getId(), "signOutcome")).as("nothing preselected").isNull();
		completeAs("window-renshe-1", instance, withVariables("signOutcome", "signed"));

		assertThat(instance).isEnded().hasPassedInOrder("signForCertificate", "fetchCertificate", "signForCertificate", "proxyRunDelivered");
		ProxyRun delivered = reload(run);
		assertThat(delivered.getState()).isEqualTo(ProxyRunState.DELIVERED);
		assertThat(delivered.getLicenceNumber()).isEqualTo("ZZ3308250002");
		assertThat(delivered.getSteps()).extracting(ProxyRunStep::getStep)
			.containsSubsequence("handedOver", "returnedByUsingDepartment", "fetchCertificate", "licenceRecorded",
					"certificateIssued", "handedOver", "proxyRunDelivered");
	}

	@Test
	void shouldRouteDepartmentsWithTheirOwnLiaisonToTheDepartmentGroup() {
		ProxyRun run = open("ZM-0001", true); // 无犯罪记录证明, 县公安局
		assertThat(processOf(run)).isWaitingAt("fetchCertificate");
		assertThat(openTask(processOf(run))).hasCandidateGroup("liaison-gongan");
	}

	@Test
	void shouldKeepPersonalDataOutOfProcessVariables() {
		ProxyRun run = open(COUNTY_CERTIFICATE, true);
		Map<String, Object> variables = runtimeService.getVariables(processOf(run).getId());
		assertThat(variables.values()).extracting(String::valueOf)
			.noneMatch(v -> v.contains(APPLICANT_ID) || v.contains(APPLICANT_PHONE) || v.contains("张三"));
	}
}
