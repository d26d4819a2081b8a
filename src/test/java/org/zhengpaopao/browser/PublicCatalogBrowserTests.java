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
import com.microsoft.playwright.options.AriaRole;

/**
 * A citizen on a phone looks the catalog up: types the initials, opens the matter, reads which certificate was
 * cancelled, on what basis and when, and finds the way to report a department that still asks for it. Under the
 * public pages' Content-Security-Policy, with no console error and no sideways scrolling. Screenshots in
 * target/screenshots/public-catalog/.
 */
@IntegrationTest
class PublicCatalogBrowserTests {

	static final String SCREENSHOTS = "public-catalog";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	/**
	 * Console errors (CSP violations among them) and uncaught script errors, from now on. The catalog page names no
	 * icon to fetch; the other public pages do not yet, so Chromium's request for /favicon.ico (a 404) is not theirs.
	 */
	static List<String> errorsOn(Page page) {
		List<String> errors = new ArrayList<>();
		page.onConsoleMessage(message -> {
			boolean icon = message.location() != null && message.location().contains("/favicon.ico")
					&& !page.url().contains("/public/catalog");
			if (!icon && (message.type().equals("error") || message.text().contains("Content Security Policy"))) {
				errors.add(message.text() + " at " + message.location());
			}
		});
		page.onPageError(errors::add);
		return errors;
	}

	@Test
	void shouldFindAMatterByItsInitialsAndShowItsCancelledCertificateOnAPhone() {
		try (BrowserContext phone = chromium.newPhoneContext()) {
			Page page = phone.newPage();
			List<String> errors = errorsOn(page);
			page.navigate("http://localhost:" + port + "/public/catalog");

			assertThat(page.locator("#banner h2")).hasText("清单之外无证明");
			Locator report = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("被要求提供清单外或已取消的证明？去举报"));
			assertThat(report).hasAttribute("href", "/public/report");
			// without a query: the first matters, and how many there are
			assertThat(page.locator("#summary")).containsText("显示前 50 个");

			page.getByLabel("事项名称").pressSequentially("zdsh", new Locator.PressSequentiallyOptions().setDelay(60));
			Locator matter = page.locator("details.matter").first();
			assertThat(matter.locator(".matter-name")).hasText("最低生活保障申请");
			assertThat(matter.locator("summary")).containsText("民生事项");
			assertThat(matter.locator("summary")).containsText("县民政局");
			Chromium.screenshot(page, SCREENSHOTS, "01-found");

			if (!matter.evaluate("d => d.open").equals(Boolean.TRUE)) {
				matter.locator("summary").click();
			}
			Locator cancelled = matter.locator("li.certificate.cancelled").first();
			assertThat(cancelled).isVisible();
			assertThat(cancelled.locator(".treatment")).hasText("已取消");
			assertThat(cancelled).containsText("无（部门自行设定）");
			assertThat(cancelled).containsText("2018年3月1日");
			assertThat(matter).containsText("由证跑跑代跑（2 个工作日）");
			assertThat(matter).containsText("以证照替代：营业执照");
			assertThat(matter.locator("a.report")).hasAttribute("href", "/public/report?matter=SX-001");
			Chromium.screenshot(page, SCREENSHOTS, "02-expanded");

			assertThat((Boolean) page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scrolling at 390 px")
				.isTrue();

			// the matter's report link opens the report page with the department and the matter chosen
			matter.locator("a.report").click();
			assertThat(page.getByLabel("索要证明的部门")).hasValue("minzheng");
			assertThat(page.getByLabel("办理的事项")).hasValue("SX-001");

			assertThat(errors).isEmpty();
		}
	}

	@Test
	void shouldFindOnSubmitAndFitALaptop() {
		try (BrowserContext desk = chromium.newContext(1366, 768)) {
			Page page = desk.newPage();
			List<String> errors = errorsOn(page);
			page.navigate("http://localhost:" + port + "/public/catalog?q=" + "zd".repeat(20));
			assertThat(page.locator("#summary")).hasText("没有找到相关事项，请换个说法试试。");
			page.getByLabel("事项名称").fill("最低生活");
			page.getByText("查找", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("details.matter .matter-name").first()).hasText("最低生活保障申请");
			assertThat((Boolean) page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")).isTrue();
			Chromium.screenshot(page, SCREENSHOTS, "03-desktop");
			assertThat(errors).isEmpty();
		}
	}
}
