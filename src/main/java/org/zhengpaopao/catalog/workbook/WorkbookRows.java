package org.zhengpaopao.catalog.workbook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.zhengpaopao.system.InvalidInputException;

/**
 * An uploaded workbook's sheets as rows of texts by column title, as a spreadsheet program shows them. Columns are
 * found by their titles, so that a maintainer may reorder or add columns; the file is judged by its content, never by
 * its name.
 */
final class WorkbookRows {

	/** More rows than the county's whole catalog could ever have: a mistake, or not a catalog at all. */
	static final int MAX_ROWS = 10_000;

	/** One row: its number as the spreadsheet program shows it, and its texts by column title. */
	record SheetRow(int number, Map<String, String> cells) {

		String get(String column) {
			return cells.getOrDefault(column, "");
		}

		boolean has(String column) {
			return cells.containsKey(column);
		}

		boolean isBlank() {
			return cells.values().stream().allMatch(String::isBlank);
		}
	}

	private final Map<String, List<SheetRow>> sheets;

	private WorkbookRows(Map<String, List<SheetRow>> sheets) {
		this.sheets = sheets;
	}

	static WorkbookRows read(byte[] content, List<String> sheetNames) {
		if (content == null || content.length == 0) {
			throw notAWorkbook();
		}
		try (InputStream in = FileMagic.prepareToCheckMagic(new ByteArrayInputStream(content))) {
			if (FileMagic.valueOf(in) != FileMagic.OOXML) {
				throw notAWorkbook();
			}
		}
		catch (IOException e) {
			throw notAWorkbook();
		}
		DataFormatter formatter = new DataFormatter();
		formatter.setUseCachedValuesForFormulaCells(true);
		Map<String, List<SheetRow>> sheets = new HashMap<>();
		try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			for (String name : sheetNames) {
				Sheet sheet = workbook.getSheet(name);
				if (sheet != null) {
					sheets.put(name, rows(sheet, formatter));
				}
			}
		}
		catch (InvalidInputException e) {
			throw e;
		}
		catch (IOException | RuntimeException e) {
			// a zip that is no workbook, a damaged one, one that unpacks to far more than it weighs
			throw notAWorkbook();
		}
		return new WorkbookRows(sheets);
	}

	Optional<List<SheetRow>> sheet(String name) {
		return Optional.ofNullable(sheets.get(name));
	}

	private static List<SheetRow> rows(Sheet sheet, DataFormatter formatter) {
		if (sheet.getLastRowNum() > MAX_ROWS) {
			throw new InvalidInputException("file", "工作表「" + sheet.getSheetName() + "」超过 " + MAX_ROWS + " 行，请分批导入",
					"sheet " + sheet.getSheetName() + " has more than " + MAX_ROWS + " rows");
		}
		Row header = sheet.getRow(sheet.getFirstRowNum());
		if (header == null) {
			return List.of();
		}
		Map<Integer, String> titles = new HashMap<>();
		for (Cell cell : header) {
			String title = formatter.formatCellValue(cell).strip();
			if (!title.isEmpty()) {
				titles.putIfAbsent(cell.getColumnIndex(), title);
			}
		}
		List<SheetRow> rows = new ArrayList<>();
		for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
			Row row = sheet.getRow(r);
			Map<String, String> cells = new HashMap<>();
			titles.forEach((column, title) -> {
				Cell cell = row == null ? null : row.getCell(column);
				cells.put(title, cell == null ? "" : formatter.formatCellValue(cell).strip());
			});
			rows.add(new SheetRow(r + 1, cells));
		}
		return rows;
	}

	static InvalidInputException notAWorkbook() {
		return new InvalidInputException("file", "请上传从本系统导出并修改的 Excel 工作簿（.xlsx）；该文件不是可读取的 .xlsx 工作簿",
				"the file is not a readable .xlsx workbook");
	}
}
