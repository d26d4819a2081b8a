package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.platform.PlatformSimulatorCallbacks;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;

/**
 * An applicant on a phone applies through the platform simulator: confirms the phone with the texted code, finds
 * 最低生活保障申请 among the matters that can be done online, reads what happens to each certificate, fills in the
 * details, submits, and sees the county's case number and then the status the county pushed back. End to end: the
 * simulator posts, signed, to the county's own {@code POST /api/platform/applications}, which takes the case with
 * intake PLATFORM; the test profile sends the county's callbacks to another stand-in, so the test pushes the decision's
 * signed callback to the simulator itself. Screenshots in target/screenshots/platform-simulator/.
 */
@IntegrationTest
class PlatformSimulatorBrowserTests {

	static final String SCREENSHOTS = "platform-simulator";
	static final String PHONE = "13905709901";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	RecordingNotifier sms;

	@Value("${zhengpaopao.platform.app-key}")
	String appKey;

	@Value("${zhengpaopao.platform.secret}")
	String secret;

	@Autowired
	Applications applications;

	@Test
	void applicantAppliesOnlineAndSeesTheCaseNumberAndTheCountysStatus() throws Exception {
		try (BrowserContext phone = chromium.newPhoneContext()) {
			Page page = phone.newPage();
			List<String> errors = PublicCatalogBrowserTests.errorsOn(page);
			page.navigate("http://localhost:" + port + "/public/apply");
			assertThat(page).hasTitle("网上申请（省政务服务平台·演示） - 证跑跑");

			page.getByLabel("手机号码").fill(PHONE);
			Response sent = page.waitForResponse(r -> r.url().endsWith("/platform-simulator/codes"),
					() -> page.getByText("获取验证码").click());
			String reference = new String(sent.body(), StandardCharsets.UTF_8).replaceAll(".*\"reference\":\"([^\"]+)\".*", "$1");
			assertThat(page.locator("#phoneMessage")).hasText("验证码已发送至 139****9901。");
			String code = sms.lastCodeFor(reference);
			Chromium.screenshot(page, SCREENSHOTS, "01-code-sent");

			page.getByLabel("短信验证码").fill(code.equals("000000") ? "111111" : "000000");
			page.getByText("确认", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#codeMessage")).hasText("验证码不正确，还可再试4次");
			page.getByLabel("短信验证码").fill(code);
			page.getByText("确认", new Page.GetByTextOptions().setExact(true)).click();

			assertThat(page.locator("#applicationForm")).isVisible();
			page.getByLabel("事项名称").pressSequentially("zdsh", new Locator.PressSequentiallyOptions().setDelay(60));
			Locator matter = page.getByLabel("最低生活保障申请（县民政局）");
			matter.check();
			assertThat(page.locator("#chosenName")).hasText("已选：最低生活保障申请（县民政局）");
			assertThat(page.locator("#certificates")).containsText("已取消");
			assertThat(page.locator("#certificates")).containsText("由证跑跑代跑（2 个工作日）");
			page.getByLabel("姓名", new Page.GetByLabelOptions().setExact(true)).fill("王芳");
			page.getByLabel("身份证号码").fill("330825199001014569");
			page.getByLabel("所在乡镇（街道）").selectOption("muchen");
			page.getByLabel("所在村（社区）").selectOption("muchen-shuangdai");
			Chromium.screenshot(page, SCREENSHOTS, "02-filled");
			TasklistAndCockpitBrowserTests.assertNoEnglishOn(page);
			assertThat((Boolean) page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth"))
				.as("no sideways scrolling at 390 px")
				.isTrue();

			page.getByText("提交申请").click();

			assertThat(page.locator("#caseNo")).hasText(java.util.regex.Pattern.compile("BJ\\d{8}-\\d{6}"));
			String caseNo = page.locator("#caseNo").textContent();
			String platformId = page.locator("#platformId").textContent();
			// the status the county answered with: 最低生活保障申请 has a certificate for the runners to fetch
			assertThat(page.locator("#status")).hasText("证明办理中");
			assertThat(page.locator("#trackLink")).hasAttribute("href", "/public/track?caseNo=" + caseNo);
			// the county's real endpoint took it, as taken in by the platform, for the confirmed phone
			Application taken = applications.find(caseNo).orElseThrow();
			assertThat(taken.getIntake()).isEqualTo(Intake.of("PLATFORM", platformId));
			assertThat(taken.getMatterCode()).isEqualTo("SX-001");
			Chromium.screenshot(page, SCREENSHOTS, "03-submitted");

			// the county decides and tells the platform, signed; the page shows it at its next look
			assertThat(PlatformSimulatorCallbacks.push(port, appKey, secret, platformId, caseNo, "APPROVED", "准予办理")).isEqualTo(204);
			assertThat(page.locator("#status")).hasText("准予办理",
					new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(15_000));
			Chromium.screenshot(page, SCREENSHOTS, "04-status");
			// the wrong code's 400 is the answer the page showed; Chromium lists every failed request as an error
			errors.removeIf(error -> error.contains("status of 400") && error.contains("/platform-simulator/sessions"));
			assertThat(errors).isEmpty();
		}
	}
}
