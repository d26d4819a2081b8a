package org.zhengpaopao.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.proxyrun.ProxyRunAuthorizations;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The monthly report for March 2025, downloaded as a manager would and opened with POI: every sheet checked cell by
 * cell against {@link KpiFixture}'s March, worked out by hand (see {@link KpiApiTests} for the arithmetic).
 */
@IntegrationTest
class KpiReportTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	ProxyRunAuthorizations authorizations;

	@Autowired
	Applications applications;

	@Autowired
	Assessment assessment;

	@Autowired
	Catalog catalog;

	@Autowired
	Organization organization;

	@Autowired
	RecordingNotifier sms;

	KpiFixture.Cases cases;
	Workbook workbook;

	@BeforeEach
	void downloadMarch() throws IOException {
		cases = KpiFixture.ensureBuilt(engine, proxyRuns, authorizations, applications, assessment, catalog, sms);
		ResponseEntity<byte[]> response = http.withBasicAuth("manager-1", "demo")
			.getForEntity("/api/kpi/report.xlsx?month=2025-03", byte[].class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.parseMediaType(KpiController.XLSX)))
			.isTrue();
		assertThat(response.getHeaders().getFirst(HttpHeaders.CONTENT_DISPOSITION)).startsWith("attachment")
			.contains("filename=\"zhengpaopao-report-2025-03.xlsx\"", "filename*=UTF-8''");
		workbook = new XSSFWorkbook(new ByteArrayInputStream(response.getBody()));
	}

	@AfterEach
	void close() throws IOException {
		workbook.close();
	}

	static String text(Sheet sheet, int row, int column) {
		Cell cell = sheet.getRow(row).getCell(column);
		assertThat(cell.getCellType()).as("%s!%s%d is text", sheet.getSheetName(), (char) ('A' + column), row + 1)
			.isEqualTo(CellType.STRING);
		return cell.getStringCellValue();
	}

	static double number(Sheet sheet, int row, int column) {
		Cell cell = sheet.getRow(row).getCell(column);
		assertThat(cell.getCellType()).as("%s!%s%d is a number", sheet.getSheetName(), (char) ('A' + column), row + 1)
			.isEqualTo(CellType.NUMERIC);
		return cell.getNumericCellValue();
	}

	static String format(Sheet sheet, int row, int column) {
		return sheet.getRow(row).getCell(column).getCellStyle().getDataFormatString();
	}

	/** A metric of the summary sheet: its label in A, its value in B. */
	static void metric(Sheet sheet, int row, String label, double value) {
		assertThat(text(sheet, row, 0)).isEqualTo(label);
		assertThat(number(sheet, row, 1)).as(label).isCloseTo(value, within(1e-9));
	}

	static void percent(Sheet sheet, int row, String label, double value) {
		metric(sheet, row, label, value);
		assertThat(format(sheet, row, 1)).as(label).isEqualTo("0.0%");
	}

	static List<Double> numbers(Row row, int from, int to) {
		List<Double> values = new ArrayList<>();
		for (int c = from; c <= to; c++) {
			values.add(row.getCell(c).getCellType() == CellType.NUMERIC ? row.getCell(c).getNumericCellValue() : null);
		}
		return values;
	}

	static Row rowNamed(Sheet sheet, String name) {
		for (Row row : sheet) {
			if (row.getRowNum() > 0 && name.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + name + " in " + sheet.getSheetName());
	}

	@Test
	void shouldHaveTheSixSheetsOfTheMonthlyMeeting() {
		assertThat(workbook.getNumberOfSheets()).isEqualTo(6);
		assertThat(List.of(workbook.getSheetName(0), workbook.getSheetName(1), workbook.getSheetName(2),
				workbook.getSheetName(3), workbook.getSheetName(4), workbook.getSheetName(5)))
			.containsExactly("汇总", "事项口径", "乡镇", "部门", "超期清单", "差评整改");
	}

	@Test
	void shouldGiveTheMatterLevelFiguresAtTheMonthsLastDay() {
		Sheet sheet = workbook.getSheet("事项口径");
		assertThat(text(sheet, 0, 0)).isEqualTo("事项口径（按事项统计）");
		assertThat(text(sheet, 1, 1)).isEqualTo("2025-03-31");
		// the same numbers as the API gives for that day
		JsonNode figures = http.withBasicAuth("manager-1", "demo")
			.getForEntity("/api/kpi/matter-rates?date=2025-03-31", JsonNode.class)
			.getBody();
		int r = 4;
		for (String figure : List.of("livelihoodOneIdRate", "onlineRate", "zeroTripRate")) {
			JsonNode expected = figures.get(figure);
			percent(sheet, r, expected.get("label").asText(), expected.get("value").asDouble());
			assertThat(text(sheet, r, 2)).isEqualTo(
					expected.get("numerator").asLong() + " / " + expected.get("denominator").asLong() + " 个事项");
			r++;
		}
		assertThat(text(sheet, 4, 0)).isEqualTo("民生事项一证通办率（按事项）");
		metric(sheet, 7, "累计清理证明数", 583);
		assertThat(text(sheet, 9, 0)).isEqualTo("批次");
		assertThat(text(sheet, 9, 1)).isEqualTo("清理证明数");
		Row lastBatch = sheet.getRow(12);
		assertThat(lastBatch.getCell(0).getStringCellValue()).isEqualTo("2018年9月第二批");
		assertThat(numbers(sheet.getRow(10), 1, 1)).containsExactly(192.0);
		assertThat(numbers(sheet.getRow(11), 1, 1)).containsExactly(161.0);
		assertThat(numbers(lastBatch, 1, 1)).containsExactly(230.0);
		// 砍掉, 共享, 替代, 代跑, 累计 of the September list: its 23 proxy-runs are cleared certificates too
		JsonNode september = figures.get("batches").get(2);
		assertThat(numbers(lastBatch, 3, 7)).containsExactly(september.get("cancelled").asDouble(),
				september.get("shared").asDouble(), september.get("replaced").asDouble(), 23.0, 583.0);
		assertThat(sheet.getRow(13)).isNull();
	}

	@Test
	void shouldSummariseTheCountysMonth() {
		Sheet summary = workbook.getSheet("汇总");
		assertThat(text(summary, 0, 0)).isEqualTo("证跑跑月度例会报告（2025年3月）");
		assertThat(text(summary, 1, 1)).isEqualTo("2025-03-01 至 2025-03-31");
		assertThat(text(summary, 4, 0)).isEqualTo("指标");
		metric(summary, 5, "代跑受理量", 7);
		metric(summary, 6, "代跑办结量", 5);
		metric(summary, 7, "其中：送达", 3);
		metric(summary, 8, "其中：不予出具", 1);
		metric(summary, 9, "其中：例外办结", 1);
		metric(summary, 10, "授权过期", 2);
		percent(summary, 11, "按时办结率", 0.6);
		metric(summary, 12, "平均送达工作日", 8.0 / 3);
		assertThat(format(summary, 12, 1)).isEqualTo("0.0");
		metric(summary, 13, "送达工作日P90", 6);
		metric(summary, 14, "黄牌预警", 2);
		metric(summary, 15, "红牌超期（1级督办）", 2);
		metric(summary, 16, "2级督办", 2);
		metric(summary, 17, "3级督办", 1);
		metric(summary, 18, "评价数", 5);
		percent(summary, 19, "满意率", 0.6);
		metric(summary, 20, "差评数", 2);
		metric(summary, 21, "差评按时整改", 1);
		metric(summary, 22, "差评整改超期", 1);
		// no citizen's report of a demanded certificate was confirmed in March 2025
		metric(summary, 23, "属实举报（清单外索要证明）", 0);
		percent(summary, 24, "一证通办率（按办件）", 0.5);
		assertThat(text(summary, 24, 2)).startsWith("2 / 4 件");
		// A1 (online, result online) and A2 (online, result by post) of the four decided cases
		percent(summary, 25, "零跑腿率（按办件）", 0.5);
		assertThat(text(summary, 25, 2)).startsWith("2 / 4 件已审批的办件");
		// A1, A2, A3 submitted on the platform, A4 taken at the window
		percent(summary, 26, "网上办率（按办件）", 0.75);
		assertThat(text(summary, 26, 2)).startsWith("3 / 4 件受理的办件");
		percent(summary, 27, "满意率（全县口径）", 0.6);
		// R5 and A1 are a company's
		metric(summary, 28, "企业申请的代跑", 1);
		metric(summary, 29, "企业申请的办件", 1);
		assertThat(text(summary, 29, 2)).endsWith("个人 3 件");

		assertThat(text(summary, 31, 0)).isEqualTo("证明清单批次");
		List<Catalog.Tally> tallies = catalog.tallies();
		for (int i = 0; i < tallies.size(); i++) {
			Catalog.Tally tally = tallies.get(i);
			assertThat(text(summary, 32 + i, 0)).isEqualTo(catalog.batchName(tally.batch()));
			assertThat(text(summary, 32 + i, 1)).isEqualTo(tally.disposition().label());
			assertThat(number(summary, 32 + i, 2)).isEqualTo(tally.entries());
		}
		assertThat(summary.getRow(32 + tallies.size())).isNull();
	}

	@Test
	void shouldListEveryTownshipWithItsNumbersAndTheTotal() {
		Sheet townships = workbook.getSheet("乡镇");
		assertThat(text(townships, 0, 0)).isEqualTo("乡镇（街道）");
		assertThat(text(townships, 0, 7)).isEqualTo("按时办结率");
		List<Division> all = organization.townships();
		for (int i = 0; i < all.size(); i++) {
			assertThat(text(townships, 1 + i, 0)).isEqualTo(all.get(i).getName());
		}
		assertThat(text(townships, 1 + all.size(), 0)).isEqualTo("合计");

		// 受理 办结 送达 不予出具 例外 按时 按时率 平均 P90 黄 红 2级 3级 评价 满意率 差评 按时整改 整改超期
		Row xikou = rowNamed(townships, "溪口镇");
		assertThat(numbers(xikou, 1, 18)).containsExactly(4.0, 3.0, 2.0, 1.0, 0.0, 2.0, 2.0 / 3, 4.0, 6.0, 1.0, 1.0,
				1.0, 0.0, 3.0, 2.0 / 3, 1.0, 1.0, 0.0);
		assertThat(xikou.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("0.0%");
		Row tashi = rowNamed(townships, "塔石镇");
		assertThat(numbers(tashi, 1, 18)).containsExactly(3.0, 2.0, 1.0, 0.0, 1.0, 1.0, 0.5, 0.0, 0.0, 1.0, 1.0, 1.0,
				1.0, 2.0, 0.5, 1.0, 0.0, 1.0);
		Row muchen = rowNamed(townships, "沐尘畲族乡");
		assertThat(numbers(muchen, 1, 6)).containsOnly(0.0);
		assertThat(muchen.getCell(7).getStringCellValue()).as("no rate without a run handled").isEqualTo("—");
		Row total = rowNamed(townships, "合计");
		assertThat(numbers(total, 1, 7)).containsExactly(7.0, 5.0, 3.0, 1.0, 1.0, 3.0, 0.6);
	}

	@Test
	void shouldListTheIssuingDepartments() {
		Sheet departments = workbook.getSheet("部门");
		assertThat(text(departments, 0, 0)).isEqualTo("出证单位");
		Row minzheng = rowNamed(departments, "县民政局");
		assertThat(numbers(minzheng, 1, 18)).containsExactly(4.0, 4.0, 2.0, 1.0, 1.0, 2.0, 0.5, 4.0, 6.0, 2.0, 2.0,
				2.0, 1.0, 3.0, 1.0 / 3, 2.0, 1.0, 1.0);
		// the village committees issue their own certificates: R3 (泽随村), R4 (洞头村, never authorized)
		assertThat(numbers(rowNamed(departments, "泽随村民委员会"), 1, 3)).containsExactly(1.0, 1.0, 1.0);
		assertThat(numbers(rowNamed(departments, "洞头村民委员会"), 1, 1)).containsExactly(1.0);
		Row cases = rowNamed(departments, Kpis.NO_ISSUER);
		assertThat(numbers(cases, 14, 14)).containsExactly(1.0);
		assertThat(numbers(rowNamed(departments, "合计"), 1, 2)).containsExactly(7.0, 5.0);
	}

	@Test
	void shouldListTheRunsOverdueInTheMonthLongestFirst() {
		Sheet overdue = workbook.getSheet("超期清单");
		assertThat(text(overdue, 0, 1)).isEqualTo("办件编号");
		assertThat(text(overdue, 0, 2)).isEqualTo("申请人");
		assertThat(text(overdue, 0, 15)).isEqualTo("超期工作日（至办结或今日）");

		// R5: deadline Fri 03-07, closed Mon 03-17 → 10,11,12,13,14,17 = 6 working days over, level 3, never fetched;
		// a company's, named (a company's name is no personal data)
		assertThat(number(overdue, 1, 0)).isEqualTo(1);
		assertThat(text(overdue, 1, 1)).isEqualTo(cases.r5());
		assertThat(text(overdue, 1, 2)).isEqualTo("企业：" + KpiFixture.COMPANY);
		assertThat(text(overdue, 1, 3)).isEqualTo("塔石镇");
		assertThat(text(overdue, 1, 4)).isEqualTo("火化证明补开");
		assertThat(text(overdue, 1, 5)).isEqualTo("县民政局");
		assertThat(text(overdue, 1, 6)).isEqualTo("runners-county");
		assertThat(text(overdue, 1, 7)).isEqualTo("未认领");
		assertThat(text(overdue, 1, 8)).isEqualTo("2025-03-04 10:00");
		assertThat(text(overdue, 1, 9)).isEqualTo("2025-03-07");
		assertThat(text(overdue, 1, 10)).isEqualTo("2025-03-07 18:01");
		assertThat(number(overdue, 1, 11)).isEqualTo(3);
		assertThat(text(overdue, 1, 12)).isEqualTo("否");
		assertThat(text(overdue, 1, 13)).isEqualTo("例外办结");
		assertThat(text(overdue, 1, 14)).isEqualTo("2025-03-17 09:00");
		assertThat(number(overdue, 1, 15)).isEqualTo(6);

		// R2: deadline Thu 03-06, delivered Tue 03-11 → 7,10,11 = 3, level 2, delivered by runner-county-1; a person's,
		// not named
		assertThat(number(overdue, 2, 0)).isEqualTo(2);
		assertThat(text(overdue, 2, 1)).isEqualTo(cases.r2());
		assertThat(text(overdue, 2, 2)).isEqualTo("个人");
		assertThat(text(overdue, 2, 3)).isEqualTo("溪口镇");
		assertThat(text(overdue, 2, 7)).isEqualTo("runner-county-1");
		assertThat(text(overdue, 2, 9)).isEqualTo("2025-03-06");
		assertThat(text(overdue, 2, 10)).isEqualTo("2025-03-06 18:01");
		assertThat(number(overdue, 2, 11)).isEqualTo(2);
		assertThat(text(overdue, 2, 13)).isEqualTo("已送达用证部门");
		assertThat(text(overdue, 2, 14)).isEqualTo("2025-03-11 11:00");
		assertThat(number(overdue, 2, 15)).isEqualTo(3);

		assertThat(overdue.getRow(3)).as("R1, R3, R6 were on time; R4 and R8 never had a deadline").isNull();
	}

	@Test
	void shouldListTheBadRatingsWithWhatBecameOfThem() {
		Sheet bad = workbook.getSheet("差评整改");
		assertThat(text(bad, 0, 3)).isEqualTo("申请人");
		assertThat(text(bad, 0, 13)).isEqualTo("整改状态");

		// by the time they were given: R6 (03-06), R2 (03-11), R5 (03-17)
		assertThat(text(bad, 1, 1)).isEqualTo(cases.r6());
		assertThat(text(bad, 1, 2)).isEqualTo("代跑");
		assertThat(text(bad, 1, 3)).isEqualTo("个人");
		assertThat(text(bad, 1, 6)).isEqualTo("非常不满意");
		assertThat(text(bad, 1, 13)).isEqualTo("申诉成立，不计入");

		assertThat(text(bad, 2, 1)).isEqualTo(cases.r2());
		assertThat(text(bad, 2, 4)).isEqualTo("溪口镇");
		assertThat(text(bad, 2, 5)).isEqualTo("runners-county");
		assertThat(text(bad, 2, 6)).isEqualTo("不满意");
		assertThat(text(bad, 2, 7)).isEqualTo("2025-03-11 12:00");
		assertThat(text(bad, 2, 8)).isEqualTo("等得太久");
		// one working day to call back, fifteen to rectify: 03-12 and 04-01, 18:00
		assertThat(text(bad, 2, 9)).isEqualTo("2025-03-12 18:00");
		assertThat(text(bad, 2, 10)).isEqualTo("2025-03-11 14:00");
		assertThat(text(bad, 2, 11)).isEqualTo("2025-04-01 18:00");
		assertThat(text(bad, 2, 12)).isEqualTo("2025-03-12 10:00");
		assertThat(text(bad, 2, 13)).isEqualTo("已按时整改");

		// fifteen working days from Monday 03-17, with Qingming (Friday 04-04) off: 04-08; the company's contact rated
		assertThat(text(bad, 3, 1)).isEqualTo(cases.r5());
		assertThat(text(bad, 3, 3)).isEqualTo("企业");
		assertThat(text(bad, 3, 4)).isEqualTo("塔石镇");
		assertThat(text(bad, 3, 11)).isEqualTo("2025-04-08 18:00");
		assertThat(text(bad, 3, 12)).isEqualTo("2025-04-15 10:00");
		assertThat(text(bad, 3, 13)).isEqualTo("逾期整改");

		assertThat(bad.getRow(4)).isNull();
	}
}
