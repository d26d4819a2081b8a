package org.zhengpaopao.kpi;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Function;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhengpaopao.system.CountyTime;

/** The monthly report's cells: the styles of one workbook, and writing texts, numbers and labelled metrics. */
final class WorkbookCells {

	static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private WorkbookCells() {
	}

	static int count(Sheet sheet, int r, Styles styles, String label, long value, String note) {
		return metric(sheet, r, styles, label, note, cell -> {
			cell.setCellValue(value);
			return styles.integer;
		});
	}

	static int number(Sheet sheet, int r, Styles styles, String label, Integer value, String note) {
		return value == null ? dash(sheet, r, styles, label, note) : count(sheet, r, styles, label, value, note);
	}

	static int decimal(Sheet sheet, int r, Styles styles, String label, Double value, String note) {
		return value == null ? dash(sheet, r, styles, label, note) : metric(sheet, r, styles, label, note, cell -> {
			cell.setCellValue(value);
			return styles.decimal;
		});
	}

	static int rate(Sheet sheet, int r, Styles styles, String label, Double value, String note) {
		return value == null ? dash(sheet, r, styles, label, note) : metric(sheet, r, styles, label, note, cell -> {
			cell.setCellValue(value);
			return styles.percent;
		});
	}

	static int dash(Sheet sheet, int r, Styles styles, String label, String note) {
		return metric(sheet, r, styles, label, note, cell -> {
			cell.setCellValue("—");
			return styles.cell;
		});
	}

	static int metric(Sheet sheet, int r, Styles styles, String label, String note,
			Function<Cell, CellStyle> value) {
		Row row = sheet.createRow(r);
		text(row, 0, label, styles.label);
		Cell cell = row.createCell(1);
		cell.setCellStyle(value.apply(cell));
		text(row, 2, note, styles.note);
		return r + 1;
	}

	static String dateTime(Instant at) {
		return at == null ? "" : LocalDateTime.ofInstant(at, CountyTime.ZONE).format(DATE_TIME);
	}

	static void text(Row row, int column, String value, CellStyle style) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value == null ? "" : value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

	static void integer(Row row, int column, long value, Styles styles) {
		Cell cell = row.createCell(column);
		cell.setCellValue(value);
		cell.setCellStyle(styles.integer);
	}

	static void header(Row row, Styles styles, String... titles) {
		for (int c = 0; c < titles.length; c++) {
			text(row, c, titles[c], styles.header);
		}
	}

	static void widths(Sheet sheet, int... characters) {
		for (int c = 0; c < characters.length; c++) {
			sheet.setColumnWidth(c, characters[c] * 256);
		}
	}

	static final class Styles {

		final CellStyle title;
		final CellStyle header;
		final CellStyle label;
		final CellStyle cell;
		final CellStyle note;
		final CellStyle integer;
		final CellStyle decimal;
		final CellStyle percent;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font big = workbook.createFont();
			big.setBold(true);
			big.setFontHeightInPoints((short) 14);
			Font grey = workbook.createFont();
			grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
			title = workbook.createCellStyle();
			title.setFont(big);
			header = bordered(workbook);
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			header.setWrapText(true);
			label = bordered(workbook);
			label.setFont(bold);
			cell = bordered(workbook);
			note = workbook.createCellStyle();
			note.setFont(grey);
			integer = bordered(workbook);
			integer.setDataFormat(workbook.createDataFormat().getFormat("0"));
			decimal = bordered(workbook);
			decimal.setDataFormat(workbook.createDataFormat().getFormat("0.0"));
			percent = bordered(workbook);
			percent.setDataFormat(workbook.createDataFormat().getFormat("0.0%"));
		}

		private static CellStyle bordered(XSSFWorkbook workbook) {
			CellStyle style = workbook.createCellStyle();
			style.setBorderTop(BorderStyle.THIN);
			style.setBorderBottom(BorderStyle.THIN);
			style.setBorderLeft(BorderStyle.THIN);
			style.setBorderRight(BorderStyle.THIN);
			return style;
		}
	}
}
