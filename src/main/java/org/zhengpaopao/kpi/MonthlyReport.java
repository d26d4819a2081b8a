package org.zhengpaopao.kpi;

import static org.zhengpaopao.kpi.WorkbookCells.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.assessment.RatedService;
import org.zhengpaopao.assessment.RatingFacts;
import org.zhengpaopao.proxyrun.ProxyRun;

/**
 * The monthly report for the working group's monthly meeting (月度例会): one workbook with the summary, the townships,
 * the issuing departments, the overdue runs and the bad ratings of one month. Numbers are written as numbers (rates
 * as fractions formatted as percentages), so that the office can go on calculating with them.
 */
@Component
class MonthlyReport {

	static final String SUMMARY = "汇总";
	static final String MATTERS = "事项口径";
	static final String TOWNSHIPS = "乡镇";
	static final String DEPARTMENTS = "部门";
	static final String OVERDUE = "超期清单";
	static final String BAD_RATINGS = "差评整改";

	private final KpiFacts kpiFacts;
	private final Kpis kpis;
	private final CountyRatesTally countyRates;
	private final MonthlyLists lists;
	private final MatterRatesTally matterRates;
	private final Clock clock;

	MonthlyReport(KpiFacts kpiFacts, Kpis kpis, CountyRatesTally countyRates, MonthlyLists lists,
			MatterRatesTally matterRates, Clock clock) {
		this.kpiFacts = kpiFacts;
		this.kpis = kpis;
		this.countyRates = countyRates;
		this.lists = lists;
		this.matterRates = matterRates;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public byte[] workbook(YearMonth month) {
		Period period = Period.of(month);
		KpiFacts.Snapshot data = kpiFacts.snapshot(period);
		KpiReport county = kpis.kpis(data, Breakdown.COUNTY);
		KpiReport townships = kpis.kpis(data, Breakdown.TOWNSHIP);
		KpiReport departments = kpis.kpis(data, Breakdown.ISSUER);
		CountyRates rates = countyRates.rates(data);
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Styles styles = new Styles(workbook);
			summary(workbook.createSheet(SUMMARY), styles, month, county.total(), rates);
			matters(workbook.createSheet(MATTERS), styles, matterRates.at(month.atEndOfMonth()));
			rows(workbook.createSheet(TOWNSHIPS), styles, "乡镇（街道）", townships, false);
			rows(workbook.createSheet(DEPARTMENTS), styles, "出证单位", departments, true);
			overdue(workbook.createSheet(OVERDUE), styles, lists.overdue(data));
			badRatings(workbook.createSheet(BAD_RATINGS), styles, lists.badRatings(data));
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static String title(YearMonth month) {
		return "证跑跑月度例会报告（" + month.getYear() + "年" + month.getMonthValue() + "月）";
	}

	// --- 汇总

	private void summary(Sheet sheet, Styles styles, YearMonth month, KpiRow total, CountyRates rates) {
		Row title = sheet.createRow(0);
		text(title, 0, title(month), styles.title);
		sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, 2));
		Row period = sheet.createRow(1);
		text(period, 0, "统计期间", styles.label);
		text(period, 1, month.atDay(1) + " 至 " + month.atEndOfMonth(), null);
		Row generated = sheet.createRow(2);
		text(generated, 0, "生成时间", styles.label);
		text(generated, 1, dateTime(clock.instant()), null);
		header(sheet.createRow(4), styles, "指标", "数值", "口径");
		int r = 5;
		r = count(sheet, r, styles, "代跑受理量", total.runsOpened(), "本月受理（窗口登记）的代跑，含办件中的代跑");
		r = count(sheet, r, styles, "代跑办结量", total.runsHandled(), "本月送达、不予出具或例外办结的代跑");
		r = count(sheet, r, styles, "其中：送达", total.delivered(), "证明已送达用证部门");
		r = count(sheet, r, styles, "其中：不予出具", total.refused(), "出证部门不予出具（附理由）");
		r = count(sheet, r, styles, "其中：例外办结", total.exceptions(), "工作专班例外办结");
		r = count(sheet, r, styles, "授权过期", total.authorizationsExpired(), "申请人逾期未在线确认授权");
		r = rate(sheet, r, styles, "按时办结率", total.onTimeRate(), "期限日18:00前送达或不予出具且未亮红牌 / 办结量");
		r = decimal(sheet, r, styles, "平均送达工作日", total.averageWorkingDaysToDelivery(), "受理日至送达日的工作日数");
		r = number(sheet, r, styles, "送达工作日P90", total.p90WorkingDaysToDelivery(), "最近秩法第90百分位");
		r = count(sheet, r, styles, "黄牌预警", total.yellowCards(), "本月亮出的黄牌");
		r = count(sheet, r, styles, "红牌超期（1级督办）", total.redCards(), "本月亮出的红牌，移交工作专班");
		r = count(sheet, r, styles, "2级督办", total.escalations().level2(), "期限后2个工作日仍未办结，通报督考办");
		r = count(sheet, r, styles, "3级督办", total.escalations().level3(), "期限后5个工作日仍未办结");
		r = count(sheet, r, styles, "评价数", total.ratings(), "本月首次评价，申诉成立的除外");
		r = rate(sheet, r, styles, "满意率", total.satisfactionRate(), "非常满意、满意、基本满意 / 评价数");
		r = count(sheet, r, styles, "差评数", total.badRatings(), "不满意、非常不满意（申诉成立的除外）");
		r = count(sheet, r, styles, "差评按时整改", total.rectifiedOnTime(), "15个工作日内报告整改");
		r = count(sheet, r, styles, "差评整改超期", total.rectificationOverdue(), "逾期整改或已过期限仍未整改");
		r = count(sheet, r, styles, REPORTS_COLUMN, total.confirmedDemandReports(),
				"群众举报部门索要清单已砍掉、共享或替代的证明，本月经核实属实的（按部门见「部门」表）");
		r = rate(sheet, r, styles, "一证通办率（按办件）", rates.oneIdRate().value(),
				rates.oneIdRate().numerator() + " / " + rates.oneIdRate().denominator() + " 件：受理时每项证明均已取消、共享或以证照替代");
		r = rate(sheet, r, styles, "零跑腿率（按办件）", rates.zeroTripRate().value(), rates.zeroTripRate().numerator() + " / "
				+ rates.zeroTripRate().denominator() + " 件已审批的办件：网上申请，结果网上送达或邮寄送达，申请人一趟未跑");
		r = rate(sheet, r, styles, "网上办率（按办件）", rates.onlineRate().value(), rates.onlineRate().numerator() + " / "
				+ rates.onlineRate().denominator() + " 件受理的办件由申请人在省政务服务平台网上提交");
		r = rate(sheet, r, styles, "满意率（全县口径）", rates.satisfactionRate().value(), rates.satisfactionRate().numerator()
				+ " / " + rates.satisfactionRate().denominator() + " 条评价");
		r = count(sheet, r, styles, "企业申请的代跑", total.companyRunsOpened(), "代跑受理量中申请人为企业（法人）的");
		r = count(sheet, r, styles, "企业申请的办件", rates.applications().companies(),
				"本月受理的办件中申请人为企业的；个人 " + rates.applications().persons() + " 件");
		r++;
		header(sheet.createRow(r++), styles, "证明清单批次", "处理方式", "条目数");
		for (CountyRates.CatalogTally tally : rates.catalog()) {
			Row row = sheet.createRow(r++);
			text(row, 0, tally.batchName(), styles.cell);
			text(row, 1, tally.dispositionName(), styles.cell);
			row.createCell(2).setCellValue(tally.entries());
			row.getCell(2).setCellStyle(styles.integer);
		}
		sheet.setColumnWidth(0, 24 * 256);
		sheet.setColumnWidth(1, 16 * 256);
		sheet.setColumnWidth(2, 60 * 256);
	}

