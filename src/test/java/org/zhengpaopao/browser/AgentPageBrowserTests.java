package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.AgentUsers;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestFiles;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

/**
 * A village agent of 下库村 on the phone (390×844): logs in with the Tasklist account, finds a certificate by its
 * pinyin initials, records the villager, photographs the signed authorization and submits; the case number comes
 * back and the case is in the village's list, ID number masked. Screenshots in target/screenshots/agent/.
 */
@IntegrationTest
class AgentPageBrowserTests {

	static final String SCREENSHOTS = "agent";
	static final String AGENT = "agent-huzhen-xiaku-browser";
	static final String ID_NUMBER = "330825198503121239";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void shouldTakeAVillagersProxyRunWithThePhotographedAuthorizationOnThePhone() {
		AgentUsers.ensure(identity, authorizations, AGENT, "huzhen-xiaku");
		try (BrowserContext phone = chromium.newContext(390, 844)) {
			Page page = phone.newPage();
			List<String> violations = ContentSecurityPolicyBrowserTests.violationsOn(page);
			page.navigate("http://localhost:" + port + "/agent/");
			assertThat(page.locator("#loginView")).isVisible();
			page.getByLabel("用户名").fill(AGENT);
			page.getByLabel("密码").fill("demo");
			page.getByLabel("密码").press("Enter");
			assertThat(page.locator("#who")).containsText("下库村");
			assertThat(page.locator("#villageCode")).hasValue("huzhen-xiaku");

			page.getByLabel("代跑证明（输入名称或拼音首字母）").fill("kn");
			Locator option = page.locator("#subjectOptions [role=option]", new Page.LocatorOptions().setHasText("困难家庭证明"));
			option.first().click();
			assertThat(page.locator("#plan")).containsText("证跑跑代跑");
			page.getByLabel("证明交给哪个部门（用证部门）").selectOption("minzheng");

			page.getByLabel("姓名").fill("村民张三");
			page.getByLabel("身份证号").fill(ID_NUMBER.substring(0, 17) + "0");
			assertThat(page.locator(".field-error[data-for='idNumber']")).hasText("身份证号校验位不正确，请核对");
			page.getByLabel("身份证号").fill(ID_NUMBER);
			assertThat(page.locator(".field-error[data-for='idNumber']")).hasText("");
			page.getByLabel("手机号码").fill("13905706601");
			assertThat(page.locator("#photo")).hasAttribute("capture", "environment");
			page.locator("#photo").setInputFiles(new FilePayload("授权委托书.png", "image/png", TestFiles.image("png")));
			Chromium.screenshot(page, SCREENSHOTS, "01-request");

			page.locator("#submit").click();
			assertThat(page.locator("#result")).containsText("已受理，办件编号 DP");
			String text = page.locator("#result").textContent();
			String caseNo = text.substring(text.indexOf("DP")).split("（")[0].strip();
			assertThat(jdbc.queryForObject("select intake_channel from zpp_proxy_run where case_no = ?", String.class,
					caseNo)).isEqualTo("AGENT");
			Chromium.screenshot(page, SCREENSHOTS, "02-taken");
			TasklistAndCockpitBrowserTests.assertNoEnglishOn(page);

			page.locator("#tabCases").click();
			Locator listed = page.locator(".case[data-case-no='" + caseNo + "']");
			assertThat(listed).containsText("困难家庭证明");
			assertThat(listed).containsText("村民张三");
			assertThat(listed).containsText("330***********1239");
			assertThat(page.locator("#casesView")).not().containsText(ID_NUMBER);
			Chromium.screenshot(page, SCREENSHOTS, "03-village-cases");
			TasklistAndCockpitBrowserTests.assertNoEnglishOn(page);

			assertThat(violations).as("Content-Security-Policy violations").isEmpty();
		}
	}
}
