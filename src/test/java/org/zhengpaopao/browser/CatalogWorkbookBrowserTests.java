package org.zhengpaopao.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogChange;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.CatalogProposals;
import org.zhengpaopao.catalog.ProposalState;
import org.zhengpaopao.catalog.workbook.WorkbookEdits;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;

/**
 * The catalog maintainer on the office PC: downloads the catalog workbook on /catalog/, edits it (here with POI, as a
 * spreadsheet program would), uploads it, reads the preview and confirms the good rows, which go to the review.
 * The confirmation becomes a proposal of the county's review (CatalogProposals), which the test reads back.
 * Screenshots in target/screenshots/catalog/.
 */
@IntegrationTest
class CatalogWorkbookBrowserTests {

	static final String SCREENSHOTS = "catalog";
	static final String MATTER = "SX-001";

	@RegisterExtension
	static Chromium chromium = new Chromium();

	@LocalServerPort
	int port;

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogProposals proposals;

	@Test
	void shouldExportEditUploadPreviewAndConfirmAnImport() throws Exception {
		String unlisted = unlistedCertificate();
		try (BrowserContext office = chromium.newContext(1366, 768)) {
			Page page = office.newPage();
			List<String> violations = ContentSecurityPolicyBrowserTests.violationsOn(page);
			page.navigate("http://localhost:" + port + "/catalog/");
			assertThat(page.locator("#loginView")).isVisible();
			page.getByLabel("用户名").fill("catalog-1");
			page.getByLabel("密码").fill("demo");
			page.getByLabel("密码").press("Enter");
			assertThat(page.locator("#workView")).isVisible();
			assertThat(page.locator("#who")).containsText("catalog-1");
			Chromium.screenshot(page, SCREENSHOTS, "01-catalog-page");

			Download download = page.waitForDownload(() -> page.getByText("下载证明清单工作簿（.xlsx）").click());
			assertThat(download.suggestedFilename()).startsWith("证明清单-").endsWith(".xlsx");
			byte[] exported = Files.readAllBytes(download.path());

			byte[] edited = WorkbookEdits.edit(exported, e -> {
				e.set(WorkbookEdits.ENTRIES, e.entryRow(MATTER, "ZM-0002"), WorkbookEdits.DETAIL, "省公共数据平台·户籍人口库（浏览器测试）");
				Map<String, Object> refused = new LinkedHashMap<>();
				refused.put(WorkbookEdits.MATTER_CODE, MATTER);
				refused.put(WorkbookEdits.CERTIFICATE_CODE, unlisted);
				refused.put(WorkbookEdits.DISPOSITION, "替代");
				refused.put(WorkbookEdits.DETAIL, "以某证照替代");
				refused.put(WorkbookEdits.LEGAL_BASIS, "《某某条例》");
				e.add(WorkbookEdits.ENTRIES, refused);
				e.set(WorkbookEdits.MATTERS, e.rowOf(WorkbookEdits.MATTERS, "SX-003"), WorkbookEdits.ZERO_TRIP, "是");
			});
			Path file = Files.createTempFile("证明清单-修改", ".xlsx");
			Files.write(file, edited);
			page.setInputFiles("#file", file);
			button(page, "上传并预览").click();

			assertThat(page.locator("#preview")).isVisible();
			assertThat(page.locator("#countChanged")).hasText("2");
			assertThat(page.locator("#countRefused")).hasText("1");
			assertThat(page.locator("#countNew")).hasText("0");
			Locator rows = page.locator("#rows tbody tr");
			assertThat(rows).hasCount(3);
			assertThat(rows.filter(new Locator.FilterOptions().setHasText("ZM-0002"))).containsText("修改");
			assertThat(rows.filter(new Locator.FilterOptions().setHasText("ZM-0002")))
				.containsText("说明：省公共数据平台·户籍人口库 → 省公共数据平台·户籍人口库（浏览器测试）");
			assertThat(rows.filter(new Locator.FilterOptions().setHasText(unlisted)))
				.containsText("「替代」须选择替代方式（证照或告知承诺）");
			assertThat(rows.filter(new Locator.FilterOptions().setHasText("SX-003"))).containsText("零跑腿：否 → 是");
			assertThat((Boolean) page.evaluate("document.scrollingElement.scrollWidth <= window.innerWidth")).isTrue();
			Chromium.screenshot(page, SCREENSHOTS, "02-preview");

			button(page, "确认导入（跳过被拒绝的行）").click();
			assertThat(page.locator("#result")).isVisible();
			String number = page.locator("#proposalNumber").textContent();
			assertThat(number).startsWith("TZ");
			assertThat(page.locator("#result")).containsText("跑改办审核");
			Chromium.screenshot(page, SCREENSHOTS, "03-proposed");
			assertThat(violations).isEmpty();

			// what went to the review: one proposal, awaiting 跑改办
			var proposal = proposals.get(number);
			assertThat(proposal.getState()).isEqualTo(ProposalState.REFORM_REVIEW);
			assertThat(proposal.getReason()).startsWith("导入 证明清单-修改");
			assertThat(proposal.changes()).extracting(CatalogChange::kind)
				.containsExactlyInAnyOrder(CatalogChange.Kind.CHANGE_ENTRY, CatalogChange.Kind.SET_CAPABILITIES);
			Files.delete(file);
		}
	}

	private String unlistedCertificate() {
		var listed = catalog.entriesInForce(MATTER).stream().map(CatalogEntry::getCertificateCode).toList();
		return catalog.certificates()
			.stream()
			.map(c -> c.getCode())
			.filter(code -> !listed.contains(code))
			.findFirst()
			.orElseThrow();
	}

	private static Locator button(Page page, String name) {
		return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
	}
}
