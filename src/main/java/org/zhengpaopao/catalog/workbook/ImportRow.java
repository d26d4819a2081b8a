package org.zhengpaopao.catalog.workbook;

import java.util.List;

import org.zhengpaopao.catalog.CatalogChange;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.catalog.Replacement;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One row of an imported workbook as the preview judged it, with what it proposes when it is new or changed. */
@Entity
@Table(name = "zpp_catalog_import_row")
class ImportRow {

	private static final ObjectMapper JSON = new ObjectMapper();

	enum Sheet {
		/** 「证明清单」: one catalog entry a row */
		ENTRIES,
		/** 「事项」: one matter a row, of which only 可网办 and 零跑腿 may be changed */
		MATTERS
	}

	enum Status {
		NEW, CHANGED, UNCHANGED, REFUSED
	}

	/** One field a row changes: its column title, the value in force and the workbook's. */
	record FieldChange(String field, String from, String to) {
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Sheet sheet;

	/** the row's number as the spreadsheet program shows it (the header is row 1) */
	@Column(name = "sheet_row", nullable = false)
	private int sheetRow;

	@Column(name = "matter_code", length = 64)
	private String matterCode;

	@Column(name = "certificate_code", length = 64)
	private String certificateCode;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Status status;

	@Column(length = 1000)
	private String reason;

	@Column(length = 4000)
	private String changes;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Disposition disposition;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Replacement replacement;

	@Column(length = 1000)
	private String detail;

	@Column(name = "deadline_working_days")
	private Integer deadlineWorkingDays;

	@Column(name = "legal_basis", length = 512)
	private String legalBasis;

	private Boolean online;

	@Column(name = "zero_trip")
	private Boolean zeroTrip;

	protected ImportRow() {
	}

	private ImportRow(Sheet sheet, int sheetRow, String matterCode, String certificateCode, Status status) {
		this.sheet = sheet;
		this.sheetRow = sheetRow;
		this.matterCode = clip(matterCode, 64);
		this.certificateCode = clip(certificateCode, 64);
		this.status = status;
	}

	static ImportRow refused(Sheet sheet, int sheetRow, String matterCode, String certificateCode, String reason) {
		ImportRow row = new ImportRow(sheet, sheetRow, matterCode, certificateCode, Status.REFUSED);
		row.reason = clip(reason, 1000);
		return row;
	}

	static ImportRow unchanged(Sheet sheet, int sheetRow, String matterCode, String certificateCode) {
		return new ImportRow(sheet, sheetRow, matterCode, certificateCode, Status.UNCHANGED);
	}

	static ImportRow entry(int sheetRow, String matterCode, String certificateCode, boolean isNew, EntryTerms terms,
			List<FieldChange> changes) {
		ImportRow row = new ImportRow(Sheet.ENTRIES, sheetRow, matterCode, certificateCode,
				isNew ? Status.NEW : Status.CHANGED);
		row.disposition = terms.disposition();
		row.replacement = terms.replacement();
		row.detail = terms.detail();
		row.deadlineWorkingDays = terms.deadlineWorkingDays();
		row.legalBasis = terms.legalBasis();
		row.changes = json(changes);
		return row;
	}

	static ImportRow capabilities(int sheetRow, String matterCode, boolean online, boolean zeroTrip,
			List<FieldChange> changes) {
		ImportRow row = new ImportRow(Sheet.MATTERS, sheetRow, matterCode, null, Status.CHANGED);
		row.online = online;
		row.zeroTrip = zeroTrip;
		row.changes = json(changes);
		return row;
	}

	/** What a NEW or CHANGED row proposes. */
	CatalogChange change() {
		if (sheet == Sheet.MATTERS) {
			return CatalogChange.capabilities(matterCode, online, zeroTrip);
		}
		EntryTerms terms = new EntryTerms(disposition, replacement, detail, deadlineWorkingDays, legalBasis);
		return status == Status.NEW ? CatalogChange.add(matterCode, certificateCode, terms)
				: CatalogChange.change(matterCode, certificateCode, terms);
	}

	boolean proposesAChange() {
		return status == Status.NEW || status == Status.CHANGED;
	}

	List<FieldChange> fieldChanges() {
		if (changes == null) {
			return List.of();
		}
		try {
			return JSON.readValue(changes, new TypeReference<List<FieldChange>>() {
			});
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("unreadable changes of import row " + id, e);
		}
	}

	private static String json(List<FieldChange> changes) {
		try {
			String text = JSON.writeValueAsString(changes);
			// a change too long to keep in full is kept by its fields' names
			return text.length() <= 4000 ? text
					: JSON.writeValueAsString(changes.stream().map(c -> new FieldChange(c.field(), "…", "…")).toList());
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
	}

	Sheet getSheet() {
		return sheet;
	}

	int getSheetRow() {
		return sheetRow;
	}

	String getMatterCode() {
		return matterCode;
	}

	String getCertificateCode() {
		return certificateCode;
	}

	Status getStatus() {
		return status;
	}

	String getReason() {
		return reason;
	}
}
