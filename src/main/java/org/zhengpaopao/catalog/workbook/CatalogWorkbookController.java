package org.zhengpaopao.catalog.workbook;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.util.unit.DataSize;
import org.zhengpaopao.catalog.workbook.CatalogImports.WithRefusedRows;
import org.zhengpaopao.catalog.workbook.ImportRow.FieldChange;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import io.swagger.v3.oas.annotations.Operation;

@RestController
@RequestMapping("/api/catalog")
class CatalogWorkbookController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final CatalogWorkbook workbook;
	private final CatalogImports imports;
	private final java.time.Clock clock;
	private final long maxWorkbookSize;

	CatalogWorkbookController(CatalogWorkbook workbook, CatalogImports imports, java.time.Clock clock,
			@Value("${zhengpaopao.catalog.max-workbook-size:5MB}") DataSize maxWorkbookSize) {
		this.workbook = workbook;
		this.imports = imports;
		this.clock = clock;
		this.maxWorkbookSize = maxWorkbookSize.toBytes();
	}

	@GetMapping(value = "/export.xlsx", produces = XLSX)
	@Operation(summary = "证明清单工作簿（Excel）/ The published catalog as a workbook to edit and import again",
			description = "Sheets 事项 (matters: category, using department, 一证通办 computed, 可网办, 零跑腿), 证明清单 "
					+ "(the entries in force) and 说明 (how to edit; grey columns are read-only). docs/catalog-workbook.md")
	ResponseEntity<byte[]> export() {
		String name = "证明清单-" + LocalDate.now(clock.withZone(CountyTime.ZONE)) + ".xlsx";
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(XLSX))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(workbook.export());
	}

	@PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "导入证明清单工作簿：预览（清单维护人员）/ Import an edited catalog workbook: the preview",
			description = "Multipart field `file`: an .xlsx workbook (judged by its content, at most 5 MB) as "
					+ "GET /api/catalog/export.xlsx writes it. Every row is NEW, CHANGED (field by field), UNCHANGED or "
					+ "REFUSED with its reason; the preview is kept for the importer's confirmation. Nothing in the "
					+ "catalog changes.")
	ImportView preview(@RequestPart(name = "file", required = false) MultipartFile file, Authentication staff)
			throws IOException {
		if (file == null) {
			throw new InvalidInputException("file", "请选择要导入的工作簿", "the multipart field file is required");
		}
		// a body of declared length is stopped before (RequestSizeLimit); one sent in chunks is parsed by the server
		// up to the upload limit of documents, so the workbook's own limit is checked here
		if (file.getSize() > maxWorkbookSize) {
			String size = maxWorkbookSize / (1024 * 1024) + " MB";
			throw new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE,
					"文件不能超过 " + size + " / The file may not exceed " + size);
		}
		long id = imports.preview(file.getBytes(), file.getOriginalFilename(), staff.getName());
		return view(imports.find(id));
	}

	@PostMapping("/imports/{id}/confirmation")
	@Operation(summary = "确认导入：新增和修改的行交跑改办审核（导入人）/ Confirm an import: its good rows become one proposal "
			+ "for the catalog's review (the importer, or admins)",
			description = "{\"withRefusedRows\": \"skip\"} confirms the new and changed rows although some were refused; "
					+ "\"drop\" drops the whole import. Without refused rows the field may be left out. Answers the "
					+ "import with the proposal's number; an import confirmed or dropped is 409.")
	ImportView confirm(@PathVariable long id, @RequestBody Confirmation confirmation, Authentication staff) {
		return view(imports.confirm(id, confirmation.withRefusedRows() == null ? null : confirmation.withRefusedRows().choice,
				staff.getName(), Groups.memberOfAny(staff, Groups.ADMINS)));
	}

	@DeleteMapping("/imports/{id}")
	@Operation(summary = "放弃导入（导入人）/ Drop an import: nothing of it is proposed (the importer, or admins)")
	ImportView drop(@PathVariable long id, Authentication staff) {
		return view(imports.drop(id, staff.getName(), Groups.memberOfAny(staff, Groups.ADMINS)));
	}

	private ImportView view(CatalogImport found) {
		Map<String, String> names = imports.names();
		List<RowView> rows = new ArrayList<>();
		int[] counts = new int[ImportRow.Status.values().length];
		for (ImportRow row : found.getRows()) {
			counts[row.getStatus().ordinal()]++;
			rows.add(new RowView(row.getSheet() == ImportRow.Sheet.ENTRIES ? WorkbookLayout.ENTRIES : WorkbookLayout.MATTERS,
					row.getSheetRow(), row.getMatterCode(), names.get(row.getMatterCode()), row.getCertificateCode(),
					row.getCertificateCode() == null ? null : names.get(row.getCertificateCode()), row.getStatus(),
					label(row.getStatus()), row.fieldChanges(), row.getReason()));
		}
		List<String> notes = new ArrayList<>();
		if (found.getMissingEntries() > 0) {
			notes.add("现行清单中有 " + found.getMissingEntries() + " 条未出现在工作簿的「证明清单」中：导入不会把它们移出清单。"
					+ "移出清单请逐条办理（POST /api/catalog/matters/{事项编码}/entries/{证明编码}/retirement）。");
		}
		notes.add("确认后，新增和修改的行作为一次调整申请交跑改办审核；取消、替代的还须县司法局合法性审查。审核通过公布后才生效，此前清单不变。");
		return new ImportView(found.getId(), found.getFileName(), found.getImportedBy(), found.getImportedAt(),
				found.getStatus().name(), found.getProposalNumber(),
				new Counts(counts[ImportRow.Status.NEW.ordinal()], counts[ImportRow.Status.CHANGED.ordinal()],
						counts[ImportRow.Status.UNCHANGED.ordinal()], counts[ImportRow.Status.REFUSED.ordinal()]),
				rows, notes);
	}

	private static String label(ImportRow.Status status) {
		return switch (status) {
			case NEW -> "新增";
			case CHANGED -> "修改";
			case UNCHANGED -> "未变";
			case REFUSED -> "拒绝";
		};
	}

	/** The importer's confirmation; {@code withRefusedRows} may be left out when no row was refused. */
	record Confirmation(Choice withRefusedRows) {
	}

	enum Choice {
		SKIP(WithRefusedRows.SKIP), DROP(WithRefusedRows.DROP);

		final WithRefusedRows choice;

		Choice(WithRefusedRows choice) {
			this.choice = choice;
		}

		@JsonValue
		String json() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

		@JsonCreator
		static Choice of(String value) {
			for (Choice choice : values()) {
				if (choice.json().equals(value)) {
					return choice;
				}
			}
			throw new InvalidInputException("withRefusedRows", "withRefusedRows 应为 skip（跳过被拒绝的行）或 drop（放弃本次导入）",
					"withRefusedRows is skip or drop");
		}
	}

	record ImportView(long id, String fileName, String importedBy, Instant importedAt, String status,
			String proposalNumber, Counts counts, List<RowView> rows, List<String> notes) {
	}

	record Counts(int newRows, int changed, int unchanged, int refused) {
	}

	record RowView(String sheet, int row, String matterCode, String matterName, String certificateCode,
			String certificateName, ImportRow.Status status, String statusLabel, List<FieldChange> changes,
			String reason) {
	}
}
