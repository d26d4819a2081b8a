package org.zhengpaopao.catalog.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.zhengpaopao.catalog.workbook.WorkbookLayout.*;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogChange;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.CatalogProposals;
import org.zhengpaopao.catalog.ProposalState;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.catalog.workbook.CatalogImports.WithRefusedRows;
import org.zhengpaopao.catalog.workbook.ImportRow.FieldChange;
import org.zhengpaopao.catalog.workbook.ImportRow.Status;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;

/**
 * The catalog workbook both ways, on the seeded catalog: the export, and the preview rules of an import, each reason
 * for refusing a row, the confirmation's choices, and the proposal a confirmation hands to the review
 * ({@link CatalogProposals}); the review itself is tested in {@code CatalogReviewProcessTests}.
 */
@IntegrationTest
class CatalogWorkbookTests {

	static final String MATTER = "SX-001";
	static final String SHARED = "ZM-0002";
	static final String PROXY = "ZM-0042";
	static final String CANCELLED = "ZM-0036";
	static final String IMPORTER = "catalog-1";

	@Autowired
	CatalogWorkbook workbook;

	@Autowired
	CatalogImports imports;

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogProposals proposals;

	// --- the export

	@Test
	void shouldExportTheMattersAndTheEntriesInForceWithHelpHeadersAndChoices() throws Exception {
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook.export()))) {
			assertThat(book.getSheetName(0)).isEqualTo(MATTERS);
			assertThat(book.getSheetName(1)).isEqualTo(ENTRIES);
			assertThat(book.getSheetName(2)).isEqualTo(HELP);
			XSSFSheet matters = book.getSheet(MATTERS);
			XSSFSheet entries = book.getSheet(ENTRIES);
			assertThat(header(matters)).isEqualTo(MATTER_COLUMNS);
			assertThat(header(entries)).isEqualTo(ENTRY_COLUMNS);
			assertThat(matters.getLastRowNum()).isEqualTo(catalog.matters().size());
			assertThat(entries.getLastRowNum()).isEqualTo(catalog.entriesInForce().size());
			for (Sheet sheet : List.of(matters, entries)) {
				assertThat(book.getFontAt(sheet.getRow(0).getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
				assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
				assertThat(sheet.getColumnWidth(1)).isGreaterThan(20 * 256);
			}
			assertThat(entries.getDataValidations()).hasSize(2);
			assertThat(matters.getDataValidations()).hasSize(2);
			assertThat(List.of(entries.getDataValidations().get(0).getValidationConstraint().getExplicitListValues()))
				.containsExactly("砍掉", "共享", "替代", "代跑");

			WorkbookEdits read = WorkbookEdits.of(book);
			int sx001 = read.rowOf(MATTERS, MATTER);
			assertThat(read.get(MATTERS, sx001, MATTER_NAME)).isEqualTo("最低生活保障申请");
			assertThat(read.get(MATTERS, sx001, CATEGORY)).isEqualTo("民生");
			assertThat(read.get(MATTERS, sx001, DEPARTMENT_NAME)).isEqualTo("县民政局");
			assertThat(read.get(MATTERS, sx001, ONE_ID)).isEqualTo(catalog.isOneId(MATTER) ? "是" : "否");
			int proxy = read.entryRow(MATTER, PROXY);
			assertThat(read.get(ENTRIES, proxy, DISPOSITION)).isEqualTo("代跑");
			assertThat(read.get(ENTRIES, proxy, DEADLINE)).isEqualTo("2");
			assertThat(read.get(ENTRIES, proxy, BATCH)).isEqualTo("2");
			assertThat(read.get(ENTRIES, proxy, CERTIFICATE_NAME)).isNotBlank();
		}
	}

	// --- the preview

	@Test
	void shouldFindEveryRowUnchangedWhenTheExportComesBackAsItIs() {
		int versions = versionsOfTheMatter();
		CatalogImport preview = preview(workbook.export(), "清单.xlsx");

		assertThat(preview.getRows()).isNotEmpty().allMatch(r -> r.getStatus() == Status.UNCHANGED);
		assertThat(preview.getRows().stream().filter(r -> r.getSheet() == ImportRow.Sheet.ENTRIES))
			.hasSize(catalog.entriesInForce().size());
		assertThat(preview.getMissingEntries()).isZero();
		assertThat(preview.getStatus()).isEqualTo(CatalogImport.Status.PREVIEWED);
		assertThat(versionsOfTheMatter()).isEqualTo(versions);
	}

	@Test
	void shouldShowNewAndChangedRowsFieldByFieldAndChangeNothing() {
		String unlisted = unlistedCertificate();
		int versions = versionsOfTheMatter();
		CatalogImport preview = preview(edited(e -> {
			int shared = e.entryRow(MATTER, SHARED);
			e.set(ENTRIES, shared, DETAIL, "省公共数据平台·户籍人口库（新接口）");
			e.add(ENTRIES, entry(unlisted, "砍掉", null, "经评估无需提供", "《某某条例》第三条", null));
			e.set(MATTERS, e.rowOf(MATTERS, "SX-002"), ZERO_TRIP, "是");
		}), "改.xlsx");

		ImportRow changed = row(preview, MATTER, SHARED);
		assertThat(changed.getStatus()).isEqualTo(Status.CHANGED);
		assertThat(changed.fieldChanges())
			.containsExactly(new FieldChange(DETAIL, "省公共数据平台·户籍人口库", "省公共数据平台·户籍人口库（新接口）"));
		ImportRow added = row(preview, MATTER, unlisted);
		assertThat(added.getStatus()).isEqualTo(Status.NEW);
		assertThat(added.fieldChanges()).extracting(FieldChange::field)
			.containsExactly(DISPOSITION, DETAIL, LEGAL_BASIS);
		ImportRow capabilities = matterRow(preview, "SX-002");
		assertThat(capabilities.getStatus()).isEqualTo(Status.CHANGED);
		assertThat(capabilities.fieldChanges()).containsExactly(new FieldChange(ZERO_TRIP, "否", "是"));
		assertThat(preview.getRows()).filteredOn(r -> r.getStatus() != Status.UNCHANGED).hasSize(3);
		assertThat(versionsOfTheMatter()).isEqualTo(versions);
	}

	@Test
	void shouldRefuseEachRowThatCannotBeTakenSayingWhy() {
		String unlisted = unlistedCertificate();
		Map<String, String> expected = new LinkedHashMap<>();
		Map<Integer, String> rows = new LinkedHashMap<>();
		CatalogImport preview = preview(edited(e -> {
			rows.put(e.add(ENTRIES, entry(unlisted, "砍掉", null, "无需", "依据", null)), "unknown matter");
			e.set(ENTRIES, last(e), MATTER_CODE, "SX-999");
			expected.put("unknown matter", "没有这个事项：SX-999");
			rows.put(e.add(ENTRIES, entry("ZM-9999", "砍掉", null, "无需", "依据", null)), "unknown certificate");
			expected.put("unknown certificate", "证明目录中没有这个证明：ZM-9999");
			rows.put(e.add(ENTRIES, entry(unlisted, "取消", null, "无需提供", "", null)), "cancelled without basis");
			expected.put("cancelled without basis", "「砍掉」须写明法律依据");
			e.set(ENTRIES, e.entryRow(MATTER, SHARED), LEGAL_BASIS, null);
			rows.put(e.entryRow(MATTER, SHARED), "shared without basis");
			expected.put("shared without basis", "「共享」须写明法律依据");
			e.set(ENTRIES, e.entryRow(MATTER, PROXY), DEADLINE, null);
			rows.put(e.entryRow(MATTER, PROXY), "proxy without deadline");
			expected.put("proxy without deadline", "「代跑」须填写代跑时限（工作日）");
			e.set(ENTRIES, e.entryRow(MATTER, CANCELLED), DEADLINE, 3);
			rows.put(e.entryRow(MATTER, CANCELLED), "deadline for a cancellation");
			expected.put("deadline for a cancellation", "只有「代跑」才填写代跑时限，「砍掉」不填");
			e.set(ENTRIES, e.entryRow(MATTER, "ZM-0017"), REPLACEMENT, null);
			rows.put(e.entryRow(MATTER, "ZM-0017"), "replaced without replacement");
			expected.put("replaced without replacement", "「替代」须选择替代方式（证照或告知承诺）");
			e.set(ENTRIES, e.entryRow(MATTER, "ZM-0007"), DISPOSITION, "免提交");
			rows.put(e.entryRow(MATTER, "ZM-0007"), "unreadable disposition");
			expected.put("unreadable disposition", "处理方式无法识别：「免提交」，应为砍掉、共享、替代或代跑");
			e.set(ENTRIES, e.entryRow(MATTER, "ZM-0114"), DEADLINE, "三天");
			rows.put(e.entryRow(MATTER, "ZM-0114"), "unreadable deadline");
			expected.put("unreadable deadline", "代跑时限（工作日）无法识别：「三天」，应为工作日数，如 5");
		}), "拒绝.xlsx");

		rows.forEach((row, what) -> assertThat(entryRowNumbered(preview, row).getReason()).as(what)
			.isEqualTo(expected.get(what)));
		assertThat(rows.keySet()).allMatch(row -> entryRowNumbered(preview, row).getStatus() == Status.REFUSED);
	}

	@Test
	void shouldRefuseBothOfTwoRowsForTheSameEntry() {
		int[] rows = new int[2];
		CatalogImport preview = preview(edited(e -> {
			rows[0] = e.entryRow(MATTER, SHARED);
			rows[1] = e.copy(ENTRIES, rows[0]);
		}), "重复.xlsx");

		for (int row : rows) {
			assertThat(entryRowNumbered(preview, row).getStatus()).isEqualTo(Status.REFUSED);
			assertThat(entryRowNumbered(preview, row).getReason())
				.isEqualTo("重复的行：同一事项的同一证明出现在第 " + rows[0] + "、" + rows[1] + " 行，请只保留一行");
		}
	}

	@Test
	void shouldRefuseMatterRowsThatCannotBeTaken() {
		CatalogImport preview = preview(edited(e -> {
			e.set(MATTERS, e.rowOf(MATTERS, "SX-002"), ONLINE, "否").set(MATTERS, e.rowOf(MATTERS, "SX-002"), ZERO_TRIP, "是");
			e.set(MATTERS, e.rowOf(MATTERS, "SX-003"), DEPARTMENT_CODE, "no-such-department");
			e.set(MATTERS, e.rowOf(MATTERS, "SX-004"), ONLINE, "可以");
		}), "事项.xlsx");

		assertThat(matterRow(preview, "SX-002").getReason()).isEqualTo("「零跑腿」的事项必须「可网办」");
		assertThat(matterRow(preview, "SX-003").getReason()).isEqualTo("没有这个用证部门：no-such-department");
		assertThat(matterRow(preview, "SX-004").getReason()).isEqualTo("可网办无法识别：「可以」，应为是或否");
	}

	@Test
	void shouldTellThatAnEntryLeftOutIsNotRetired() {
		int versions = versionsOfTheMatter();
		CatalogImport preview = preview(edited(e -> e.removeRow(ENTRIES, e.entryRow(MATTER, SHARED))), "少一行.xlsx");

		assertThat(preview.getMissingEntries()).isEqualTo(1);
		assertThat(preview.getRows()).allMatch(r -> r.getStatus() == Status.UNCHANGED);
		assertThat(catalog.entriesInForce(MATTER)).extracting(CatalogEntry::getCertificateCode).contains(SHARED);
		assertThat(versionsOfTheMatter()).isEqualTo(versions);
	}

	@Test
	void shouldRefuseAFileThatIsNoWorkbookOrNoCatalog() {
		assertThatThrownBy(() -> imports.preview("%PDF-1.7 not a workbook".getBytes(), "x.xlsx", IMPORTER))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("不是可读取的 .xlsx 工作簿");
		byte[] noCatalog = WorkbookEdits.edit(workbook.export(),
				e -> e.workbook().removeSheetAt(e.workbook().getSheetIndex(ENTRIES)));
		assertThatThrownBy(() -> imports.preview(noCatalog, "x.xlsx", IMPORTER))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("没有「证明清单」工作表");
	}

	// --- the confirmation

	@Test
	void shouldHandTheGoodRowsToTheReviewOnlyWhenTheImporterSkipsTheRefusedOnes() {
		String unlisted = unlistedCertificate();
		long id = imports.preview(edited(e -> {
			e.set(ENTRIES, e.entryRow(MATTER, SHARED), DETAIL, "省公共数据平台·户籍人口库（确认测试）");
			e.set(ENTRIES, e.entryRow(MATTER, PROXY), DEADLINE, 3);
			e.add(ENTRIES, entry(unlisted, "代跑", null, "由证跑跑代为调取", "", 5));
			e.set(MATTERS, e.rowOf(MATTERS, "SX-002"), ZERO_TRIP, "是");
			e.set(ENTRIES, e.entryRow(MATTER, CANCELLED), LEGAL_BASIS, null);
		}), "确认.xlsx", IMPORTER);

		assertThatThrownBy(() -> imports.confirm(id, null, IMPORTER, false)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("本次导入有 1 行被拒绝");
		assertThatThrownBy(() -> imports.confirm(id, WithRefusedRows.SKIP, "catalog-2", false))
			.isInstanceOf(AccessDeniedException.class);
		CatalogImport confirmed = imports.confirm(id, WithRefusedRows.SKIP, IMPORTER, false);

		assertThat(confirmed.getStatus()).isEqualTo(CatalogImport.Status.CONFIRMED);
		assertThat(confirmed.getProposalNumber()).startsWith("TZ");
		var proposal = proposals.get(confirmed.getProposalNumber());
		assertThat(proposal.getReason()).isEqualTo("导入 确认.xlsx");
		assertThat(proposal.getProposer()).isEqualTo(IMPORTER);
		assertThat(proposal.getState()).as("reviewed before anything applies").isEqualTo(ProposalState.REFORM_REVIEW);
		EntryTerms shared = catalog.entriesInForce(MATTER)
			.stream()
			.filter(e -> e.getCertificateCode().equals(SHARED))
			.findFirst()
			.orElseThrow()
			.terms();
		EntryTerms proxy = catalog.entriesInForce(MATTER)
			.stream()
			.filter(e -> e.getCertificateCode().equals(PROXY))
			.findFirst()
			.orElseThrow()
			.terms();
		assertThat(proposal.changes()).containsExactlyInAnyOrder(
				CatalogChange.change(MATTER, SHARED, new EntryTerms(Disposition.SHARED, null,
						"省公共数据平台·户籍人口库（确认测试）", null, shared.legalBasis())),
				CatalogChange.change(MATTER, PROXY, new EntryTerms(Disposition.PROXY, null, proxy.detail(), 3,
						proxy.legalBasis())),
				CatalogChange.add(MATTER, unlisted, new EntryTerms(Disposition.PROXY, null, "由证跑跑代为调取", 5, "")),
				CatalogChange.capabilities("SX-002", true, true));

		assertThatThrownBy(() -> imports.confirm(id, WithRefusedRows.SKIP, IMPORTER, false))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("已经确认");
		assertThatThrownBy(() -> imports.drop(id, IMPORTER, false)).isInstanceOf(ConflictException.class);
	}

	@Test
	void shouldLetTheImporterOrAnAdminDropAnImportAndNotConfirmItAfterwards() {
		byte[] edited = edited(e -> e.set(ENTRIES, e.entryRow(MATTER, SHARED), DETAIL, "放弃测试"));
		int proposed = proposals.list(IMPORTER).size();
		long dropped = imports.preview(edited, "放弃.xlsx", IMPORTER);
		assertThat(imports.drop(dropped, IMPORTER, false).getStatus()).isEqualTo(CatalogImport.Status.DROPPED);
		assertThatThrownBy(() -> imports.confirm(dropped, WithRefusedRows.SKIP, IMPORTER, false))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("已经放弃");

		long byAdmin = imports.preview(edited, "放弃.xlsx", IMPORTER);
		assertThat(imports.confirm(byAdmin, WithRefusedRows.DROP, "admin", true).getStatus())
			.isEqualTo(CatalogImport.Status.DROPPED);
		assertThat(proposals.list(IMPORTER)).hasSize(proposed);
	}

	@Test
	void shouldNotProposeAnImportWithoutChanges() {
		long id = imports.preview(workbook.export(), "原样.xlsx", IMPORTER);
		assertThatThrownBy(() -> imports.confirm(id, null, IMPORTER, false)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("没有新增或修改的行");
	}

	// --- helpers

	CatalogImport preview(byte[] xlsx, String name) {
		return imports.find(imports.preview(xlsx, name, IMPORTER));
	}

	byte[] edited(Consumer<WorkbookEdits> edits) {
		return WorkbookEdits.edit(workbook.export(), edits);
	}

	static Map<String, Object> entry(String certificate, String disposition, String replacement, String detail,
			String legalBasis, Integer deadline) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put(MATTER_CODE, MATTER);
		row.put(CERTIFICATE_CODE, certificate);
		row.put(DISPOSITION, disposition);
		row.put(REPLACEMENT, replacement);
		row.put(DETAIL, detail);
		row.put(LEGAL_BASIS, legalBasis);
		row.put(DEADLINE, deadline);
		return row;
	}

	static int last(WorkbookEdits e) {
		return e.workbook().getSheet(ENTRIES).getLastRowNum() + 1;
	}

	static ImportRow row(CatalogImport preview, String matter, String certificate) {
		return preview.getRows()
			.stream()
			.filter(r -> r.getSheet() == ImportRow.Sheet.ENTRIES && matter.equals(r.getMatterCode())
					&& certificate.equals(r.getCertificateCode()))
			.findFirst()
			.orElseThrow();
	}

	static ImportRow entryRowNumbered(CatalogImport preview, int number) {
		return preview.getRows()
			.stream()
			.filter(r -> r.getSheet() == ImportRow.Sheet.ENTRIES && r.getSheetRow() == number)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row " + number));
	}

	static ImportRow matterRow(CatalogImport preview, String matter) {
		return preview.getRows()
			.stream()
			.filter(r -> r.getSheet() == ImportRow.Sheet.MATTERS && matter.equals(r.getMatterCode()))
			.findFirst()
			.orElseThrow();
	}

	String unlistedCertificate() {
		var listed = catalog.entriesInForce(MATTER).stream().map(CatalogEntry::getCertificateCode).toList();
		return catalog.certificates()
			.stream()
			.map(c -> c.getCode())
			.filter(code -> !listed.contains(code))
			.findFirst()
			.orElseThrow();
	}

	int versionsOfTheMatter() {
		return catalog.entriesInForce(MATTER).stream().mapToInt(CatalogEntry::getVersion).sum();
	}

	static List<String> header(Sheet sheet) {
		List<String> titles = new java.util.ArrayList<>();
		sheet.getRow(0).forEach(cell -> titles.add(cell.getStringCellValue()));
		return titles;
	}
}
