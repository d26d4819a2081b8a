package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogChange;
import org.zhengpaopao.catalog.CatalogProposals;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.catalog.ProposalState;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;

/**
 * 跑改办 reviews a catalog liaison's proposal in Tasklist on an office PC (1366×768): the form shows what would
 * change, and approving it publishes the change.
 */
@IntegrationTest
class CatalogReviewBrowserTests {

	static final String SCREENSHOTS = "catalog-review";
	/** a matter of the 2017 list that no other test changes */
	static final String MATTER = "SX-173";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	CatalogProposals proposals;

	@Autowired
	Catalog catalog;

	@Autowired
	TaskService taskService;

	@Autowired
	JdbcTemplate jdbc;

	String certificate;

	@AfterEach
	void retireWhatWasPublished() {
		if (certificate != null && catalog.entriesInForce(MATTER)
			.stream()
			.anyMatch(entry -> entry.getCertificateCode().equals(certificate))) {
			catalog.retire(MATTER, certificate, "catalog-1", "测试复原");
		}
	}

	@Test
	void reformOfficeApprovesAProposalInTasklistAndItIsPublished() {
		certificate = catalog.certificates()
			.stream()
			.map(Certificate::getCode)
			.filter(code -> jdbc.queryForObject(
					"select count(*) from zpp_catalog_entry where matter_code = ? and certificate_code = ?", Long.class,
					MATTER, code) == 0)
			.findFirst()
			.orElseThrow();
		String number = proposals.propose(List.of(CatalogChange.add(MATTER, certificate,
				new EntryTerms(Disposition.SHARED, null, "省公共数据平台·住房公积金信息", null, "县级规范性文件"))),
				"公积金信息已归集共享", "catalog-1");
		String taskId = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId();

		try (BrowserContext office = chromium.newContext(1366, 768)) {
			Page tasklist = office.newPage();
			tasklist.navigate("http://localhost:" + port + "/camunda/app/tasklist/default/#/?task=" + taskId);
			Chromium.logIntoWebapp(tasklist, "manager-1", "demo");
			assertThat(tasklist.getByLabel("变更申请编号")).hasValue(number);
			assertThat(tasklist.getByLabel("变更内容")).hasValue(java.util.regex.Pattern.compile(".*" + MATTER + ".*共享.*",
					java.util.regex.Pattern.DOTALL));
			tasklist.locator("button.claim").click();
			tasklist.getByLabel("通过").check();
			tasklist.getByLabel("审核意见（退回时必填）").fill("同意，数据已核实");
			Chromium.screenshot(tasklist, SCREENSHOTS, "01-reform-office-approves");
			TasklistAndCockpitBrowserTests.assertNoEnglishOn(tasklist);
			tasklist.locator(".form-actions button.btn-primary", new Page.LocatorOptions().setHasText("完成")).click();
			assertThat(tasklist.getByText("请在列表中选择一个任务。")).isVisible();
		}

		assertThat(proposals.get(number).getState()).isEqualTo(ProposalState.PUBLISHED);
		assertThat(catalog.entriesInForce(MATTER)).anyMatch(entry -> entry.getCertificateCode().equals(certificate)
				&& entry.getDisposition() == Disposition.SHARED);
	}
}
