package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.identity.Groups;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/** The manager opens the KPI dashboard and sees the service circle's gap: which group, which villages. */
@IntegrationTest
class CoverageDashboardBrowserTests {

	static final String GROUP = Groups.townshipRunners("muchen");

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identityService;

	List<String> removed = List.of();

	@AfterEach
	void refill() {
		removed.forEach(user -> identityService.createMembership(user, GROUP));
	}

	@Test
	void shouldShowTheGapsOfTheServiceCircleToTheManager() {
		removed = identityService.createUserQuery().memberOfGroup(GROUP).list().stream().map(u -> u.getId()).toList();
		removed.forEach(user -> identityService.deleteMembership(user, GROUP));

		try (BrowserContext desk = chromium.newDesktopContext()) {
			String basic = Base64.getEncoder().encodeToString("manager-1:demo".getBytes(StandardCharsets.UTF_8));
			desk.setExtraHTTPHeaders(Map.of("Authorization", "Basic " + basic));
			Page page = desk.newPage();
			page.navigate("http://localhost:" + port + "/kpi/");

			assertThat(page.locator("#coverageCards .card")).hasCount(3);
			assertThat(page.locator("#coverageCards .card.warn").first()).containsText("服务圈覆盖率");
			assertThat(page.locator("#coverageGaps tr")).hasCount(2);
			assertThat(page.locator("#coverageGaps tr").nth(1)).containsText(GROUP);
			assertThat(page.locator("#coverageGaps tr").nth(1)).containsText("待巡查");
			// 沐尘村 and 社里村 have agents of their own: only 双戴村 and 木城村 are left without anybody
			assertThat(page.locator("#coverageGaps tr").nth(1)).containsText("双戴村");
			assertThat(page.locator("#coverageGaps tr").nth(1)).not().containsText("沐尘村");
			assertThat(page.locator("#villageCoverageCards .card")).hasCount(3);
			assertThat(page.locator("#villageCoverageCards .card").nth(0)).containsText("本村代办员覆盖");
			assertThat(page.locator("#villageCoverageCards .card").nth(0)).containsText("19 个");
			assertThat(page.locator("#villageCoverageCards .card").nth(1)).containsText("仅由乡镇联动群覆盖");
			assertThat(page.locator("#villageCoverageCards .card.warn")).containsText("未覆盖");
			assertThat(page.locator("#villageCoverageCards .card.warn")).containsText("2 个");
			assertThat(page.locator("#townshipOnlyVillages")).containsText("湖镇镇");
			assertThat(page.locator("#townshipOnlyVillages")).containsText("下库村");
			assertThat(page.locator("#townshipOnlyVillages")).not().containsText("星火村");
			assertThat(page.locator("#townshipOnlyVillages")).not().containsText("沐尘");
			Chromium.screenshot(page, "coverage", "01-gap-on-dashboard");
		}
	}
}
