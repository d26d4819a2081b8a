package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestFiles;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.assessment.RatingLevel;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;

/**
 * The runners', the clerk's and the manager's day in Tasklist and Cockpit, in headless Chromium with a Chinese
 * browser in Beijing time. Runs are opened through the service API, as the window does; everything after that is
 * clicked. Screenshots of each step land in target/screenshots/tasklist-cockpit/.
 */
@IntegrationTest
class TasklistAndCockpitBrowserTests {

	static final String SCREENSHOTS = "tasklist-cockpit";

	// townships no other test opens runs in, so each group's list holds only what this class put there
	static final String TOWNSHIP = "hengshan";
	static final String OTHER_TOWNSHIP = "luojia";
	static final String FAMILY_HARDSHIP_CERTIFICATE = "ZM-0032"; // 困难家庭证明, issued by the township, 3 working days

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};
	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	Assessment assessment;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	ProxyRun open(String township, String village) {
		return proxyRuns.open(new NewProxyRun("张三", "330825198503121239", "13905701234", township, village,
				FAMILY_HARDSHIP_CERTIFICATE, "renshe", true), "window-renshe-1");
	}

	Task openTask(ProxyRun run) {
		return taskService.createTaskQuery().processInstanceBusinessKey(run.getCaseNo()).singleResult();
	}

	/** Logs in through the webapp's own login form and lands on {@code fragment} of the app. */
	Page login(BrowserContext browser, String app, String user, String fragment) {
		Page page = browser.newPage();
		page.navigate("http://localhost:" + port + "/camunda/app/" + app + "/default/" + fragment);
		assertThat(page.locator("button[type=submit]")).hasText("登录");
		Chromium.screenshot(page, SCREENSHOTS, "00-login-" + app);
		Chromium.logIntoWebapp(page, user, "demo");
		return page;
	}

	/**
	 * Runners read Chinese all day: an English word on the screen is a missing translation. The product's name in
	 * the footer and the time zone's name are the only Latin words allowed, and the engine's name: Tasklist offers an
	 * engine chooser only when the JVM holds two engines, as this test suite's does (H2 and MariaDB); and the file
	 * formats a certificate comes in, which have no Chinese names (a file's name ends in one).
	 */
	static void assertNoEnglishOn(Page page) {
		String text = (String) page.locator("body").evaluate("body => body.innerText");
		assertThat(Pattern.compile("[A-Za-z]{3,}").matcher(text).results().map(MatchResult::group).distinct())
			.as("English words on the screen")
			.isSubsetOf("Camunda", "Platform", "Asia", "Shanghai", "default", "PDF", "pdf", "JPEG", "PNG");
	}

	Locator filter(Page tasklist, String name) {
		return tasklist.locator(".task-filter", new Page.LocatorOptions().setHasText(name));
	}

	/** A tab of the open task: its form, the 「申请人」 plugin, history, … */
	Locator tab(Page tasklist, String name) {
		return tasklist.locator(".task-details .nav-tabs a", new Page.LocatorOptions().setHasText(name));
	}

	Locator listedTasks(Page tasklist) {
		return tasklist.locator("ol.tasks-list > li.task");
	}

	/** Claims the open task, which then shows the user's name as assignee, fills in the form and completes it. */
	void claimAndComplete(Page tasklist, String userName, String step, Runnable fillForm) {
		claim(tasklist, userName);
		fillForm.run();
		Chromium.screenshot(tasklist, SCREENSHOTS, step);
		tasklist.locator(".form-actions button.btn-primary", new Page.LocatorOptions().setHasText("完成")).click();
		assertTaskClosed(tasklist);
	}

	/** After completing, Tasklist closes the form and asks for the next task. */
	void assertTaskClosed(Page tasklist) {
		assertThat(tasklist.getByText("请在列表中选择一个任务。")).isVisible();
	}

	void claim(Page tasklist, String userName) {
		tasklist.locator("button.claim").click();
		assertThat(tasklist.locator("li.assignee")).containsText(userName);
	}

	long tasksOfGroup(String group) {
		return taskService.createTaskQuery().taskCandidateGroup(group).includeAssignedTasks().count();
	}

	@Test
	void runnerFetchesClerkAttachesRunnerDeliversFromAPhoneAndWindowSigns() {
		ProxyRun run = open(TOWNSHIP, "hengshan-tianchi");
		ProxyRun otherTownshipsRun = open(OTHER_TOWNSHIP, "luojia-hecun");
		Task fetch = openTask(run);

		// 1. the township's runner: Chinese Tasklist, the group's tasks only, claims, fills in and completes
		try (BrowserContext runnerDesk = chromium.newDesktopContext()) {
			Page tasklist = login(runnerDesk, "tasklist", "runner-hengshan-1", "");
			assertThat(filter(tasklist, "我的任务")).isVisible();
			assertThat(tasklist.locator(".brand-name")).hasText("证跑跑 任务列表");
			Chromium.screenshot(tasklist, SCREENSHOTS, "01-runner-logged-in");
			assertNoEnglishOn(tasklist);

			filter(tasklist, "我的群组任务").click();
			assertThat(listedTasks(tasklist)).hasCount((int) tasksOfGroup("runners-" + TOWNSHIP));
			assertThat(listedTasks(tasklist).first()).containsText("向出证部门调取证明");
			assertThat(listedTasks(tasklist).first().locator(".due-date [uib-tooltip]"))
				.hasAttribute("uib-tooltip", beijingTime(run));
			Chromium.screenshot(tasklist, SCREENSHOTS, "02-runner-group-tasks");

			listedTasks(tasklist).first().locator("h4.task a").click();
			assertThat(tasklist.getByLabel("办件编号")).hasValue(run.getCaseNo());
			assertThat(tasklist.getByLabel("出证单位")).hasValue("横山镇");
			assertNoEnglishOn(tasklist);
			tab(tasklist, "申请人").click();
			assertThat(tasklist.locator("dd.zpp-申请人")).hasText("张三");
			assertThat(tasklist.locator("dd.zpp-手机号")).hasText("139****1234");
			assertThat(tasklist.getByText("显示完整身份证号和手机号")).hasCount(0);
			tab(tasklist, "表单").click();
			claimAndComplete(tasklist, "横山镇代跑员一", "03-runner-fetch-form-filled", () -> tasklist.getByLabel("调取说明").fill("已到镇民政办提交调取申请"));
		}
		assertThat(taskService.createTaskQuery().taskId(fetch.getId()).count()).isZero();
		assertThat(runtimeService.getVariable(fetch.getProcessInstanceId(), "fetchNote"))
			.isEqualTo("已到镇民政办提交调取申请");

		// 2. the issuing clerk of the township issues ...
		Task issue = openTask(run);
		assertThat(issue.getTaskDefinitionKey()).isEqualTo("issueCertificate");
		try (BrowserContext clerkDesk = chromium.newDesktopContext()) {
			Page tasklist = login(clerkDesk, "tasklist", "clerk-hengshan-1", "#/?task=" + issue.getId());
			assertThat(tasklist.getByLabel("办件编号")).hasValue(run.getCaseNo());
			// the 「申请人」 tab: masked, and the full numbers on request, for the issuing clerk only
			tab(tasklist, "申请人").click();
			assertThat(tasklist.locator("dd.zpp-身份证号")).hasText("330***********1239");
			tasklist.getByText("显示完整身份证号和手机号").click();
			assertThat(tasklist.locator("dd.zpp-身份证号")).hasText("330825198503121239");
			assertThat(tasklist.locator("dd.zpp-手机号")).hasText("13905701234");
			assertThat(tasklist.getByText("本次查看已记录")).isVisible();
			Chromium.screenshot(tasklist, SCREENSHOTS, "04-clerk-reveals-applicant");
			assertNoEnglishOn(tasklist);
			// the 「证明文件」 tab: the clerk attaches the issued certificate as a PDF
			tab(tasklist, "证明文件").click();
			assertThat(tasklist.locator("dd.zpp-证明文件")).hasText("未上传");
			tasklist.locator("input.zpp-certificate-file").setInputFiles(new FilePayload("家庭经济困难证明.pdf",
					"application/pdf", TestFiles.pdf(2)));
			tasklist.locator("button.zpp-upload").click();
			assertThat(tasklist.locator("dd.zpp-证明文件")).containsText("家庭经济困难证明.pdf（PDF");
			assertThat(tasklist.locator("a.zpp-stamped-copy")).isVisible();
			Chromium.screenshot(tasklist, SCREENSHOTS, "04-clerk-attaches-certificate");
			assertNoEnglishOn(tasklist);
			tab(tasklist, "表单").click();
			claimAndComplete(tasklist, "横山镇经办人一", "04-clerk-issue-form-filled", () -> tasklist.getByLabel("已出具").check());
		}
		assertThat(proxyRuns.find(run.getCaseNo()).orElseThrow().getCertificateDocumentId()).isNotNull();

		// ... and the runner, out of the office, delivers from a phone
		Task deliver = openTask(run);
		assertThat(deliver.getTaskDefinitionKey()).isEqualTo("deliverCertificate");
		try (BrowserContext runnerPhone = chromium.newPhoneContext()) {
			Page tasklist = login(runnerPhone, "tasklist", "runner-hengshan-1", "#/?task=" + deliver.getId());
			assertThat(tasklist.getByLabel("办件编号")).hasValue(run.getCaseNo());
			assertThat(tasklist.locator("html").evaluate("e => e.scrollWidth")).as("no sideways scrolling at 390 px")
				.isEqualTo(390);
			claim(tasklist, "横山镇代跑员一");
			assertThat(tasklist.getByLabel("证明形式")).hasValue("证明文件");
			tasklist.getByLabel("已将证明送交用证部门窗口").check();
			tasklist.getByLabel("送达说明").fill("已送人社局窗口");
			Locator complete = tasklist.locator(".form-actions button.btn-primary");
			complete.scrollIntoViewIfNeeded();
			var box = complete.boundingBox();
			assertThat(box.x).isGreaterThanOrEqualTo(0);
			assertThat(box.x + box.width).as("the complete button fits the phone's width").isLessThanOrEqualTo(390);
			Chromium.screenshot(tasklist, SCREENSHOTS, "05-runner-delivers-on-phone");
			assertNoEnglishOn(tasklist);
			complete.click();
			assertTaskClosed(tasklist);
		}

		assertThat(get("runner-hengshan-1", "/api/proxy-runs/" + run.getCaseNo(), JSON).getBody())
			.as("handed over, not yet delivered").containsEntry("state", "HANDED_OVER");

		// 3. the using department's window opens the stamped copy and signs for the certificate
		Task signature = openTask(run);
		assertThat(signature.getTaskDefinitionKey()).isEqualTo("signForCertificate");
		try (BrowserContext windowDesk = chromium.newDesktopContext()) {
			Page tasklist = login(windowDesk, "tasklist", "window-renshe-1", "#/?task=" + signature.getId());
			assertThat(tasklist.getByLabel("证明形式")).hasValue("证明文件");
			tab(tasklist, "证明文件").click();
			assertThat(tasklist.locator("dd.zpp-证明文件")).containsText("家庭经济困难证明.pdf");
			// what the link opens, fetched with the window's session (headless Chromium saves a PDF instead of showing it)
			String href = tasklist.locator("a.zpp-stamped-copy").getAttribute("href");
			assertThat(href).endsWith("/api/proxy-runs/" + run.getCaseNo() + "/certificate");
			var copy = windowDesk.request().get("http://localhost:" + port + href);
			assertThat(copy.status()).isEqualTo(200);
			assertThat(copy.headers().get("content-type")).startsWith("application/pdf");
			tasklist.reload();
			tab(tasklist, "证明文件").click();
			assertThat(tasklist.locator("ul.zpp-downloads li")).hasCount(1);
			assertThat(tasklist.locator("ul.zpp-downloads li")).containsText("窗口一");
			Chromium.screenshot(tasklist, SCREENSHOTS, "06-window-sees-certificate");
			assertNoEnglishOn(tasklist);
			tab(tasklist, "表单").click();
			claimAndComplete(tasklist, "窗口一", "06-window-signs", () -> tasklist.getByLabel("签收", new Page.GetByLabelOptions().setExact(true)).check());
		}

		var staffView = get("runner-hengshan-1", "/api/proxy-runs/" + run.getCaseNo(), JSON);
		assertThat(staffView.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(staffView.getBody()).containsEntry("state", "DELIVERED");

		// 5. a runner of another township sees only their own township's task, and cannot open this one
		try (BrowserContext otherRunner = chromium.newDesktopContext()) {
			Page tasklist = login(otherRunner, "tasklist", "runner-luojia-1", "");
			filter(tasklist, "我的群组任务").click();
			assertThat(listedTasks(tasklist)).hasCount((int) tasksOfGroup("runners-" + OTHER_TOWNSHIP));
			listedTasks(tasklist).first().locator("h4.task a").click();
			assertThat(tasklist.getByLabel("办件编号")).hasValue(otherTownshipsRun.getCaseNo());
			Chromium.screenshot(tasklist, SCREENSHOTS, "07-other-township-own-tasks");
		}
	}

	@Test
	void runnerSeesThePhoneInFullToCallBackAfterABadRating() {
		ProxyRun run = open(TOWNSHIP, "hengshan-tianchi");
		taskService.complete(openTask(run).getId(), Map.of("fetchNote", "已提交"));
		taskService.complete(openTask(run).getId(), Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		taskService.complete(openTask(run).getId(), Map.of("deliveryConfirmed", true));
		taskService.complete(openTask(run).getId(), Map.of("signOutcome", "signed"));
		assessment.rate(run.getCaseNo(), "13905701234", RatingLevel.DISSATISFIED, "等了太久");
		Task callBack = taskService.createTaskQuery()
			.processInstanceBusinessKey(run.getCaseNo())
			.taskDefinitionKey("callBackApplicant")
			.singleResult();

		try (BrowserContext runnerDesk = chromium.newDesktopContext()) {
			Page tasklist = login(runnerDesk, "tasklist", "runner-hengshan-1", "#/?task=" + callBack.getId());
			tab(tasklist, "申请人").click();
			assertThat(tasklist.locator("dd.zpp-手机号")).hasText("139****1234");
			tasklist.getByText("显示完整手机号以便回访").click();
			assertThat(tasklist.locator(".zpp-回访电话")).hasText("13905701234");
			assertThat(tasklist.getByText("本次查看已记录")).isVisible();
			Chromium.screenshot(tasklist, SCREENSHOTS, "08-runner-call-back-phone");
			assertNoEnglishOn(tasklist);
		}
	}

	@Test
	void runnerGivesBackAClaimAndSeesNoActionTheProcessDoesNotAllow() {
		ProxyRun run = open(TOWNSHIP, "hengshan-zhitang");
		Task fetch = openTask(run);

		try (BrowserContext runnerDesk = chromium.newDesktopContext()) {
			Page tasklist = login(runnerDesk, "tasklist", "runner-hengshan-1", "#/?task=" + fetch.getId());
			assertThat(tasklist.getByLabel("办件编号")).hasValue(run.getCaseNo());
			// the engine refuses these to runners (docs/security.md, "Engine requests"), so Tasklist does not offer them
			for (String action : List.of("创建任务", "启动流程", "添加备注", "设置跟进日期")) {
				assertThat(tasklist.getByText(action)).isHidden();
			}
			claim(tasklist, "横山镇代跑员一");
			Chromium.screenshot(tasklist, SCREENSHOTS, "10-runner-claimed");

			tasklist.locator("li.assignee button.unclaim").click();

			assertThat(tasklist.locator("button.claim")).isVisible();
			Chromium.screenshot(tasklist, SCREENSHOTS, "11-runner-gave-the-claim-back");
		}
		assertThat(taskService.createTaskQuery().taskId(fetch.getId()).singleResult().getAssignee()).isNull();
	}

	@Test
	void runnerOfAnotherTownshipCannotOpenTheFetchTask() {
		ProxyRun run = open(TOWNSHIP, "hengshan-zhitang");
		Task fetch = openTask(run);

		try (BrowserContext otherRunner = chromium.newDesktopContext()) {
			Page tasklist = login(otherRunner, "tasklist", "runner-luojia-1", "#/?task=" + fetch.getId());
			assertThat(tasklist.getByText("该任务已不存在")).isVisible();
			assertThat(tasklist.locator("button.claim")).hasCount(0);
			filter(tasklist, "我的群组任务").click();
			assertThat(tasklist.locator("section.tasks-list")).not().containsText(run.getCaseNo());
			Chromium.screenshot(tasklist, SCREENSHOTS, "07-other-township-cannot-open");
		}
	}

	@Test
	void managerFindsTheOverdueRunInCockpitAndOpensIt() {
		ProxyRun run = open(TOWNSHIP, "hengshan-houtianpu");
		String instance = openTask(run).getProcessInstanceId();
		// 3. the yellow-card and then the red-card timer made due now, through the engine API, and fired
		fireTimerNow(instance, "yellowCardDue");
		fireTimerNow(instance, "deadlineReached");

		try (BrowserContext managerDesk = chromium.newDesktopContext()) {
			Page cockpit = login(managerDesk, "cockpit", "manager-1", "");
			Locator overdue = cockpit.locator(".zpp-overdue");
			assertThat(overdue.locator("h2")).hasText("超期代跑");
			cockpit.locator("#zpp-filter-township").selectOption(TOWNSHIP);
			Locator row = overdue.locator("tr", new Locator.LocatorOptions().setHasText(run.getCaseNo()));
			assertThat(row).containsText("横山镇");
			assertThat(row).containsText("红牌");
			assertThat(row).containsText("一级督办");
			Chromium.screenshot(cockpit, SCREENSHOTS, "08-manager-overdue-runs");

			row.getByRole(AriaRole.LINK).click();
			assertThat(cockpit).hasURL(Pattern.compile("#/process-instance/" + instance + "/runtime"));
			assertThat(cockpit.locator("body")).containsText(run.getCaseNo());
			cockpit.getByText("代跑详情").click();
			assertThat(cockpit.locator(".zpp-details")).containsText("红牌");
			Chromium.screenshot(cockpit, SCREENSHOTS, "09-manager-opens-the-run");
		}
	}

	/** What an operator does in Cockpit or with curl: set the timer job's due date to now, then run it. */
	void fireTimerNow(String processInstanceId, String activityId) {
		var jobs = get("admin", "/engine-rest/job?processInstanceId=" + processInstanceId + "&activityId=" + activityId,
				LIST);
		assertThat(jobs.getBody()).as(activityId).hasSize(1);
		String job = (String) jobs.getBody().get(0).get("id");
		String now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai"))
			.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ"));
		assertThat(send(HttpMethod.PUT, "/engine-rest/job/" + job + "/duedate", Map.of("duedate", now)))
			.isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(send(HttpMethod.POST, "/engine-rest/job/" + job + "/execute", null))
			.isEqualTo(HttpStatus.NO_CONTENT);
	}

	/** The due date as Tasklist's Chinese locale writes it: 2026年12月2日星期三 18:00. */
	static String beijingTime(ProxyRun run) {
		return DateTimeFormatter.ofPattern("y年M月d日EEEE HH:mm", Locale.CHINA)
			.format(run.getDueAt().atZone(ZoneId.of("Asia/Shanghai")));
	}

	<T> ResponseEntity<T> get(String user, String path, ParameterizedTypeReference<T> type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
	}

	HttpStatusCode send(HttpMethod method, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("admin", "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.exchange(path, method, new HttpEntity<>(body, headers), String.class).getStatusCode();
	}
}