	// --- 事项口径

	static final String[] BATCH_COLUMNS = { "批次", "清理证明数", "公布日期", "砍掉", "共享", "替代", "代跑", "累计" };

	/** The matter-level figures at the month's last day: the county's own way of reporting (docs/kpi.md). */
	private static void matters(Sheet sheet, Styles styles, MatterRates figures) {
		Row title = sheet.createRow(0);
		text(title, 0, "事项口径（按事项统计）", styles.title);
		Row date = sheet.createRow(1);
		text(date, 0, "统计日期", styles.label);
		text(date, 1, figures.date().toString(), null);
		text(date, 2, "当日结束时已公布的证明清单；事项的类别、可网办、零跑腿取当前标记", styles.note);
		header(sheet.createRow(3), styles, "指标", "数值", "口径");
		int r = 4;
		for (MatterRates.Figure figure : List.of(figures.livelihoodOneIdRate(), figures.onlineRate(),
				figures.zeroTripRate())) {
			r = rate(sheet, r, styles, figure.label(), figure.value(),
					figure.numerator() + " / " + figure.denominator() + " 个事项");
		}
		r = count(sheet, r, styles, "累计清理证明数", figures.clearedCumulative(), "各批次清单所列的证明（含代跑）之和");
		r++;
		header(sheet.createRow(r++), styles, BATCH_COLUMNS);
		for (MatterRates.BatchCleared batch : figures.batches()) {
			Row row = sheet.createRow(r++);
			text(row, 0, batch.name(), styles.cell);
			integer(row, 1, batch.cleared(), styles);
			text(row, 2, batch.publishedOn().toString(), styles.cell);
			long[] values = { batch.cancelled(), batch.shared(), batch.replaced(), batch.proxyRun(), batch.cumulative() };
			for (int i = 0; i < values.length; i++) {
				integer(row, 3 + i, values[i], styles);
			}
		}
		widths(sheet, 30, 14, 60, 8, 8, 8, 8, 8);
	}

