package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.zhengpaopao.IntegrationTest;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * An applicant whose case number somebody else has been guessing at: each public page says in Chinese that there
 * were too many attempts and when to come back. Screenshots in target/screenshots/public-lock-out/.
 */
@IntegrationTest
class PublicPagesLockOutBrowserTests {

	static final String SCREENSHOTS = "public-lock-out";
	static final String CASE_NO = "DP20991231-000981";
	static final String LOCKED = "输入错误次数过多，请15分钟后再试；如需帮助，请到办事窗口咨询";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	TestRestTemplate http;

	@BeforeEach
	void setUp() {
		// a fixed time, so that the page says 15 minutes however long the browser takes
		ClockUtil.setCurrentTime(
				Date.from(LocalDateTime.parse("2026-12-01T10:00").atZone(ZoneId.of("Asia/Shanghai")).toInstant()));
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
	}

	String page(String path) {
		return "http://localhost:" + port + path;
	}

	@Test
	void applicantSeesInChineseThatTheCaseNumberIsLockedForAWhile() {
		HttpHeaders guesser = new HttpHeaders();
		guesser.setContentType(MediaType.APPLICATION_JSON);
		guesser.set("X-Forwarded-For", "203.0.113.201");
		for (int i = 0; i < 5; i++) {
			http.postForEntity("/public/api/track",
					new HttpEntity<>(Map.of("caseNo", CASE_NO, "phone", "1390570" + (1000 + i)), guesser), String.class);
		}

		try (BrowserContext phone = chromium.newPhoneContext()) {
			// the applicant's own address, as the county's proxy reports it
			phone.setExtraHTTPHeaders(Map.of("X-Forwarded-For", "203.0.113.202"));
			Page page = phone.newPage();

			page.navigate(page("/public/authorize?caseNo=" + CASE_NO));
			page.getByLabel("短信验证码").fill("123456");
			page.getByText("确认授权").click();
			assertThat(page.locator("#result")).hasText(LOCKED);
			Chromium.screenshot(page, SCREENSHOTS, "01-authorize");

			page.navigate(page("/public/track"));
			page.getByLabel("办件编号").fill(CASE_NO);
			page.getByLabel("手机号码").fill("13905707777");
			page.getByText("查询", new Page.GetByTextOptions().setExact(true)).click();
			assertThat(page.locator("#error")).hasText(LOCKED);
			Chromium.screenshot(page, SCREENSHOTS, "02-track");

			page.navigate(page("/public/rate?caseNo=" + CASE_NO));
			page.getByLabel("手机号码").fill("13905707777");
			page.getByLabel("满意", new Page.GetByLabelOptions().setExact(true)).check();
			page.getByText("提交评价").click();
			assertThat(page.locator("#message")).hasText(LOCKED);
			Chromium.screenshot(page, SCREENSHOTS, "03-rate");
		}
	}
}
