package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengpaopao.IntegrationTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;

/**
 * Our pages work under their Content-Security-Policy, which forbids inline scripts and style attributes: Chromium
 * reports every blocked script, style or image on the console, and none may appear. Screenshots in
 * target/screenshots/content-security-policy/.
 */
@IntegrationTest
class ContentSecurityPolicyBrowserTests {

	static final String SCREENSHOTS = "content-security-policy";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	String page(String path) {
		return "http://localhost:" + port + path;
	}

	/** What Chromium says on the console when the page's policy blocks something, from now on. */
	static List<String> violationsOn(Page page) {
		List<String> violations = new ArrayList<>();
		page.onConsoleMessage(message -> {
			if (message.text().contains("Content Security Policy")) {
				violations.add(message.text());
			}
		});
		return violations;
	}

	@Test
	void shouldRunThePublicPagesScriptsUnderThePolicy() {
		try (BrowserContext phone = chromium.newPhoneContext()) {
			Page page = phone.newPage();
			List<String> violations = violationsOn(page);

			// the link in the text message carries the case number; the page's script copies it into the form
			page.navigate(page("/public/authorize?caseNo=DP20261128-000042"));
			assertThat(page.getByLabel("办件编号")).hasValue("DP20261128-000042");
			page.navigate(page("/public/rate?caseNo=DP20261128-000042"));
			assertThat(page.getByLabel("办件编号")).hasValue("DP20261128-000042");

			page.navigate(page("/public/track"));
			page.getByLabel("办件编号").fill("DP20261128-999999");
			page.getByLabel("手机号码").fill("13905706699");
			page.getByText("查询", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#error")).hasText("未找到与该办件编号和手机号匹配的代跑");
			Chromium.screenshot(page, SCREENSHOTS, "01-track");

			assertThat(violations).isEmpty();
		}
	}

	@Test
	void shouldBlockAnInlineScriptOnAPublicPage() {
		try (BrowserContext phone = chromium.newPhoneContext()) {
			Page page = phone.newPage();
			List<String> violations = violationsOn(page);
			page.navigate(page("/public/track"));
			assertThat(page.locator("h1")).hasText("证跑跑 · 办件进度查询");

			// what an injected <script> would try: it must not run, and Chromium says why
			page.evaluate("() => { const s = document.createElement('script'); "
					+ "s.textContent = 'document.title = \"injected\"'; document.body.appendChild(s); }");

			assertThat(page).hasTitle("办件进度查询 - 证跑跑");
			assertThat(violations).singleElement().asString().contains("script-src 'self'");
		}
	}

	@Test
	void shouldDrawTheKpiDashboardUnderThePolicy() {
		try (BrowserContext desk = chromium.newDesktopContext()) {
			// the dashboard reads /api/kpi with the Cockpit login
			Page page = desk.newPage();
			List<String> cockpitViolations = violationsOn(page);
			page.navigate(page("/camunda/app/cockpit/default/"));
			Chromium.logIntoWebapp(page, "manager-1", "demo");
			assertThat(page.locator(".zpp-overdue")).isVisible();
			// Cockpit, with our plugin in it, under Camunda's policy
			assertThat(cockpitViolations).isEmpty();

			List<String> violations = violationsOn(page);
			page.navigate(page("/kpi/"));
			assertThat(page.locator("#rateCards .card")).hasCount(4);
			assertThat(page.locator("#rateCards .card").first()).containsText("一证通办率（按办件）");
			// the county's own figures, per matter, next to the per-case ones
			assertThat(page.locator("#matterFigures h2")).containsText("事项口径（按事项统计）");
			assertThat(page.locator("#matterCards .card")).hasCount(4);
			assertThat(page.locator("#matterCards .card").first()).containsText("民生事项一证通办率（按事项）");
			Locator batches = page.locator("#batchTable tr");
			assertThat(batches).hasCount(4);
			assertThat(batches.nth(1)).containsText("2017年清理");
			assertThat(batches.nth(3).locator("td").first()).hasText("2018年9月第二批");
			assertThat(batches.nth(3).locator("td").last()).hasText("583");
			assertThat(page.locator("#issuerTable th").last()).hasText("属实举报");
			assertThat(page.locator("#coverageCards .card").first()).containsText("服务圈覆盖率");
			Locator swatch = page.locator("#runTrend .legend i").first();
			assertThat(swatch).isVisible();
			// the legend's colours are set through the CSSOM, which the policy allows (a style attribute it would not)
			assertThat(swatch.evaluate("i => getComputedStyle(i).backgroundColor")).isEqualTo("rgb(31, 111, 178)");
			Chromium.screenshot(page, SCREENSHOTS, "02-kpi");

			assertThat(violations).isEmpty();
		}
	}

	@Test
	void shouldShowSwaggerUiUnderItsOwnPolicy() {
		// Swagger UI is for managers and admins (docs/adr/0004-production-exposure.md)
		try (BrowserContext desk = chromium.newDesktopContext("manager-1", "demo")) {
			Page page = desk.newPage();
			List<String> violations = violationsOn(page);

			page.navigate(page("/swagger-ui.html"));
			assertThat(page.locator(".swagger-ui .info .title")).isVisible();
			assertThat(page.locator(".opblock").first()).isVisible();
			Chromium.screenshot(page, SCREENSHOTS, "03-swagger-ui");

			assertThat(violations).isEmpty();
		}
	}
}
