package org.zhengpaopao.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
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
import org.zhengpaopao.TestDataSharing.SwitchableDataSharing;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * One test per path through certificate-free-application.bpmn, driven as the window and the runners drive it:
 * cases are taken through the service API, jobs are executed explicitly, and tasks are completed by the demo
 * users with Camunda's authorization checks on.
 */
@IntegrationTest
class ApplicationProcessTests {

	/** on file with the (simulated) data platform: every record valid */
	static final String ON_FILE = "330825198001011232";
	/** unknown to the data platform */
	static final String NOT_ON_FILE = "330825198503152342";
	/** on file, but every record expired or revoked */
	static final String INVALID_ON_FILE = "330825199211203456";

	@Autowired
	ProcessEngine engine;

	@Autowired
	Applications applications;

	@Autowired
	Catalog catalog;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	SwitchableDataSharing dataSharing;

	@Autowired
	CommitmentSampler sampler;

	@Autowired
	OutboxContents outbox;

	Matters matters;
	RuntimeService runtimeService;
	TaskService taskService;
	IdentityService identityService;
	ManagementService managementService;
	double samplingRate;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		runtimeService = engine.getRuntimeService();
		taskService = engine.getTaskService();
		identityService = engine.getIdentityService();
		managementService = engine.getManagementService();
		matters = new Matters(catalog);
		samplingRate = sampler.rate();
		sampler.setRate(0);
	}

	@AfterEach
	void tearDown() {
		sampler.setRate(samplingRate);
		dataSharing.comeBack();
		identityService.clearAuthentication();
	}

	Application take(Matter matter, String idNumber, List<String> commitments) {
		return applications.take(new NewApplication("李四", idNumber, "13905705678", "huzhen", "huzhen-xiaku",
				matter.getCode(), List.of(), commitments, true), null, window(matter)).application();
	}

	static String window(Matter matter) {
		return "window-" + matter.getUsingDepartmentCode() + "-1";
	}

	ProcessInstance processOf(Application application) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(application.getCaseNo())
			.processDefinitionKey("certificate-free-application")
			.singleResult();
	}

	Application reload(Application application) {
		return applications.find(application.getCaseNo()).orElseThrow();
	}

	RequiredCertificate only(Application application) {
		return reload(application).getCertificates().get(0);
	}

	/** Runs every job the case's verification steps are waiting on, as the job executor would. */
	void runVerifications(ProcessInstance instance) {
		for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).list()) {
			managementService.executeJob(job.getId());
		}
	}

	Task task(String processInstanceId, String key) {
		return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(key).singleResult();
	}

	/** Claims and completes the task as {@code user}, as Tasklist does. */
	void completeAs(String user, Task task, Map<String, Object> variables) {
		TasklistUser.claimAndComplete(engine, user, task.getId(), variables);
	}

	void approve(Application application) {
		Task decision = task(processOf(application).getId(), "decideApplication");
		completeAs(window(catalog.matter(application.getMatterCode()).orElseThrow()), decision,
				withVariables("approved", "true"));
	}

	/** The demo user of a candidate group: runners-huzhen → runner-huzhen-1, dept-gongan → clerk-gongan-1. */
	static String memberOf(String group) {
		return group.replaceFirst("^runners-", "runner-").replaceFirst("^dept-", "clerk-") + "-1";
	}

	String candidateGroupOf(Task task) {
		return taskService.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
	}

	/** The runner fetches, the clerk answers, the runner delivers and the window signs (unless refused). */
	void runProxyRun(String proxyRunCaseNo, boolean issued) {
		ProcessInstance run = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(proxyRunCaseNo)
			.processDefinitionKey("proxy-run")
			.singleResult();
		assertThat(run).isWaitingAt("fetchCertificate");
		Task fetch = task(run.getId(), "fetchCertificate");
		String runner = memberOf(candidateGroupOf(fetch));
		completeAs(runner, fetch, withVariables("fetchNote", "已提交"));
		Task issue = task(run.getId(), "issueCertificate");
		String clerk = memberOf(candidateGroupOf(issue));
		if (issued) {
			completeAs(clerk, issue, withVariables("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
			completeAs(runner, task(run.getId(), "deliverCertificate"), withVariables("deliveryConfirmed", true));
			Task signature = task(run.getId(), "signForCertificate");
			completeAs(memberOf(candidateGroupOf(signature)), signature, withVariables("signOutcome", "signed"));
		}
		else {
			completeAs(clerk, issue, withVariables("issueOutcome", "refused", "refusalReason", "档案中无此记录"));
		}
		assertThat(run).isEnded();
	}

	@Test
	void shouldRecordCancelledCertificatesWithTheirBasisAndGoStraightToTheDecision() {
		Matter matter = matters.with(Matters.allCancelled(), 0);
		Application application = take(matter, ON_FILE, List.of());

		ProcessInstance instance = processOf(application);
		assertThat(instance).isWaitingAt("decideApplication").hasPassed("certificateCancelled");
		assertThat(reload(application).getCertificates()).allSatisfy(c -> {
			assertThat(c.getStatus()).isEqualTo(CertificateStatus.SATISFIED);
			assertThat(c.getOutcome()).startsWith("已取消，无需提供：").contains(c.getDetail());
		});
		Task decision = task(instance.getId(), "decideApplication");
		assertThat(decision).hasCandidateGroup("window-" + matter.getUsingDepartmentCode()).hasName("窗口审批");
		assertThat(decision.getDueDate()).isNotNull();

		approve(application);

		assertThat(instance).isEnded().hasPassed("notifyApplicant", "applicationClosed");
		assertThat(reload(application).getState()).isEqualTo(ApplicationState.APPROVED);
		assertThat(outbox.textMessagesAbout(application.getCaseNo())).extracting(sms -> sms.text())
			.anySatisfy(text -> assertThat(text).contains(matter.getName(), "已准予办理"))
			// and the invitation to rate the service (好差评), for the window's group to answer for
			.anySatisfy(text -> assertThat(text).contains("请对我们的服务作出评价"));
	}

	Application takeOnline(Matter matter, String platformId) {
		return applications.take(new NewApplication("李四", ON_FILE, "13905705678", "huzhen", "huzhen-xiaku",
				matter.getCode(), List.of(), List.of(), true), Intake.platform(platformId), null, window(matter))
			.application();
	}

	@Test
	void shouldOfferAPlatformCaseOnlineDeliveryAndRecordIt() {
		Matter matter = matters.with(Matters.allCancelled(), 0);
		Application application = takeOnline(matter, "ZJ-PT-0001");
		Task decision = task(processOf(application).getId(), "decideApplication");
		// what the form shows and offers first: read from the variables of its fields' keys
		assertThat((String) taskService.getVariable(decision.getId(), "intakeLabel")).isEqualTo("网上申请（省政务服务平台）");
		assertThat((String) taskService.getVariable(decision.getId(), "resultDelivery")).isEqualTo("ONLINE");

		completeAs(window(matter), decision, withVariables("approved", "true", "resultDelivery", "ONLINE"));

		Application decided = reload(application);
		assertThat(decided.getState()).isEqualTo(ApplicationState.APPROVED);
		assertThat(decided.getResultDelivery()).isEqualTo(ResultDelivery.ONLINE);
		assertThat(decided.getPostalTrackingNumber()).isNull();
		assertThat(decided.isZeroTrip()).isTrue();
	}

	@Test
	void shouldMailAResultWithItsTrackingNumberAndRefuseOneWithout() {
		Matter matter = matters.with(Matters.allCancelled(), 0);
		Application application = takeOnline(matter, "ZJ-PT-0002");
		ProcessInstance instance = processOf(application);
		Task decision = task(instance.getId(), "decideApplication");

		assertThatThrownBy(() -> completeAs(window(matter), decision,
				withVariables("approved", "true", "resultDelivery", "POST", "postalTrackingNumber", "  ")))
			.hasMessageContaining("邮寄送达请填写邮件号");
		taskService.setAssignee(decision.getId(), null);
		assertThatThrownBy(() -> completeAs(window(matter), decision,
				withVariables("approved", "true", "resultDelivery", "BY_HAND")))
			.hasMessageContaining("请选择结果送达方式");
		taskService.setAssignee(decision.getId(), null);
		assertThat(instance).isWaitingAt("decideApplication");
		assertThat(reload(application).getState()).isEqualTo(ApplicationState.AWAITING_DECISION);

		completeAs(window(matter), decision, withVariables("approved", "true", "resultDelivery", "POST",
				"postalTrackingNumber", " 1190012345678 "));

		assertThat(instance).isEnded();
		Application decided = reload(application);
		assertThat(decided.getResultDelivery()).isEqualTo(ResultDelivery.POST);
		assertThat(decided.getPostalTrackingNumber()).isEqualTo("1190012345678");
		assertThat(decided.isZeroTrip()).isTrue();
	}

	@Test
	void shouldOfferCollectionAtTheWindowForAWindowCase() {
		Matter matter = matters.with(Matters.allCancelled(), 0);
		Application application = take(matter, ON_FILE, List.of());
		Task decision = task(processOf(application).getId(), "decideApplication");
		assertThat((String) taskService.getVariable(decision.getId(), "intakeLabel")).isEqualTo("窗口受理");

		// the form sends the offered way back unless the clerk changes it
		approve(application);

		assertThat(reload(application).getResultDelivery()).isEqualTo(ResultDelivery.WINDOW);
		assertThat(reload(application).isZeroTrip()).isFalse();
	}

	@Test
	void shouldGiveADecisionTaskFromBeforeTheFormAskedTheOfferedWay() {
		Matter matter = matters.with(Matters.allCancelled(), 0);
		Application application = takeOnline(matter, "ZJ-PT-0003");
		ProcessInstance instance = processOf(application);
		// a task created before this release: neither the variable nor the form's field
		runtimeService.removeVariable(instance.getId(), "resultDelivery");

		approve(application);

		assertThat(reload(application).getResultDelivery()).isEqualTo(ResultDelivery.ONLINE);
	}

	@Test
	void shouldVerifyASharedCertificateFromTheDataPlatform() {
		Application application = take(matters.with(Matters.only(Matters.shared()), 0), ON_FILE, List.of());
		ProcessInstance instance = processOf(application);
		// the call to the platform is a job of its own: intake never waits for it
		assertThat(instance).isWaitingAt("verifySharedData");
		assertThat(only(application).getStatus()).isEqualTo(CertificateStatus.PENDING);

		runVerifications(instance);

		assertThat(instance).isWaitingAt("decideApplication").hasPassed("certificateVerified");
		assertThat(only(application).getStatus()).isEqualTo(CertificateStatus.SATISFIED);
		assertThat(only(application).getOutcome()).startsWith("共享核验通过");
	}

	@Test
	void shouldFetchACertificateWhenTheSharedRecordIsMissing() {
		Application application = take(matters.with(Matters.only(Matters.shared()), 1), NOT_ON_FILE, List.of());
		ProcessInstance instance = processOf(application);

		runVerifications(instance);

		RequiredCertificate certificate = only(application);
		assertThat(certificate.getHandling()).isEqualTo(Handling.PROXY);
		assertThat(certificate.getProxyRunCaseNo()).startsWith("DP");
		assertThat(instance).isWaitingAt("runProxyRun").hasPassed("verifySharedData");
		var run = proxyRuns.find(certificate.getProxyRunCaseNo()).orElseThrow();
		assertThat(run.getApplicationCaseNo()).isEqualTo(application.getCaseNo());
		assertThat(run.getCertificateCode()).isEqualTo(certificate.getCertificateCode());
		assertThat(run.getProcessInstanceId()).isNotNull();

		runProxyRun(certificate.getProxyRunCaseNo(), true);

		assertThat(instance).isWaitingAt("decideApplication").hasPassed("proxyRunEnded");
		assertThat(only(application).getStatus()).isEqualTo(CertificateStatus.SATISFIED);
		assertThat(only(application).getOutcome()).contains(certificate.getProxyRunCaseNo(), "已送达");
		// the deciding window sees what the certificate came as, and the run carries the case's matter for its stamp
		Task decision = task(instance.getId(), "decideApplication");
		assertThat((String) taskService.getVariable(decision.getId(), "certificateSummary"))
			.contains(certificate.getProxyRunCaseNo(), "电子证照 ZZ3308250001");
		assertThat(proxyRuns.find(certificate.getProxyRunCaseNo()).orElseThrow().getMatterName())
			.isEqualTo(application.getMatterName());
	}

	@Test
	void shouldFetchALicenceWhoseRecordIsNoLongerValid() {
		Application application = take(matters.with(Matters.only(Matters.licence()), 0), INVALID_ON_FILE, List.of());

		runVerifications(processOf(application));

		assertThat(only(application).getHandling()).isEqualTo(Handling.PROXY);
		assertThat(only(application).getPlan()).contains("共享平台记录无效");
	}

	@Test
	void shouldBringARefusedProxyRunToTheWindowAsADecision() {
		Matter matter = matters.with(Matters.only(Matters.proxy()), 0);
		Application application = take(matter, ON_FILE, List.of());
		ProcessInstance instance = processOf(application);
		assertThat(instance).isWaitingAt("runProxyRun");

		runProxyRun(only(application).getProxyRunCaseNo(), false);

		assertThat(only(application).getStatus()).isEqualTo(CertificateStatus.NOT_SATISFIED);
		assertThat(only(application).getOutcome()).contains(ProxyRunState.REFUSED.label());
		Task decision = task(instance.getId(), "decideApplication");
		assertThat((String) taskService.getVariable(decision.getId(), "certificateSummary")).contains("1 项证明未能取得");

		// a rejection needs a reason; without one the task stays open
		assertThatThrownBy(() -> completeAs(window(matter), decision, withVariables("approved", "false")))
			.hasMessageContaining("理由");
		taskService.setAssignee(decision.getId(), null);
		completeAs(window(matter), decision, withVariables("approved", "false", "rejectionReason", "缺少必要证明"));

		assertThat(instance).isEnded();
		assertThat(reload(application).getState()).isEqualTo(ApplicationState.REJECTED);
		assertThat(outbox.textMessagesAbout(application.getCaseNo())).extracting(sms -> sms.text())
			.anySatisfy(text -> assertThat(text).contains("不予办理", "缺少必要证明"));
	}

	@Test
	void shouldHandleAllFourDispositionsOfOneMatterInParallel() {
		Matter matter = matters.with(Matters.allFour(), 0);
		List<String> commitments = catalog.entriesInForce(matter.getCode())
			.stream()
			.filter(Matters.commitment())
			.map(CatalogEntry::getCertificateCode)
			.toList();
		Application application = take(matter, ON_FILE, commitments);
		ProcessInstance instance = processOf(application);

		assertThat(reload(application).getCertificates()).allSatisfy(c -> assertThat(c.getHandling()).isEqualTo(
				switch (c.getDisposition()) {
					case CANCELLED -> Handling.NOT_NEEDED;
					case SHARED -> Handling.VERIFY;
					case PROXY -> Handling.PROXY;
					case REPLACED -> c.getReplacement() == org.zhengpaopao.catalog.Replacement.LICENCE ? Handling.VERIFY
							: Handling.COMMITMENT;
				}));
		runVerifications(instance);
		assertThat(instance).isWaitingAt("runProxyRun").hasPassed("certificateCancelled", "commitmentRecorded",
				"certificateVerified");
		for (RequiredCertificate c : reload(application).getCertificates()) {
			if (c.getHandling() == Handling.PROXY) {
				runProxyRun(c.getProxyRunCaseNo(), true);
			}
		}

		assertThat(instance).isWaitingAt("decideApplication");
		assertThat(reload(application).getCertificates()).extracting(RequiredCertificate::getStatus)
			.containsOnly(CertificateStatus.SATISFIED);
		assertThat(reload(application).getState()).isEqualTo(ApplicationState.AWAITING_DECISION);
	}

	@Test
	void shouldWaitOutAPlatformOutageAsAnIncidentAndContinueOnRetry() {
		Application application = take(matters.with(Matters.only(Matters.shared()), 0), ON_FILE, List.of());
		ProcessInstance instance = processOf(application);
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
		dataSharing.goDown();

		for (int attempt = 1; attempt <= 3; attempt++) {
			assertThatThrownBy(() -> managementService.executeJob(job.getId())).hasMessageContaining("无法连接");
		}

		Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
		assertThat(incident.getActivityId()).isEqualTo("verifySharedData");
		assertThat(incident.getIncidentMessage()).contains("无法连接");
		assertThat(instance).isWaitingAt("verifySharedData");
		assertThat(only(application).getStatus()).isEqualTo(CertificateStatus.PENDING);

		// the platform is back; an operator retries the job in Cockpit
		dataSharing.comeBack();
		managementService.setJobRetries(job.getId(), 1);
		managementService.executeJob(job.getId());

		assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count()).isZero();
		assertThat(instance).isWaitingAt("decideApplication");
		assertThat(only(application).getStatus()).isEqualTo(CertificateStatus.SATISFIED);
	}

	@Test
	void shouldRetryAFailedCallOnTheRetryCycleOfTheModel() {
		Application application = take(matters.with(Matters.only(Matters.shared()), 1), ON_FILE, List.of());
		ProcessInstance instance = processOf(application);
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).singleResult();
		dataSharing.goDown();

		assertThatThrownBy(() -> managementService.executeJob(job.getId()));

		Job retry = managementService.createJobQuery().jobId(job.getId()).singleResult();
		assertThat(retry.getRetries()).isEqualTo(2);
		// R3/PT5M: the next attempt is five minutes later
		assertThat(retry.getDuedate()).isCloseTo(
				new java.util.Date(org.camunda.bpm.engine.impl.util.ClockUtil.getCurrentTime().getTime() + 5 * 60_000),
				2_000);
	}

	@Test
	void shouldRecordACommitmentAndSampleItForPostVerification() {
		sampler.setRate(1);
		Matter matter = matters.with(Matters.only(Matters.commitment()), 0);
		Application application = take(matter, "330825197007084569",
				List.of(catalog.entriesInForce(matter.getCode()).get(0).getCertificateCode()));
		ProcessInstance instance = processOf(application);

		assertThat(instance).isWaitingAt("decideApplication").hasPassed("commitmentRecorded");
		assertThat(only(application).isCommitmentSampled()).isTrue();
		approve(application);

		Task postVerification = task(instance.getId(), "postVerifyCommitment");
		assertThat(postVerification).hasCandidateGroup("window-" + matter.getUsingDepartmentCode());
		assertThat((String) taskService.getVariable(postVerification.getId(), "commitmentUnderReview"))
			.contains(only(application).getCertificateName(), only(application).getDetail());
		completeAs(window(matter), postVerification, withVariables("commitmentTruthful", "true"));

		assertThat(instance).isEnded().hasPassed("commitmentsPostVerified");
		assertThat(only(application).getPostVerification()).isEqualTo(PostVerification.CONFIRMED);
	}

	@Test
	void shouldNotAskForPostVerificationOfCommitmentsNotSampled() {
		Matter matter = matters.with(Matters.only(Matters.commitment()), 1);
		Application application = take(matter, "330825197007084569",
				List.of(catalog.entriesInForce(matter.getCode()).get(0).getCertificateCode()));

		approve(application);

		assertThat(processOf(application)).isNull();
		assertThat(only(application).isCommitmentSampled()).isFalse();
		assertThat(only(application).getPostVerification()).isNull();
	}

	@Test
	void shouldBarAnApplicantWithAFalseCommitmentFromCommittingAgain() {
		sampler.setRate(1);
		String applicant = "330825198812315678";
		Matter matter = matters.with(Matters.only(Matters.commitment()), 0);
		String certificate = catalog.entriesInForce(matter.getCode()).get(0).getCertificateCode();
		Application first = take(matter, applicant, List.of(certificate));
		approve(first);
		completeAs(window(matter), task(processOf(first).getId(), "postVerifyCommitment"),
				withVariables("commitmentTruthful", "false", "finding", "经村委会核实，家庭收入与承诺不符"));

		assertThat(only(first).getPostVerification()).isEqualTo(PostVerification.FOUND_FALSE);
		assertThat(outbox.groupMessagesAbout(first.getCaseNo())).anySatisfy(message -> {
			assertThat(message.groupId()).isEqualTo("window-" + matter.getUsingDepartmentCode());
			assertThat(message.text()).contains("告知承诺经事后核查不实", "信用记录");
		});

		Application second = take(matter, applicant, List.of(certificate));

		assertThat(only(second).getHandling()).isEqualTo(Handling.PROXY);
		assertThat(only(second).getPlan()).contains("虚假承诺记录");
		assertThat(processOf(second)).isWaitingAt("runProxyRun");
	}

	@Test
	void shouldFetchACertificateWhenTheApplicantDoesNotCommit() {
		Matter matter = matters.with(Matters.only(Matters.commitment()), 1);

		Application application = take(matter, ON_FILE, List.of());

		assertThat(only(application).getHandling()).isEqualTo(Handling.PROXY);
		assertThat(only(application).getPlan()).contains("未选择告知承诺");
	}

	@Test
	void shouldKeepAnOpenCaseOnTheCatalogVersionItWasTakenUnder() {
		Matter matter = matters.with(Matters.only(Matters.proxy()), 1);
		CatalogEntry before = catalog.entriesInForce(matter.getCode()).get(0);
		Application application = take(matter, ON_FILE, List.of());

		catalog.change(matter.getCode(), before.getCertificateCode(),
				new EntryTerms(Disposition.CANCELLED, null, "经评估取消", null, before.getLegalBasis()), "catalog-1",
				"测试：办件受理后调整清单");
		try {
			RequiredCertificate certificate = only(application);
			assertThat(certificate.getCatalogEntryVersion()).isEqualTo(before.getVersion());
			assertThat(certificate.getDisposition()).isEqualTo(Disposition.PROXY);
			assertThat(certificate.getHandling()).isEqualTo(Handling.PROXY);
			assertThat(processOf(application)).isWaitingAt("runProxyRun");
			// a case taken now follows the new version
			assertThat(only(take(matter, ON_FILE, List.of())).getHandling()).isEqualTo(Handling.NOT_NEEDED);
		}
		finally {
			catalog.change(matter.getCode(), before.getCertificateCode(), before.terms(), "catalog-1", "测试：恢复");
		}
	}
}
