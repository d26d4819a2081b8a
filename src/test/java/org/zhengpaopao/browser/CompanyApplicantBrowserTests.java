package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A company's proxy-run as the runner, the issuing clerk and the manager see it in Tasklist and Cockpit: the form
 * says 企业, the 「申请人」 tab shows the company with its credit code and the contact's phone masked, the clerk reveals
 * the phone, and Cockpit's overdue list names the company. Screenshots land in target/screenshots/company-applicant/.
 */
@IntegrationTest
class CompanyApplicantBrowserTests {

	static final String SCREENSHOTS = "company-applicant";
	/** no other test opens runs in 小南海镇 */
	static final String TOWNSHIP = "xiaonanhai";
	static final String COMPANY = "龙游县小南海石材有限公司";
	static final String CREDIT_CODE = "91330825MA2DB1004E";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	ProxyRun openCompanysRun() {
		return proxyRuns.open(new NewProxyRun(ApplicantType.COMPANY, COMPANY, null, CREDIT_CODE, "蒋丽", "13905708801",
				TOWNSHIP, "xiaonanhai-shijiao", "ZM-0032", "minzheng", true), "window-minzheng-1");
	}

	Task openTask(ProxyRun run) {
		return taskService.createTaskQuery().processInstanceBusinessKey(run.getCaseNo()).singleResult();
	}

	Page login(BrowserContext browser, String app, String user, String fragment) {
		Page page = browser.newPage();
		page.navigate("http://localhost:" + port + "/camunda/app/" + app + "/default/" + fragment);
		Chromium.logIntoWebapp(page, user, "demo");
		return page;
	}

	Locator tab(Page tasklist, String name) {
		return tasklist.locator(".task-details .nav-tabs a", new Page.LocatorOptions().setHasText(name));
	}

	@Test
	void runnerAndClerkSeeTheCompanyAndTheClerkRevealsTheContactsPhone() {
		ProxyRun run = openCompanysRun();
		Task fetch = openTask(run);

		try (BrowserContext runnerDesk = chromium.newDesktopContext()) {
			Page tasklist = login(runnerDesk, "tasklist", "runner-" + TOWNSHIP + "-1", "#/?task=" + fetch.getId());
			assertThat(tasklist.getByLabel("办件编号")).hasValue(run.getCaseNo());
			assertThat(tasklist.getByLabel("企业")).isChecked();
			assertThat(tasklist.getByLabel("个人")).not().isChecked();
			Chromium.screenshot(tasklist, SCREENSHOTS, "00-runner-form-says-company");
			tab(tasklist, "申请人").click();
			assertThat(tasklist.locator("dd.zpp-企业名称")).hasText(COMPANY);
			assertThat(tasklist.locator("dd.zpp-统一社会信用代码")).hasText(CREDIT_CODE);
			assertThat(tasklist.locator("dd.zpp-联系人")).hasText("蒋丽");
			assertThat(tasklist.locator("dd.zpp-联系电话")).hasText("139****8801");
			assertThat(tasklist.locator("dd.zpp-身份证号")).hasCount(0);
			assertThat(tasklist.getByText("显示完整联系电话")).hasCount(0);
			Chromium.screenshot(tasklist, SCREENSHOTS, "01-runner-sees-the-company");
			TasklistAndCockpitBrowserTests.assertNoEnglishOn(tasklist);

			// the form goes back with the kind of applicant as shown: the read-only field passes the submission guard
			tab(tasklist, "表单").click();
			tasklist.locator("button.claim").click();
			assertThat(tasklist.locator("li.assignee")).containsText("小南海镇");
			tasklist.getByLabel("调取说明").fill("已凭企业授权委托书提交");
			tasklist.locator(".form-actions button.btn-primary", new Page.LocatorOptions().setHasText("完成")).click();
			assertThat(tasklist.getByText("请在列表中选择一个任务。")).isVisible();
		}
		assertThat(taskService.createTaskQuery().taskId(fetch.getId()).count()).isZero();

		Task issue = openTask(run);
		try (BrowserContext clerkDesk = chromium.newDesktopContext()) {
			Page tasklist = login(clerkDesk, "tasklist", "clerk-" + TOWNSHIP + "-1", "#/?task=" + issue.getId());
			assertThat(tasklist.getByLabel("企业")).isChecked();
			tab(tasklist, "申请人").click();
			assertThat(tasklist.getByText("联系电话已部分隐藏。")).isVisible();
			tasklist.getByText("显示完整联系电话").click();
			assertThat(tasklist.locator("dd.zpp-联系电话")).hasText("13905708801");
			assertThat(tasklist.locator("dd.zpp-统一社会信用代码")).hasText(CREDIT_CODE);
			assertThat(tasklist.getByText("本次查看已记录")).isVisible();
			Chromium.screenshot(tasklist, SCREENSHOTS, "02-clerk-reveals-the-contacts-phone");
			TasklistAndCockpitBrowserTests.assertNoEnglishOn(tasklist);
		}
	}

	@Test
	void managerFindsTheCompanyInCockpitsOverdueList() {
		ProxyRun run = openCompanysRun();
		String instance = openTask(run).getProcessInstanceId();
		for (String timer : new String[] { "yellowCardDue", "deadlineReached" }) {
			String job = managementService.createJobQuery()
				.processInstanceId(instance)
				.activityId(timer)
				.singleResult()
				.getId();
			managementService.setJobDuedate(job, new Date(ClockUtil.getCurrentTime().getTime() - 1000));
			managementService.executeJob(job);
		}

		try (BrowserContext managerDesk = chromium.newDesktopContext()) {
			Page cockpit = login(managerDesk, "cockpit", "manager-1", "");
			Locator overdue = cockpit.locator(".zpp-overdue");
			cockpit.locator("#zpp-filter-township").selectOption(TOWNSHIP);
			Locator row = overdue.locator("tr", new Locator.LocatorOptions().setHasText(run.getCaseNo()));
			assertThat(row.locator(".zpp-applicant")).hasText("企业：" + COMPANY);
			assertThat(row).containsText("红牌");
			Chromium.screenshot(cockpit, SCREENSHOTS, "03-manager-overdue-company");

			row.locator("a").click();
			cockpit.getByText("代跑详情").click();
			Locator details = cockpit.locator(".zpp-details");
			assertThat(details).containsText("统一社会信用代码");
			assertThat(details).containsText(CREDIT_CODE);
			assertThat(details).containsText("139****8801");
			assertThat(details).not().containsText("13905708801");
			Chromium.screenshot(cockpit, SCREENSHOTS, "04-manager-opens-the-companys-run");
		}
		assertThat(proxyRuns.find(run.getCaseNo()).orElseThrow().getCard().name()).isEqualTo("RED");
	}
}
