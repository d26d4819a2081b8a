package org.zhengpaopao.catalog.workbook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.zhengpaopao.catalog.workbook.WorkbookEdits.CERTIFICATE_CODE;
import static org.zhengpaopao.catalog.workbook.WorkbookEdits.DEADLINE;
import static org.zhengpaopao.catalog.workbook.WorkbookEdits.DETAIL;
import static org.zhengpaopao.catalog.workbook.WorkbookEdits.DISPOSITION;
import static org.zhengpaopao.catalog.workbook.WorkbookEdits.ENTRIES;
import static org.zhengpaopao.catalog.workbook.WorkbookEdits.LEGAL_BASIS;
import static org.zhengpaopao.catalog.workbook.WorkbookEdits.MATTER_CODE;
import static org.zhengpaopao.catalog.workbook.WorkbookEdits.REPLACEMENT;

import java.util.LinkedHashMap;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.CatalogProposals;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.catalog.ProposalState;
import org.zhengpaopao.catalog.workbook.ImportRow.Status;

/**
 * The county's walk with a workbook: a catalog liaison exports the catalog, edits it as in a spreadsheet program,
 * imports it and confirms the preview; 跑改办 and, for a cancellation, 县司法局 review it in Tasklist; only then is
 * it the published catalog, each change a version with the import as its reason.
 */
@IntegrationTest
class CatalogImportReviewTests {

	/** a matter of the 2017 list that no other test changes */
	static final String MATTER = "SX-174";
	static final String SHARED = "ZM-0030";

	@Autowired
	CatalogWorkbook workbook;

	@Autowired
	CatalogImports imports;

	@Autowired
	CatalogProposals proposals;

	@Autowired
	Catalog catalog;

	@Autowired
	ProcessEngine engine;

	@Autowired
	JdbcTemplate jdbc;

	String added;
	EntryTerms sharedBefore;

	@AfterEach
	void restore() {
		if (added != null && inForce(added) != null) {
			catalog.retire(MATTER, added, "catalog-1", "测试复原");
		}
		if (sharedBefore != null && !inForce(SHARED).terms().equals(sharedBefore)) {
			catalog.change(MATTER, SHARED, sharedBefore, "catalog-1", "测试复原");
		}
	}

	CatalogEntry inForce(String certificate) {
		return catalog.entriesInForce(MATTER)
			.stream()
			.filter(e -> e.getCertificateCode().equals(certificate))
			.findFirst()
			.orElse(null);
	}

	String unlisted() {
		return catalog.certificates()
			.stream()
			.map(Certificate::getCode)
			.filter(code -> jdbc.queryForObject(
					"select count(*) from zpp_catalog_entry where matter_code = ? and certificate_code = ?", Long.class,
					MATTER, code) == 0)
			.findFirst()
			.orElseThrow();
	}

	void complete(String user, String number, String taskKey, Map<String, Object> variables) {
		var task = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(number)
			.taskDefinitionKey(taskKey)
			.singleResult();
		assertThat(task).as(taskKey + " of " + number).isNotNull();
		TasklistUser.claimAndComplete(engine, user, task.getId(), variables);
	}

	@Test
	void shouldPublishAnEditedWorkbookOnlyAfterTheReformOfficeAndTheLegalReview() {
		sharedBefore = inForce(SHARED).terms();
		added = unlisted();
		byte[] edited = WorkbookEdits.edit(workbook.export(), e -> {
			e.set(ENTRIES, e.entryRow(MATTER, SHARED), DETAIL, "浙江省电子税务局·纳税信息（新接口）");
			Map<String, Object> row = new LinkedHashMap<>();
			row.put(MATTER_CODE, MATTER);
			row.put(CERTIFICATE_CODE, added);
			row.put(DISPOSITION, "砍掉");
			row.put(REPLACEMENT, null);
			row.put(DETAIL, "经评估无需提供");
			row.put(LEGAL_BASIS, "《残疾人就业保障金征收使用管理办法》第十九条");
			row.put(DEADLINE, null);
			e.add(ENTRIES, row);
		});

		CatalogImport preview = imports.find(imports.preview(edited, "清单-修改.xlsx", "catalog-1"));
		assertThat(preview.getRows()).filteredOn(row -> row.getStatus() != Status.UNCHANGED)
			.extracting(ImportRow::getCertificateCode, ImportRow::getStatus)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(SHARED, Status.CHANGED),
					org.assertj.core.groups.Tuple.tuple(added, Status.NEW));
		assertThat(inForce(added)).as("an import changes nothing").isNull();

		String number = imports.confirm(preview.getId(), null, "catalog-1", false).getProposalNumber();
		assertThat(inForce(added)).as("a proposal changes nothing").isNull();

		complete("manager-1", number, "reviewProposal", withVariables("reviewDecision", "approved", "reviewNote", "同意"));
		assertThat(proposals.get(number).getState()).as("a cancellation goes to legal review")
			.isEqualTo(ProposalState.LEGAL_REVIEW);
		assertThat(inForce(added)).isNull();

		complete("clerk-sifa-1", number, "reviewLegality", withVariables("legalDecision", "approved", "legalNote", "符合规定"));

		assertThat(proposals.get(number).getState()).isEqualTo(ProposalState.PUBLISHED);
		CatalogEntry cancelled = inForce(added);
		assertThat(cancelled.getDisposition()).isEqualTo(Disposition.CANCELLED);
		assertThat(cancelled.getChangeReason()).isEqualTo("变更申请 " + number + "：导入 清单-修改.xlsx");
		assertThat(inForce(SHARED).terms().detail()).isEqualTo("浙江省电子税务局·纳税信息（新接口）");
		assertThat(inForce(SHARED).getBatch()).as("a changed entry stays in its list").isZero();
	}
}
