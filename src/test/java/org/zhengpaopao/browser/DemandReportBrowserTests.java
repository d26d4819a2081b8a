package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
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
 * A citizen on a phone reports that 县民政局 still asked for a cancelled certificate, keeps the tracking number, and
 * later reads the reform office's reply on the tracking page, which never shows the phone or the name.
 * Both pages run under the public pages' Content-Security-Policy. Screenshots in target/screenshots/demand-report/.
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

	@Autowired
	IdentityService identityService;

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

	/** The reform office in Tasklist: not confirmed by the department, and the reply to the reporter. */
	void answer(String number) {
		identityService.setAuthentication("manager-1", List.of("managers"));
		try {
			Task verify = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
			taskService.claim(verify.getId(), "manager-1");
			taskService.complete(verify.getId(), Map.of("finding", "notConfirmed", "findingNote", "调阅窗口记录，未要求提供"));
			Task reply = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
			taskService.claim(reply.getId(), "manager-1");
			taskService.complete(reply.getId(), Map.of("reply", "经核实，窗口未要求提供该证明。如仍有疑问，请拨打12345。"));
		}
		finally {
			identityService.clearAuthentication();
		}
	}
}
