package org.zhengpaopao.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.ApplicationState;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.application.RequiredCertificate;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.assessment.RatingLevel;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRunAuthorizations;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * The KPI tests' world: proxy-runs, cases and ratings in March and April 2025, made through the real services and
 * processes with the engine's clock moved to each moment, as the people involved would have made them. No other test
 * touches 2025, so a query for March or April 2025 sees exactly these. Built once for the shared context (the KPI
 * test classes share it) and left with nothing open: every run, case and rectification ends.
 * <p>
 * March 2025 has no public holiday; 1 March is a Saturday. All times are Beijing time. ZM-0009 (火化证明补开) is issued
 * by 县民政局 in 3 working days and fetched by {@code runners-county}; ZM-0039 (居住证明) by the village committee
 * (泽随村, 洞头村: no agents of their own) in 1 working day, fetched by {@code runners-tashi}.
 *
 * <pre>
 * run township cert    authorized         what happens                                                  rating
 * R1  xikou    ZM-0009 window 03-03 09:00 deadline 03-06; fetched 03-03, issued 03-04,                   非常满意
 *                                         delivered 03-05 15:00 by runner-county-1 (2 working days)
 * R2  xikou    ZM-0009 window 03-03 09:30 deadline 03-06; fetched 03-03; yellow 03-05 18:01, red 03-06  不满意 03-11,
 *                                         18:01, level 2 03-10 18:01; issued 03-11 09:00, delivered 03-11  rectified on time
 *                                         11:00 by runner-county-1 (6 working days)                       03-12
 * R3  tashi    ZM-0039 online 03-04 09:10 deadline 03-05; delivered 03-04 16:00 by runner-tashi-1 (0)     基本满意
 * R4  tashi    ZM-0039 never confirmed    opened 03-04 09:30; authorization expired 03-07 18:01           —
 * R5  tashi    ZM-0009 window 03-04 10:00 deadline 03-07, nobody fetches it; yellow 03-06, red 03-07,     不满意 03-17,
 *                                         level 2 03-11, level 3 03-14; closed as exception 03-17 09:00   rectified late
 *                                                                                                         04-15
 * R6  xikou    ZM-0009 online 03-05 09:05 deadline 03-10; fetched 03-05 by runner-county-1; refused       非常不满意,
 *                                         03-06 10:00                                                     appeal upheld
 * R7  xikou    ZM-0009 window 04-01 09:00 deadline 04-07 (Qingming 4 April); delivered 04-02 15:00 (1)    满意
 * R8  xikou    (case A4's run, online)    opened 03-10 09:30; authorization expired 03-13 18:01           —
 *
 * case township matter        taken              certificates              decided, result back          rating
 * A1   xikou   all cancelled  03-10 09:00 online all satisfied             approved 03-10, online (网上送达) 满意
 * A2   xikou   one shared     03-10 09:10 online verified                  approved 03-10, by post       —
 * A3   xikou   one commitment 03-10 09:20 online committed                 approved 03-10, at the window —
 * A4   xikou   one proxy-run  03-10 09:30 window R8 expired: 未能取得       rejected 03-14, at the window —
 * ("online": submitted on the provincial platform, Intake.platform; "window": taken at the window)
 * </pre>
 * R5 and A1 are a company's (企业: {@link #COMPANY}, its contact rates them); everybody else is a person.
 */
final class KpiFixture {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final String APPLICANT_ID = "330825198503121239";
	/** on file with the (simulated) data platform, every record valid */
	static final String ON_FILE = "330825198001011232";
	static final String COMMITTING = "330825197007084569";
	static final String COMPANY = "龙游县塔石竹木制品有限公司";
	static final String COMPANY_CODE = "91330825MA2DB1234W";

	/** The case numbers, for the tests that look for them. */
	record Cases(String r1, String r2, String r3, String r4, String r5, String r6, String r7, String r8, String a1,
			String a2, String a3, String a4) {
	}

	private static Cases built;

	private final ProxyRuns proxyRuns;
	private final ProxyRunAuthorizations authorizations;
	private final Applications applications;
	private final Assessment assessment;
	private final Catalog catalog;
	private final RecordingNotifier sms;
	private final RuntimeService runtimeService;
	private final TaskService taskService;
	private final ManagementService managementService;
	private final IdentityService identityService;

	private KpiFixture(ProcessEngine engine, ProxyRuns proxyRuns, ProxyRunAuthorizations authorizations,
			Applications applications, Assessment assessment, Catalog catalog, RecordingNotifier sms) {
		this.proxyRuns = proxyRuns;
		this.authorizations = authorizations;
		this.applications = applications;
		this.assessment = assessment;
		this.catalog = catalog;
		this.sms = sms;
		this.runtimeService = engine.getRuntimeService();
		this.taskService = engine.getTaskService();
		this.managementService = engine.getManagementService();
		this.identityService = engine.getIdentityService();
	}

	/** The fixture, built on first use in this JVM (the test context and its database are shared). */
	static synchronized Cases ensureBuilt(ProcessEngine engine, ProxyRuns proxyRuns,
			ProxyRunAuthorizations authorizations, Applications applications, Assessment assessment, Catalog catalog,
			RecordingNotifier sms) {
		if (built == null) {
			KpiFixture fixture = new KpiFixture(engine, proxyRuns, authorizations, applications, assessment, catalog,
					sms);
			try {
				built = fixture.build();
			}
			finally {
				ClockUtil.reset();
				fixture.identityService.clearAuthentication();
			}
		}
		return built;
	}

	private Cases build() {
		String r1 = r1();
		String r2 = r2();
		String r3 = r3();
		String r4 = r4();
		String r5 = r5();
		String r6 = r6();
		String a1 = a1();
		String a2 = a2();
		String a3 = a3();
		String[] a4 = a4();
		String r7 = r7();
		// R5's rectification is reported in April, a week after its due date
		rectify(r5, "2025-04-15T10:00");
		return new Cases(r1, r2, r3, r4, r5, r6, r7, a4[1], a1, a2, a3, a4[0]);
	}

	// --- the runs

	private String r1() {
		ProxyRun run = open("2025-03-03T09:00", "xikou", "xikou-xikou", "ZM-0009", true, "13905710001");
		assertThat(run.getDeadline()).isEqualTo(LocalDate.parse("2025-03-06"));
		String caseNo = run.getCaseNo();
		fetch(caseNo, "runner-county-1", "2025-03-03T10:00");
		issue(caseNo, "clerk-minzheng-1", "2025-03-04T10:00");
		deliver(caseNo, "runner-county-1", "2025-03-05T15:00");
		rate(caseNo, "13905710001", RatingLevel.VERY_SATISFIED, "2025-03-05T16:00");
		return caseNo;
	}

	private String r2() {
		ProxyRun run = open("2025-03-03T09:30", "xikou", "xikou-lingshan", "ZM-0009", true, "13905710002");
		assertThat(run.getDeadline()).isEqualTo(LocalDate.parse("2025-03-06"));
		String caseNo = run.getCaseNo();
		fetch(caseNo, "runner-county-1", "2025-03-03T10:30");
		fire(caseNo, "yellowCardDue", "2025-03-05T18:00");
		fire(caseNo, "deadlineReached", "2025-03-06T18:00");
		fire(caseNo, "stillOverdueLevel2", "2025-03-10T18:00");
		issue(caseNo, "clerk-minzheng-1", "2025-03-11T09:00");
		deliver(caseNo, "runner-county-1", "2025-03-11T11:00");
		rate(caseNo, "13905710002", RatingLevel.DISSATISFIED, "2025-03-11T12:00");
		callBack(caseNo, "runner-county-1", "2025-03-11T14:00", false);
		rectify(caseNo, "2025-03-12T10:00");
		return caseNo;
	}

	private String r3() {
		ProxyRun run = open("2025-03-04T09:00", "tashi", "tashi-zesui", "ZM-0039", false, "13905710003");
		String caseNo = run.getCaseNo();
		sendCode(caseNo);
		confirm(caseNo, "2025-03-04T09:10");
		assertThat(reload(caseNo).getDeadline()).isEqualTo(LocalDate.parse("2025-03-05"));
		fetch(caseNo, "runner-tashi-1", "2025-03-04T10:00");
		issue(caseNo, "clerk-tashi-zesui-1", "2025-03-04T11:00");
		deliver(caseNo, "runner-tashi-1", "2025-03-04T16:00");
		rate(caseNo, "13905710003", RatingLevel.BASICALLY_SATISFIED, "2025-03-04T17:00");
		return caseNo;
	}

	private String r4() {
		ProxyRun run = open("2025-03-04T09:30", "tashi", "tashi-dongtou", "ZM-0039", false, "13905710004");
		String caseNo = run.getCaseNo();
		sendCode(caseNo);
		expire(caseNo, "2025-03-07T18:00");
		return caseNo;
	}

	private String r5() {
		at("2025-03-04T10:00");
		ProxyRun run = proxyRuns.open(new NewProxyRun(ApplicantType.COMPANY, COMPANY, null, COMPANY_CODE, "孙八",
				"13905710005", "tashi", "tashi-tashi", "ZM-0009", "renshe", true), "window-renshe-1");
		assertThat(run.getDeadline()).isEqualTo(LocalDate.parse("2025-03-07"));
		String caseNo = run.getCaseNo();
		fire(caseNo, "yellowCardDue", "2025-03-06T18:00");
		fire(caseNo, "deadlineReached", "2025-03-07T18:00");
		fire(caseNo, "stillOverdueLevel2", "2025-03-11T18:00");
		fire(caseNo, "stillOverdueLevel3", "2025-03-14T18:00");
		at("2025-03-17T09:00");
		complete("taskforce-1", task(caseNo, "handleOverdueRun"),
				Map.of("supervisionAction", "closeAsException", "exceptionReason", "申请人已另行取得证明"));
		assertThat(reload(caseNo).getState()).isEqualTo(ProxyRunState.CLOSED_AS_EXCEPTION);
		rate(caseNo, "13905710005", RatingLevel.DISSATISFIED, "2025-03-17T10:00");
		callBack(caseNo, "runner-county-1", "2025-03-17T11:00", false);
		return caseNo;
	}

	private String r6() {
		ProxyRun run = open("2025-03-05T09:00", "xikou", "xikou-tangtou", "ZM-0009", false, "13905710006");
		String caseNo = run.getCaseNo();
		sendCode(caseNo);
		confirm(caseNo, "2025-03-05T09:05");
		assertThat(reload(caseNo).getDeadline()).isEqualTo(LocalDate.parse("2025-03-10"));
		fetch(caseNo, "runner-county-1", "2025-03-05T10:00");
		at("2025-03-06T10:00");
		complete("clerk-minzheng-1", task(caseNo, "issueCertificate"),
				Map.of("issueOutcome", "refused", "refusalReason", "档案中无此记录"));
		assertThat(reload(caseNo).getState()).isEqualTo(ProxyRunState.REFUSED);
		rate(caseNo, "13905710006", RatingLevel.VERY_DISSATISFIED, "2025-03-06T11:00");
		callBack(caseNo, "runner-county-1", "2025-03-06T14:00", true);
		at("2025-03-07T10:00");
		complete("manager-1", rectificationTask(caseNo, "reviewAppeal"), Map.of("appealUpheld", "true"));
		assertThat(assessment.find(caseNo).orElseThrow().isExcluded()).isTrue();
		return caseNo;
	}

	private String r7() {
		ProxyRun run = open("2025-04-01T09:00", "xikou", "xikou-huangtie", "ZM-0009", true, "13905710007");
		assertThat(run.getDeadline()).as("Qingming, Friday 4 April, is off").isEqualTo(LocalDate.parse("2025-04-07"));
		String caseNo = run.getCaseNo();
		fetch(caseNo, "runner-county-1", "2025-04-01T10:00");
		issue(caseNo, "clerk-minzheng-1", "2025-04-02T10:00");
		deliver(caseNo, "runner-county-1", "2025-04-02T15:00");
		rate(caseNo, "13905710007", RatingLevel.SATISFIED, "2025-04-02T16:00");
		return caseNo;
	}

	// --- the cases

	private String a1() {
		Matter matter = matter(entries -> entries.stream().allMatch(e -> e.getDisposition() == Disposition.CANCELLED));
		at("2025-03-10T09:00");
		Application application = applications.take(new NewApplication(ApplicantType.COMPANY, COMPANY, null,
				COMPANY_CODE, "孙八", "13905720001", "xikou", "xikou-xikou", matter.getCode(), List.of(), List.of(), true),
				Intake.platform("ZJ-KPI-A1"), null, window(matter.getUsingDepartmentCode())).application();
		decide(application, true, "2025-03-10T10:00", Map.of("resultDelivery", "ONLINE"));
		rate(application.getCaseNo(), "13905720001", RatingLevel.SATISFIED, "2025-03-10T11:00");
		return application.getCaseNo();
	}

	private String a2() {
		Application application = take("2025-03-10T09:10",
				matter(only(e -> e.getDisposition() == Disposition.SHARED)), ON_FILE, List.of(), true, "13905720002",
				Intake.platform("ZJ-KPI-A2"));
		for (Job job : managementService.createJobQuery().processInstanceId(caseProcess(application).getId()).list()) {
			managementService.executeJob(job.getId());
		}
		decide(application, true, "2025-03-10T10:10",
				Map.of("resultDelivery", "POST", "postalTrackingNumber", "1190012345678"));
		return application.getCaseNo();
	}

	private String a3() {
		Matter matter = matter(only(e -> e.getReplacement() == Replacement.COMMITMENT));
		String certificate = catalog.entriesInForce(matter.getCode()).get(0).getCertificateCode();
		Application application = take("2025-03-10T09:20", matter, COMMITTING, List.of(certificate), true,
				"13905720003", Intake.platform("ZJ-KPI-A3"));
		ProcessInstance process = caseProcess(application);
		decide(application, true, "2025-03-10T10:20", Map.of("resultDelivery", "WINDOW"));
		// a commitment drawn for post-verification (one in five) is checked and found true
		Task check = taskService.createTaskQuery()
			.processInstanceId(process.getId())
			.taskDefinitionKey("postVerifyCommitment")
			.singleResult();
		if (check != null) {
			complete(window(application), check, Map.of("commitmentTruthful", "true"));
		}
		return application.getCaseNo();
	}

	/** @return the case number and its run's */
	private String[] a4() {
		Application application = take("2025-03-10T09:30",
				matter(only(e -> e.getDisposition() == Disposition.PROXY)), APPLICANT_ID, List.of(), false,
				"13905720004", Intake.WINDOW);
		RequiredCertificate certificate = applications.find(application.getCaseNo())
			.orElseThrow()
			.getCertificates()
			.get(0);
		String run = certificate.getProxyRunCaseNo();
		sendCode(run);
		expire(run, "2025-03-13T18:00");
		decide(application, false, "2025-03-14T09:00", Map.of());
		assertThat(applications.find(application.getCaseNo()).orElseThrow().getState())
			.isEqualTo(ApplicationState.REJECTED);
		return new String[] { application.getCaseNo(), run };
	}

	private Matter matter(Predicate<List<CatalogEntry>> shape) {
		return catalog.matters()
			.stream()
			.filter(m -> {
				List<CatalogEntry> entries = catalog.entriesInForce(m.getCode());
				return !entries.isEmpty() && shape.test(entries);
			})
			.findFirst()
			.orElseThrow(() -> new AssertionError("the seeded catalog has no such matter"));
	}

	private static Predicate<List<CatalogEntry>> only(Predicate<CatalogEntry> kind) {
		return entries -> entries.size() == 1 && kind.test(entries.get(0));
	}

	private Application take(String when, Matter matter, String idNumber, List<String> commitments,
			boolean authorizedAtWindow, String phone, Intake intake) {
		at(when);
		return applications.take(new NewApplication("钱七", idNumber, phone, "xikou", "xikou-xikou", matter.getCode(),
				List.of(), commitments, authorizedAtWindow), intake, null, "window-" + matter.getUsingDepartmentCode() + "-1")
			.application();
	}

	private static String window(Application application) {
		return window(application.getUsingDepartmentCode());
	}

	private static String window(String department) {
		return "window-" + department + "-1";
	}

	private ProcessInstance caseProcess(Application application) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(application.getCaseNo())
			.processDefinitionKey("certificate-free-application")
			.singleResult();
	}

	/** {@code delivery}: the form's 结果送达方式 and 邮件号, if the clerk changed them from what it offers */
	private void decide(Application application, boolean approved, String when, Map<String, Object> delivery) {
		at(when);
		Task decision = taskService.createTaskQuery()
			.processInstanceId(caseProcess(application).getId())
			.taskDefinitionKey("decideApplication")
			.singleResult();
		Map<String, Object> form = new HashMap<>(delivery);
		form.putAll(approved ? Map.of("approved", "true")
				: Map.of("approved", "false", "rejectionReason", "缺少必要证明"));
		complete(window(application), decision, form);
	}

	// --- steps

	private ProxyRun open(String when, String township, String village, String certificate, boolean atWindow,
			String phone) {
		at(when);
		return proxyRuns.open(new NewProxyRun("赵六", APPLICANT_ID, phone, township, village, certificate, "renshe",
				atWindow), "window-renshe-1");
	}

	private ProxyRun reload(String caseNo) {
		return proxyRuns.find(caseNo).orElseThrow();
	}

	private ProcessInstance runProcess(String caseNo) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.processDefinitionKey("proxy-run")
			.singleResult();
	}

	private Task task(String caseNo, String key) {
		return taskService.createTaskQuery()
			.processInstanceId(runProcess(caseNo).getId())
			.taskDefinitionKey(key)
			.singleResult();
	}

	private void fetch(String caseNo, String runner, String when) {
		at(when);
		complete(runner, task(caseNo, "fetchCertificate"), Map.of("fetchNote", "已提交"));
	}

	private void issue(String caseNo, String clerk, String when) {
		at(when);
		complete(clerk, task(caseNo, "issueCertificate"), Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
	}

	private void deliver(String caseNo, String runner, String when) {
		at(when);
		complete(runner, task(caseNo, "deliverCertificate"), Map.of("deliveryConfirmed", true));
		// delivered when the using department's window signs for it
		complete("window-renshe-1", task(caseNo, "signForCertificate"), Map.of("signOutcome", "signed"));
		assertThat(reload(caseNo).getState()).isEqualTo(ProxyRunState.DELIVERED);
	}

	/**
	 * Sends the one-time code, the run's first job when the applicant authorizes online, and waits until the phone has
	 * it: the outbox mints the code as it sends, so the clock may move on only after that.
	 */
	private void sendCode(String caseNo) {
		Job job = managementService.createJobQuery().processInstanceId(runProcess(caseNo).getId()).singleResult();
		managementService.executeJob(job.getId());
		sms.lastCodeFor(caseNo);
	}

	private void confirm(String caseNo, String when) {
		at(when);
		assertThat(authorizations.confirmAuthorization(caseNo, sms.lastCodeFor(caseNo)).name()).isEqualTo("CONFIRMED");
	}

	private void expire(String caseNo, String due) {
		Job timer = managementService.createJobQuery().processInstanceId(runProcess(caseNo).getId()).timers()
			.singleResult();
		assertThat(timer.getDuedate()).isEqualTo(date(due));
		at(due, 1);
		managementService.executeJob(timer.getId());
		assertThat(reload(caseNo).getState()).isEqualTo(ProxyRunState.AUTHORIZATION_EXPIRED);
	}

	/** Runs the deadline watch's timer a minute after it fell due, as the job executor would. */
	private void fire(String caseNo, String activityId, String due) {
		Job job = managementService.createJobQuery()
			.processInstanceId(runProcess(caseNo).getId())
			.activityId(activityId)
			.singleResult();
		assertThat(job).as(activityId).isNotNull();
		assertThat(job.getDuedate()).as(activityId).isEqualTo(date(due));
		at(due, 1);
		managementService.executeJob(job.getId());
	}

	private void rate(String caseNo, String phone, RatingLevel level, String when) {
		at(when);
		assessment.rate(caseNo, phone, level, level.isBad() ? "等得太久" : "很方便");
	}

	private Task rectificationTask(String caseNo, String key) {
		return taskService.createTaskQuery()
			.processDefinitionKey("rectification")
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(key)
			.singleResult();
	}

	private void callBack(String caseNo, String who, String when, boolean appeal) {
		at(when);
		complete(who, rectificationTask(caseNo, "callBackApplicant"), appeal
				? Map.of("callBackNote", "已回访", "appealFiled", "true", "appealReason", "申请人要求出具不存在的证明，属恶意差评")
				: Map.of("callBackNote", "已回访致歉", "appealFiled", "false"));
	}

	private void rectify(String caseNo, String when) {
		at(when);
		complete("runner-county-1", rectificationTask(caseNo, "rectifyIssue"),
				Map.of("rectificationReport", "已调整派单规则"));
		assertThat(assessment.find(caseNo).orElseThrow().getRectifiedAt()).isNotNull();
	}

	private void complete(String user, Task task, Map<String, Object> variables) {
		assertThat(task).as("open task for " + user).isNotNull();
		identityService.setAuthentication(user,
				identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
		try {
			taskService.claim(task.getId(), user);
			taskService.complete(task.getId(), variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	// --- time

	static Date date(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant());
	}

	private static void at(String localDateTime) {
		at(localDateTime, 0);
	}

	private static void at(String localDateTime, int minutesLater) {
		ClockUtil.setCurrentTime(new Date(date(localDateTime).getTime() + minutesLater * 60_000L));
	}
}
