package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.AgentUsers;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.TestFiles;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;

/**
 * A village agent of 星火村 on the phone (390×844): logs in with the Tasklist account, finds a certificate by its
 * pinyin initials, records the villager, photographs the signed authorization and submits; the case number comes
 * back and the case is in the village's list, ID number masked. Screenshots in target/screenshots/agent/.
 */
@IntegrationTest
class AgentPageBrowserTests {

	static final String SCREENSHOTS = "agent";
	static final String AGENT = "agent-huzhen-xinghuo-browser";
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

	@Autowired
	ProcessEngine engine;

	@Test
	void shouldTakeAVillagersProxyRunWithThePhotographedAuthorizationOnThePhone() {
		AgentUsers.ensure(identity, authorizations, AGENT, "huzhen-xinghuo");
		try (BrowserContext phone = chromium.newContext(390, 844)) {
			Page page = phone.newPage();
			List<String> violations = ContentSecurityPolicyBrowserTests.violationsOn(page);
			page.navigate("http://localhost:" + port + "/agent/");
			assertThat(page.locator("#loginView")).isVisible();
			page.getByLabel("用户名").fill(AGENT);
			page.getByLabel("密码").fill("demo");
			page.getByLabel("密码").press("Enter");
			assertThat(page.locator("#who")).containsText("星火村");
			assertThat(page.locator("#villageCode")).hasValue("huzhen-xinghuo");

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

	/**
	 * The issue's story for the village: 星火村's agent (a demo user) opens a run for a village committee's certificate
	 * on the phone; the table routes it to the village's agents, the committee's own clerk issues it, the agent hands
	 * it to the using department, which signs; then the agent records on the phone that the villager has the result.
	 */
	@Test
	void shouldRunAVillageCertificateThroughTheVillagesAgentAndCommittee() {
		String agent = "agent-huzhen-xinghuo-1";
		try (BrowserContext phone = chromium.newContext(390, 844)) {
			Page page = phone.newPage();
			page.navigate("http://localhost:" + port + "/agent/");
			page.getByLabel("用户名").fill(agent);
			page.getByLabel("密码").fill("demo");
			page.getByLabel("密码").press("Enter");
			assertThat(page.locator("#who")).containsText("星火村");

			page.getByLabel("代跑证明（输入名称或拼音首字母）").fill("zjd");
			page.locator("#subjectOptions [role=option]", new Page.LocatorOptions().setHasText("宅基地使用证明"))
				.first()
				.click();
			page.getByLabel("证明交给哪个部门（用证部门）").selectOption("ziranziyuan");
			page.getByLabel("姓名").fill("村民李四");
			page.getByLabel("身份证号").fill("330825199003074514");
			page.getByLabel("手机号码").fill("13905706602");
			page.locator("#photo").setInputFiles(new FilePayload("授权委托书.jpg", "image/jpeg", TestFiles.image("jpeg")));
			page.locator("#submit").click();
			assertThat(page.locator("#result")).containsText("已受理，办件编号 DP");
			String text = page.locator("#result").textContent();
			String caseNo = text.substring(text.indexOf("DP")).split("（")[0].strip();

			String fetch = task(caseNo, "fetchCertificate");
			assertThat(engine.getTaskService().getIdentityLinksForTask(fetch))
				.as("the routing table sends a village committee's certificate to the village's agents")
				.anyMatch(link -> "agents-huzhen-xinghuo".equals(link.getGroupId()));
			TasklistUser.claimAndComplete(engine, agent, fetch, Map.of("fetchNote", "已到村委会提交申请"));
			String issue = task(caseNo, "issueCertificate");
			assertThat(engine.getTaskService().getIdentityLinksForTask(issue))
				.as("the village committee issues through its own clerks")
				.anyMatch(link -> "dept-huzhen-xinghuo".equals(link.getGroupId()));
			TasklistUser.claimAndComplete(engine, "clerk-huzhen-xinghuo-1", issue,
					Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250188"));
			TasklistUser.claimAndComplete(engine, agent, task(caseNo, "deliverCertificate"),
					Map.of("deliveryConfirmed", true));
			TasklistUser.claimAndComplete(engine, "window-ziranziyuan-1", task(caseNo, "signForCertificate"),
					Map.of("signOutcome", "signed"));

			page.reload();
			page.locator("#tabCases").click();
			Locator listed = page.locator(".case[data-case-no='" + caseNo + "']");
			listed.getByText("已交还村民", new Locator.GetByTextOptions().setExact(true)).last().click();
			assertThat(listed.locator(".state")).hasText("已交还村民");
			Chromium.screenshot(page, SCREENSHOTS, "04-handed-back");
			assertThat(jdbc.queryForObject("select state from zpp_proxy_run where case_no = ?", String.class, caseNo))
				.isEqualTo("DELIVERED");
		}
	}

	String task(String caseNo, String key) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(key)
			.singleResult()
			.getId();
	}
}
