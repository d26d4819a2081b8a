package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengpaopao.IntegrationTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * A citizen on a phone reports that 县民政局 still asked for a cancelled certificate, keeps the tracking number, and,
 * once the reform office has answered in Tasklist, reads the reply on the tracking page, which never shows the phone
 * or the name. Both pages run under the public pages' Content-Security-Policy. Screenshots in target/screenshots/demand-report/.
 */
@IntegrationTest
class DemandReportBrowserTests {

	static final String SCREENSHOTS = "demand-report";
	static final String PHONE = "13705779911";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TaskService taskService;

	@Test
	void shouldTakeAReportAndShowTheReplyOnTheTrackingPage() {
		try (BrowserContext phone = chromium.newPhoneContext()) {
			// a client address of its own, so that other tests' reports from this machine do not count against it
			phone.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "10.66.1.1"));
			Page page = phone.newPage();
			List<String> violations = ContentSecurityPolicyBrowserTests.violationsOn(page);
			page.navigate("http://localhost:" + port + "/public/report");

			page.getByLabel("索要证明的部门").selectOption("minzheng");
			page.getByLabel("办理的事项").selectOption("SX-001");
			page.getByLabel("被索要的证明").selectOption("ZM-0036");
			assertThat(page.locator("#disposition")).containsText("部门不应再要求您提供");
			String yesterday = LocalDate.now(ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
			page.getByLabel("被索要的日期").fill(yesterday);
			page.getByLabel("联系人（选填）").fill("赵六");
			page.getByLabel("联系电话").fill("1370577991");
			page.getByLabel("情况说明（选填）").fill("窗口说没有证明不受理");
			page.getByText("提交举报").click();
			assertThat(page.locator("#message")).hasText("联系电话：手机号码应为11位大陆手机号");

			page.getByLabel("联系电话").fill(PHONE);
			page.getByText("提交举报").click();
			assertThat(page.locator("#accepted")).isVisible();
			assertThat(page.locator("#accepted h2")).hasText("举报已受理");
			String number = page.locator("#trackingNumber").textContent();
			assertThat(number).matches("JB\\d{8}-[0-9A-HJKMNP-TV-Z]{8}");
			Chromium.screenshot(page, SCREENSHOTS, "01-accepted");

			page.getByRole(com.microsoft.playwright.options.AriaRole.LINK, new Page.GetByRoleOptions().setName("查询办理情况")).click();
			assertThat(page.getByLabel("跟踪编号")).hasValue(number);
			page.getByText("查询", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#status")).containsText("已受理");
			assertThat(page.locator("#finding")).hasText("正在核实");

			answer(number);

			page.getByText("查询", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#status")).hasText(number + "：已答复");
			assertThat(page.locator("#finding")).hasText("不属实");
			assertThat(page.locator("#reply")).hasText("经核实，窗口未要求提供该证明。如仍有疑问，请拨打12345。");
			assertThat(page.locator("main")).not().containsText("赵六");
			assertThat(page.locator("main")).not().containsText("9911");
			Chromium.screenshot(page, SCREENSHOTS, "02-replied");

			page.getByLabel("跟踪编号").fill("JB20261129-AAAAAAAA");
			page.getByText("查询", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#error")).hasText("没有找到这个跟踪编号的举报，请核对编号");
			// both pages' scripts ran under the public pages' Content-Security-Policy
			assertThat(violations).isEmpty();
		}
	}

	/**
	 * The reform office in the real Tasklist: 核实举报 found not confirmed, then 答复举报人. Tasklist's submissions go
	 * through the same checks as engine REST (form fields only, read-only ones unchanged).
	 */
	void answer(String number) {
		try (BrowserContext desk = chromium.newDesktopContext()) {
			Task verify = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
			Page tasklist = desk.newPage();
			tasklist.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + verify.getId());
			Chromium.logIntoWebapp(tasklist, "manager-1", "demo");

			assertThat(tasklist.getByLabel("跟踪编号")).hasValue(number);
			assertThat(tasklist.getByLabel("被举报部门")).hasValue("县民政局");
			completeInTasklist(tasklist, "03-verify", () -> {
				tasklist.getByLabel("不属实").check();
				tasklist.getByLabel("核实情况").fill("调阅窗口记录，未要求提供");
			});

			Task reply = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
			assertThat(reply.getTaskDefinitionKey()).isEqualTo("replyToReporter");
			tasklist.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + reply.getId());
			assertThat(tasklist.getByLabel("跟踪编号")).hasValue(number);
			completeInTasklist(tasklist, "04-reply", () -> tasklist.getByLabel("给举报人的答复（公开）")
				.fill("经核实，窗口未要求提供该证明。如仍有疑问，请拨打12345。"));
		}
		assertThat(taskService.createTaskQuery().processInstanceBusinessKey(number).count()).isZero();
	}

	void completeInTasklist(Page tasklist, String step, Runnable fillForm) {
		tasklist.locator("button.claim").click();
		assertThat(tasklist.locator("li.assignee")).isVisible();
		fillForm.run();
		Chromium.screenshot(tasklist, SCREENSHOTS, step);
		tasklist.locator(".form-actions button.btn-primary", new Page.LocatorOptions().setHasText("完成")).click();
		assertThat(tasklist.getByText("请在列表中选择一个任务。")).isVisible();
	}
}
