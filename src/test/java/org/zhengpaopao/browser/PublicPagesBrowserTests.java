package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * The applicant on a phone: confirms the authorization with the code from the text message, mistypes it first, then
 * tracks the run with the phone number, mistyping that too. Screenshots in target/screenshots/public-pages/.
 */
@IntegrationTest
class PublicPagesBrowserTests {

	static final String SCREENSHOTS = "public-pages";
	static final String PHONE = "13905706688";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RecordingNotifier notifier;

	/** A run opened at the window without a signed authorization: the applicant gets a code by text message. */
	ProxyRun openAwaitingAuthorization() {
		ProxyRun run = proxyRuns.open(new NewProxyRun("王芳", "330825199001014569", PHONE, "muchen", "muchen-shuangdai",
				"ZM-0032", "minzheng", false), "window-minzheng-1");
		String instance = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(run.getCaseNo())
			.singleResult()
			.getId();
		// sending the code is asynchronous; the tests' engine runs no job executor
		managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
		return run;
	}

	String page(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void applicantAuthorizesWithTheTextedCodeAndTracksTheRun() {
		ProxyRun run = openAwaitingAuthorization();
		String code = notifier.lastCodeFor(run.getCaseNo());
		String wrongCode = code.equals("000000") ? "111111" : "000000";

		try (BrowserContext phone = chromium.newPhoneContext()) {
			Page authorize = phone.newPage();
			// the link in the text message carries the case number
			authorize.navigate(page("/public/authorize?caseNo=" + run.getCaseNo()));
			assertThat(authorize).hasTitle("确认代跑授权 - 证跑跑");
			assertThat(authorize.getByLabel("办件编号")).hasValue(run.getCaseNo());

			authorize.getByLabel("短信验证码").fill(wrongCode);
			authorize.getByText("确认授权").click();
			assertThat(authorize.locator("#result")).hasText("办件编号或验证码不正确，或授权已失效");
			Chromium.screenshot(authorize, SCREENSHOTS, "01-wrong-code");
			assertThat(proxyRuns.find(run.getCaseNo()).orElseThrow().getState())
				.isEqualTo(ProxyRunState.AWAITING_AUTHORIZATION);

			authorize.getByLabel("短信验证码").fill(code);
			authorize.getByText("确认授权").click();
			assertThat(authorize.locator("#result")).hasText("授权成功，证跑跑将为您代跑证明。");
			Chromium.screenshot(authorize, SCREENSHOTS, "02-authorized");
			assertThat(proxyRuns.find(run.getCaseNo()).orElseThrow().getState()).isEqualTo(ProxyRunState.FETCHING);

			authorize.getByText("办件进度查询").click();
			assertThat(authorize).hasTitle("办件进度查询 - 证跑跑");
			Page track = authorize;
			track.getByLabel("办件编号").fill(run.getCaseNo());
			track.getByLabel("手机号码").fill("13905706699");
			track.getByText("查询", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(track.locator("#error")).hasText("未找到与该办件编号和手机号匹配的代跑");
			assertThat(track.locator("#progress")).isHidden();
			Chromium.screenshot(track, SCREENSHOTS, "03-wrong-phone");

			track.getByLabel("手机号码").fill(PHONE);
			track.getByText("查询", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(track.locator("#state")).hasText(run.getCaseNo() + "：代跑员调取中");
			assertThat(track.locator("#deadline")).hasText("承诺办结日期：" + proxyRuns.find(run.getCaseNo()).orElseThrow().getDeadline());
			assertThat(track.locator("#steps li")).containsText(new String[] { "窗口受理代跑申请", "已向申请人发送授权验证码",
					"申请人已在线确认授权", "已派至代跑群组" });
			assertThat(track.locator("#progress")).not().containsText("王芳");
			assertThat(track.locator("html").evaluate("e => e.scrollWidth")).isEqualTo(390);
			Chromium.screenshot(track, SCREENSHOTS, "04-progress");
		}
	}
}
