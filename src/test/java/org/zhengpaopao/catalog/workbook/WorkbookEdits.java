package org.zhengpaopao.catalog.workbook;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What a maintainer does to an exported catalog workbook in a spreadsheet program, done with POI for the tests. */
public final class WorkbookEdits {

	public static final String MATTERS = WorkbookLayout.MATTERS;
	public static final String ENTRIES = WorkbookLayout.ENTRIES;
	public static final String MATTER_CODE = WorkbookLayout.MATTER_CODE;
	public static final String CERTIFICATE_CODE = WorkbookLayout.CERTIFICATE_CODE;
	public static final String DISPOSITION = WorkbookLayout.DISPOSITION;
	public static final String REPLACEMENT = WorkbookLayout.REPLACEMENT;
	public static final String DETAIL = WorkbookLayout.DETAIL;
	public static final String LEGAL_BASIS = WorkbookLayout.LEGAL_BASIS;
	public static final String DEADLINE = WorkbookLayout.DEADLINE;
	public static final String ONLINE = WorkbookLayout.ONLINE;
	public static final String ZERO_TRIP = WorkbookLayout.ZERO_TRIP;

	private static final DataFormatter TEXT = new DataFormatter();

	private final XSSFWorkbook workbook;

	private WorkbookEdits(XSSFWorkbook workbook) {
		this.workbook = workbook;
	}

	/** The workbook edited as {@code edits} says, written again. */
	public static byte[] edit(byte[] xlsx, Consumer<WorkbookEdits> edits) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx));
				ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			edits.accept(new WorkbookEdits(workbook));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Reads (and edits in place) a workbook that is already open. */
	public static WorkbookEdits of(XSSFWorkbook workbook) {
		return new WorkbookEdits(workbook);
	}

	public XSSFWorkbook workbook() {
		return workbook;
	}

	/** The number (as the spreadsheet shows it) of the first row of {@code sheet} whose first column is that code. */
	public int rowOf(String sheet, String firstColumn) {
		return rowWhere(sheet, Map.of(title(sheet, 0), firstColumn));
	}

	/** The entry's row in 「证明清单」. */
	public int entryRow(String matterCode, String certificateCode) {
		return rowWhere(ENTRIES, Map.of(WorkbookLayout.MATTER_CODE, matterCode, WorkbookLayout.CERTIFICATE_CODE,
				certificateCode));
	}

	public int rowWhere(String sheetName, Map<String, String> values) {
		Sheet sheet = workbook.getSheet(sheetName);
		for (int r = 1; r <= sheet.getLastRowNum(); r++) {
			int row = r + 1;
			if (values.entrySet().stream().allMatch(v -> get(sheetName, row, v.getKey()).equals(v.getValue()))) {
				return row;
			}
		}
		throw new AssertionError("no row " + values + " in " + sheetName);
	}

	public String get(String sheetName, int row, String column) {
		Row r = workbook.getSheet(sheetName).getRow(row - 1);
		Cell cell = r == null ? null : r.getCell(column(sheetName, column));
		return cell == null ? "" : TEXT.formatCellValue(cell);
	}

	/** Sets a cell of a row (numbered as the spreadsheet shows it); {@code null} empties it. */
	public WorkbookEdits set(String sheetName, int row, String column, Object value) {
		Sheet sheet = workbook.getSheet(sheetName);
		Row r = sheet.getRow(row - 1) == null ? sheet.createRow(row - 1) : sheet.getRow(row - 1);
		Cell cell = r.getCell(column(sheetName, column), Row.MissingCellPolicy.CREATE_NULL_AS_BLANK);
		if (value == null) {
			cell.setBlank();
		}
		else if (value instanceof Number number) {
			cell.setCellValue(number.doubleValue());
		}
		else {
			cell.setCellValue(value.toString());
		}
		return this;
	}

	/** Adds a row below the last one; returns its number. */
	public int add(String sheetName, Map<String, Object> values) {
		int row = workbook.getSheet(sheetName).getLastRowNum() + 2;
		values.forEach((column, value) -> set(sheetName, row, column, value));
		return row;
	}

	/** Copies a row below the last one; returns the copy's number. */
	public int copy(String sheetName, int row) {
		Sheet sheet = workbook.getSheet(sheetName);
		int copy = sheet.getLastRowNum() + 2;
		Row from = sheet.getRow(row - 1);
		Row to = sheet.createRow(copy - 1);
		for (Cell cell : from) {
			to.createCell(cell.getColumnIndex()).setCellValue(TEXT.formatCellValue(cell));
		}
		return copy;
	}

	public void removeRow(String sheetName, int row) {
		Sheet sheet = workbook.getSheet(sheetName);
		sheet.removeRow(sheet.getRow(row - 1));
	}

	private int column(String sheetName, String title) {
		Row header = workbook.getSheet(sheetName).getRow(0);
		for (Cell cell : header) {
			if (TEXT.formatCellValue(cell).equals(title)) {
				return cell.getColumnIndex();
			}
		}
		throw new AssertionError("no column " + title + " in " + sheetName);
	}

	private String title(String sheetName, int column) {
		return TEXT.formatCellValue(workbook.getSheet(sheetName).getRow(0).getCell(column));
	}

	/**
	 * An export with one entry's 说明 changed (to something unique): a workbook whose import proposes one change, for
	 * the tests of other features that need an import to confirm.
	 */
	public static byte[] withOneChangedDetail(byte[] export, String matterCode, String certificateCode, String detail) {
		return edit(export, e -> e.set(ENTRIES, e.entryRow(matterCode, certificateCode), WorkbookLayout.DETAIL, detail));
	}
}