	// --- 乡镇, 部门

	static final String[] ROW_COLUMNS = { "代跑受理", "办结", "送达", "不予出具", "例外办结", "按时办结", "按时办结率", "平均送达工作日",
			"送达工作日P90", "黄牌", "红牌", "2级督办", "3级督办", "评价数", "满意率", "差评", "按时整改", "整改超期" };

	/** The departments' sheet only: confirmed reports count against the department that demanded the certificate. */
	static final String REPORTS_COLUMN = "属实举报（清单外索要证明）";

	private static void rows(Sheet sheet, Styles styles, String what, KpiReport report, boolean withReports) {
		String[] columns = new String[ROW_COLUMNS.length + (withReports ? 2 : 1)];
		columns[0] = what;
		System.arraycopy(ROW_COLUMNS, 0, columns, 1, ROW_COLUMNS.length);
		if (withReports) {
			columns[columns.length - 1] = REPORTS_COLUMN;
		}
		header(sheet.createRow(0), styles, columns);
		int r = 1;
		for (KpiRow row : report.rows()) {
			kpiRow(sheet.createRow(r++), styles, row.name(), row, styles.cell, withReports);
		}
		kpiRow(sheet.createRow(r), styles, "合计", report.total(), styles.label, withReports);
		sheet.createFreezePane(1, 1);
		sheet.setColumnWidth(0, 30 * 256);
		for (int c = 1; c < columns.length; c++) {
			sheet.setColumnWidth(c, 12 * 256);
		}
	}

	private static void kpiRow(Row row, Styles styles, String name, KpiRow kpi, CellStyle nameStyle,
			boolean withReports) {
		text(row, 0, name, nameStyle);
		Object[] values = { kpi.runsOpened(), kpi.runsHandled(), kpi.delivered(), kpi.refused(), kpi.exceptions(),
				kpi.onTime(), kpi.onTimeRate(), kpi.averageWorkingDaysToDelivery(), kpi.p90WorkingDaysToDelivery(),
				kpi.yellowCards(), kpi.redCards(), kpi.escalations().level2(), kpi.escalations().level3(),
				kpi.ratings(), kpi.satisfactionRate(), kpi.badRatings(), kpi.rectifiedOnTime(),
				kpi.rectificationOverdue() };
		for (int i = 0; i < values.length; i++) {
			Cell cell = row.createCell(i + 1);
			Object value = values[i];
			String column = ROW_COLUMNS[i];
			if (value == null) {
				cell.setCellValue("—");
				cell.setCellStyle(styles.cell);
			}
			else if (column.endsWith("率")) {
				cell.setCellValue((Double) value);
				cell.setCellStyle(styles.percent);
			}
			else if (value instanceof Double d) {
				cell.setCellValue(d);
				cell.setCellStyle(styles.decimal);
			}
			else {
				cell.setCellValue(((Number) value).doubleValue());
				cell.setCellStyle(styles.integer);
			}
		}
		if (withReports) {
			Cell cell = row.createCell(values.length + 1);
			cell.setCellValue(kpi.confirmedDemandReports());
			cell.setCellStyle(styles.integer);
		}
	}

	// --- 超期清单

	/** 申请人: 「个人」, or 「企业：」 with the company's name; the workbook names no person */
	static final String[] OVERDUE_COLUMNS = { "序号", "办件编号", "申请人", "乡镇（街道）", "证明", "出证单位", "代跑群组", "代跑员", "受理时间",
			"办结期限", "红牌时间", "督办级别", "延期", "状态", "办结时间", "超期工作日（至办结或今日）" };

