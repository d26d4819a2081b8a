package org.zhengpaopao.catalog.workbook;

import static org.zhengpaopao.catalog.workbook.WorkbookLayout.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellRangeAddressList;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Organization;

/**
 * The published catalog as a workbook: 「事项」 (one matter a row), 「证明清单」 (one entry in force a row) and 「说明」 (how
 * to edit it). Columns with a grey title are read-only: the import ignores them.
 */
@Component
public class CatalogWorkbook {

	/** How many rows the data validation lists cover below the data, for rows a maintainer adds. */
	private static final int ROWS_TO_ADD = 500;

	private final Catalog catalog;
	private final Organization organization;

	CatalogWorkbook(Catalog catalog, Organization organization) {
		this.catalog = catalog;
		this.organization = organization;
	}

	@Transactional(readOnly = true)
	public byte[] export() {
		List<Matter> matters = catalog.matters();
		Map<String, Matter> mattersByCode = matters.stream().collect(Collectors.toMap(Matter::getCode, m -> m));
		Map<String, Certificate> certificates = catalog.certificates()
			.stream()
			.collect(Collectors.toMap(Certificate::getCode, Function.identity()));
		Map<String, String> departments = organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getCode, Department::getName));
		Map<String, Boolean> oneId = catalog.oneIdFlags();
		List<CatalogEntry> entries = catalog.entriesInForce()
			.stream()
			.sorted(Comparator.comparing(CatalogEntry::getMatterCode).thenComparing(CatalogEntry::getCertificateCode))
			.toList();
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			Sheet matterSheet = workbook.createSheet(MATTERS);
			header(matterSheet, styles, MATTER_COLUMNS, MATTER_READ_ONLY);
			int r = 1;
			for (Matter matter : matters) {
				Row row = matterSheet.createRow(r++);
				cells(row, styles, matter.getCode(), matter.getName(), label(matter.getCategory()),
						matter.getUsingDepartmentCode(), departments.getOrDefault(matter.getUsingDepartmentCode(), ""),
						yesNo(oneId.getOrDefault(matter.getCode(), true)), yesNo(matter.isOnline()),
						yesNo(matter.isZeroTrip()));
			}
			widths(matterSheet, 12, 36, 8, 14, 24, 10, 8, 8);
			list(matterSheet, MATTER_COLUMNS.indexOf(ONLINE), r, YES, NO);
			list(matterSheet, MATTER_COLUMNS.indexOf(ZERO_TRIP), r, YES, NO);

			Sheet entrySheet = workbook.createSheet(ENTRIES);
			header(entrySheet, styles, ENTRY_COLUMNS, ENTRY_READ_ONLY);
			r = 1;
			for (CatalogEntry entry : entries) {
				Row row = entrySheet.createRow(r++);
				Matter matter = mattersByCode.get(entry.getMatterCode());
				Certificate certificate = certificates.get(entry.getCertificateCode());
				cells(row, styles, entry.getMatterCode(), matter == null ? "" : matter.getName(),
						entry.getCertificateCode(), certificate == null ? "" : certificate.getName(),
						entry.getDisposition().label(), label(entry.getReplacement()), entry.getDetail(),
						entry.getLegalBasis());
				if (entry.getDeadlineWorkingDays() != null) {
					row.createCell(8).setCellValue(entry.getDeadlineWorkingDays());
				}
				if (entry.getBatch() != null) {
					row.createCell(9).setCellValue(entry.getBatch());
				}
			}
			widths(entrySheet, 12, 30, 12, 30, 10, 10, 48, 40, 12, 6);
			list(entrySheet, ENTRY_COLUMNS.indexOf(DISPOSITION), r, dispositionLabels());
			list(entrySheet, ENTRY_COLUMNS.indexOf(REPLACEMENT), r, replacementLabels());

			help(workbook.createSheet(HELP), styles);
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static void header(Sheet sheet, Styles styles, List<String> columns, List<String> readOnly) {
		Row row = sheet.createRow(0);
		for (int c = 0; c < columns.size(); c++) {
			var cell = row.createCell(c);
			cell.setCellValue(columns.get(c));
			cell.setCellStyle(readOnly.contains(columns.get(c)) ? styles.readOnlyHeader : styles.header);
		}
		sheet.createFreezePane(0, 1);
		sheet.setAutoFilter(new CellRangeAddress(0, 0, 0, columns.size() - 1));
	}

	private static void cells(Row row, Styles styles, String... values) {
		for (int c = 0; c < values.length; c++) {
			var cell = row.createCell(c);
			cell.setCellValue(values[c] == null ? "" : values[c]);
			cell.setCellStyle(styles.text);
		}
	}

	private static void widths(Sheet sheet, int... characters) {
		for (int c = 0; c < characters.length; c++) {
			// a Chinese character is about two widths of a Latin one
			sheet.setColumnWidth(c, Math.min(255, characters[c] * 2) * 256);
		}
	}

	private static void list(Sheet sheet, int column, int dataRows, String... values) {
		DataValidationHelper helper = sheet.getDataValidationHelper();
		DataValidation validation = helper.createValidation(helper.createExplicitListConstraint(values),
				new CellRangeAddressList(1, dataRows + ROWS_TO_ADD, column, column));
		validation.setShowErrorBox(true);
		validation.setEmptyCellAllowed(true);
		validation.createErrorBox("请从列表中选择", "可选：" + String.join("、", values));
		sheet.addValidationData(validation);
	}

	private static void help(Sheet sheet, Styles styles) {
		String[] lines = { "证跑跑 证明清单工作簿：如何修改后导入",
				"1. 本工作簿导出的是现行（已公布）的清单。修改后在「证明清单维护」页面（/catalog/）上传，系统先给出预览，不会直接修改清单。",
				"2. 「证明清单」每行是一个事项的一项证明。可改：处理方式、替代方式、说明、法律依据、代跑时限（工作日）；可新增行（填写事项编码和证明编码）。",
				"3. 灰色标题的列只读（事项名称、证明名称、批次；「事项」中的事项名称、类别、用证部门、一证通办），导入时不读取。一证通办由系统按清单计算。",
				"4. 处理方式：砍掉（取消）、共享、替代、代跑。砍掉、共享、替代须写明法律依据；替代须选择替代方式（证照或告知承诺）；只有代跑填写代跑时限（1至60个工作日）。",
				"5. 「事项」只可修改可网办、零跑腿（是/否）；零跑腿的事项必须可网办。",
				"6. 删除一行不会把该证明移出清单：移出清单请逐条办理。同一事项的同一证明只能出现一行。",
				"7. 预览中被拒绝的行会写明原因。可以跳过被拒绝的行确认其余修改，也可以放弃本次导入。确认后的修改作为一次调整申请交跑改办审核（取消、替代的还须县司法局合法性审查），审核通过公布后才生效。" };
		for (int r = 0; r < lines.length; r++) {
			var cell = sheet.createRow(r).createCell(0);
			cell.setCellValue(lines[r]);
			cell.setCellStyle(r == 0 ? styles.header : styles.wrapped);
		}
		sheet.setColumnWidth(0, 120 * 256);
	}

	private static final class Styles {

		final CellStyle header;
		final CellStyle readOnlyHeader;
		final CellStyle text;
		final CellStyle wrapped;

		Styles(XSSFWorkbook workbook) {
			Font bold = workbook.createFont();
			bold.setBold(true);
			Font boldGrey = workbook.createFont();
			boldGrey.setBold(true);
			boldGrey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
			header = workbook.createCellStyle();
			header.setFont(bold);
			header.setFillForegroundColor(IndexedColors.LIGHT_CORNFLOWER_BLUE.getIndex());
			header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			readOnlyHeader = workbook.createCellStyle();
			readOnlyHeader.setFont(boldGrey);
			readOnlyHeader.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
			readOnlyHeader.setFillPattern(FillPatternType.SOLID_FOREGROUND);
			text = workbook.createCellStyle();
			// codes and texts stay text, so that a spreadsheet program never turns 001 into 1
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			wrapped = workbook.createCellStyle();
			wrapped.setWrapText(true);
		}
	}
}
