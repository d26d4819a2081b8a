package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * A runner who logs into Tasklist on the office's 1366×768 screen finds the group's open task at once, without
 * knowing which filter to click. Screenshot in target/screenshots/tasklist-landing/.
 */
@IntegrationTest
class TasklistLandingBrowserTests {

	// a township no other test opens runs in, so that the group's list holds only this test's run
	static final String TOWNSHIP = "miaoxia";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	ProxyRuns proxyRuns;

	@Test
	void runnerLandsOnTheToDoFilterWithTheGroupsTaskListed() {
		ProxyRun run = proxyRuns.open(new NewProxyRun("周九", "330825198503121239", "13905705555", TOWNSHIP,
				"miaoxia-zheyuan", "ZM-0032", "renshe", true), "window-renshe-1");

		try (BrowserContext officeDesk = chromium.newContext(1366, 768)) {
			Page tasklist = officeDesk.newPage();
			tasklist.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/");
			Chromium.logIntoWebapp(tasklist, "runner-" + TOWNSHIP + "-1", "demo");

			Locator selected = tasklist.locator(".task-filter.active");
			assertThat(selected.locator("h4.name")).containsText("待办");
			assertThat(selected.locator(".counter")).hasText("1");
			// the selected filter is the first one on the left
			assertThat(tasklist.locator(".task-filter").first()).hasClass(Pattern.compile("\\bactive\\b"));
			Locator listed = tasklist.locator("ol.tasks-list > li.task");
			assertThat(listed).hasCount(1);
			assertThat(listed.first()).containsText("向出证部门调取证明");
			assertThat(listed.first()).isInViewport();
			Chromium.screenshot(tasklist, "tasklist-landing", "runner-lands-on-to-do");

			listed.first().locator("h4.task a").click();
			assertThat(tasklist.getByLabel("办件编号")).hasValue(run.getCaseNo());
			TasklistAndCockpitBrowserTests.assertNoEnglishOn(tasklist);
		}
	}
}