	private void overdue(Sheet sheet, Styles styles, List<MonthlyLists.OverdueRun> runs) {
		header(sheet.createRow(0), styles, OVERDUE_COLUMNS);
		int r = 1;
		for (MonthlyLists.OverdueRun overdue : runs) {
			ProxyRun run = overdue.facts().run();
			Row row = sheet.createRow(r);
			integer(row, 0, r, styles);
			text(row, 1, run.getCaseNo(), styles.cell);
			text(row, 2, run.getApplicant().kindAndCompany(), styles.cell);
			text(row, 3, kpis.townshipName(run.getTownshipCode()), styles.cell);
			text(row, 4, overdue.certificateName(), styles.cell);
			text(row, 5, run.getIssuerName(), styles.cell);
			text(row, 6, run.getRunnerGroup(), styles.cell);
			text(row, 7, overdue.facts().runner() == null ? "未认领" : overdue.facts().runner(), styles.cell);
			text(row, 8, dateTime(run.getCreatedAt()), styles.cell);
			text(row, 9, String.valueOf(run.getDeadline()), styles.cell);
			text(row, 10, dateTime(overdue.redCardAt()), styles.cell);
			integer(row, 11, overdue.level(), styles);
			text(row, 12, overdue.extended() ? "是" : "否", styles.cell);
			text(row, 13, run.getState().label(), styles.cell);
			text(row, 14, overdue.facts().ending() == null ? "" : dateTime(overdue.facts().ending().getAt()), styles.cell);
			integer(row, 15, overdue.workingDaysOverdue(), styles);
			r++;
		}
		if (runs.isEmpty()) {
			text(sheet.createRow(1), 0, "本月无超期代跑", styles.note);
		}
		sheet.createFreezePane(0, 1);
		widths(sheet, 6, 22, 28, 12, 24, 24, 18, 18, 17, 12, 17, 9, 6, 14, 17, 14);
	}

	// --- 差评整改

	static final String[] BAD_RATING_COLUMNS = { "序号", "办件编号", "类型", "申请人", "乡镇（街道）", "责任单位", "评价", "评价时间", "评价内容",
			"回访期限", "回访时间", "整改期限", "整改时间", "整改状态", "再评价" };

	private void badRatings(Sheet sheet, Styles styles, List<MonthlyLists.BadRating> ratings) {
		header(sheet.createRow(0), styles, BAD_RATING_COLUMNS);
		int r = 1;
		for (MonthlyLists.BadRating bad : ratings) {
			RatingFacts facts = bad.facts();
			Row row = sheet.createRow(r);
			integer(row, 0, r, styles);
			text(row, 1, facts.caseNo(), styles.cell);
			text(row, 2, facts.service() == RatedService.PROXY_RUN ? "代跑" : "办件", styles.cell);
			text(row, 3, facts.applicantType().label(), styles.cell);
			text(row, 4, kpis.townshipName(facts.townshipCode()), styles.cell);
			text(row, 5, facts.responsibleGroup(), styles.cell);
			text(row, 6, facts.level().label(), styles.cell);
			text(row, 7, dateTime(facts.ratedAt()), styles.cell);
			text(row, 8, bad.rating().map(rating -> rating.getComment()).orElse(""), styles.cell);
			text(row, 9, bad.rating().map(rating -> dateTime(rating.getCallBackDue())).orElse(""), styles.cell);
			text(row, 10, bad.rating().map(rating -> dateTime(rating.getCalledBackAt())).orElse(""), styles.cell);
			text(row, 11, bad.rating().map(rating -> dateTime(rating.getRectificationDue())).orElse(""), styles.cell);
			text(row, 12, bad.rating().map(rating -> dateTime(rating.getRectifiedAt())).orElse(""), styles.cell);
			text(row, 13, bad.status(), styles.cell);
			text(row, 14, facts.followUpLevel() == null ? "" : facts.followUpLevel().label(), styles.cell);
			r++;
		}
		if (ratings.isEmpty()) {
			text(sheet.createRow(1), 0, "本月无差评", styles.note);
		}
		sheet.createFreezePane(0, 1);
		widths(sheet, 6, 22, 8, 8, 12, 20, 12, 17, 40, 17, 17, 17, 17, 16, 12);
	}
}
