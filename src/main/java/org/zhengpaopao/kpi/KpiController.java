package org.zhengpaopao.kpi;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Locale;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.system.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The KPIs for 跑改办 and 督考办 ({@code managers}) and admins. */
@RestController
@Tag(name = "考核指标 KPI", description = "跑改办、督考办（managers）和管理员可用。统计口径见各字段说明及 docs/kpi.md。")
class KpiController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Kpis kpis;
	private final CountyRatesTally rates;
	private final KpiFacts facts;
	private final MonthlyReport report;
	private final MatterRatesTally matterRates;

	KpiController(Kpis kpis, CountyRatesTally rates, KpiFacts facts, MonthlyReport report,
			MatterRatesTally matterRates) {
		this.kpis = kpis;
		this.rates = rates;
		this.facts = facts;
		this.report = report;
		this.matterRates = matterRates;
	}

	@GetMapping("/api/kpi")
	@Operation(summary = "考核指标（按期间和维度）/ KPIs of a period, by township, issuer, runner or month",
			description = "代跑受理量（其中企业申请）、办结量、按时办结率、送达工作日（平均、P90）、黄牌、红牌、各级督办、例外办结、满意率、差评及其按时整改。"
					+ "每个事件按其发生时间（北京时间）归入期间：受理按受理时间，办结按送达、不予出具或例外办结的时间，亮牌和督办按亮牌时间，"
					+ "评价按首次评价时间。期间用 month=YYYY-MM，或 from、to（含两端）；都不给时为本月。"
					+ " Every event counts in the period (Beijing time) in which it happened; rates are fractions 0–1, null "
					+ "without a denominator.")
	KpiReport kpis(
			@Parameter(description = "统计期间首日 YYYY-MM-DD（默认本月1日）") @RequestParam(required = false) String from,
			@Parameter(description = "统计期间末日 YYYY-MM-DD，含（默认本月末）") @RequestParam(required = false) String to,
			@Parameter(description = "整月 YYYY-MM，给出时代替 from、to") @RequestParam(required = false) String month,
			@Parameter(description = "分组维度：COUNTY 全县、TOWNSHIP 乡镇（申请人所在乡镇）、ISSUER 出证单位、"
					+ "RUNNER 代跑员（送达的代跑员；未送达的为最后向出证部门提交调取或补充材料的代跑员）、MONTH 月份",
					schema = @Schema(allowableValues = { "COUNTY", "TOWNSHIP", "ISSUER", "RUNNER", "MONTH" },
							defaultValue = "COUNTY")) @RequestParam(defaultValue = "COUNTY") String by) {
		return kpis.kpis(Period.parse(from, to, month, facts.today()), breakdown(by));
	}

	@GetMapping("/api/kpi/rates")
	@Operation(summary = "全县考核比率（按办件统计）/ The county's per-case rates: one-ID, zero-trip, online, satisfaction; catalog tallies",
			description = "按办件统计（办件口径）：期间内受理的办件和评价。按事项统计的一证通办率、可网办率、零跑腿率见 "
					+ "/api/kpi/matter-rates。另附期间内受理的办件按申请人类型（个人、企业）的件数。\n\n"
					+ CountyRates.ONE_ID + "\n\n" + CountyRates.ZERO_TRIP + "\n\n"
					+ CountyRates.ONLINE + "\n\n" + CountyRates.SATISFACTION
					+ "\n\n另附证明清单（现行有效条目）按批次和处理方式的条目数，以及期间内逐月的四项比率。")
	CountyRates rates(
			@Parameter(description = "统计期间首日 YYYY-MM-DD（默认本月1日）") @RequestParam(required = false) String from,
			@Parameter(description = "统计期间末日 YYYY-MM-DD，含（默认本月末）") @RequestParam(required = false) String to,
			@Parameter(description = "整月 YYYY-MM，给出时代替 from、to") @RequestParam(required = false) String month) {
		return rates.rates(Period.parse(from, to, month, facts.today()));
	}

	@GetMapping("/api/kpi/matter-rates")
	@Operation(summary = "事项口径（按事项统计）/ The county's matter-level figures at a date: one-ID livelihood matters, online and zero-trip matters, certificates cleared per batch",
			description = MatterRates.BASIS + "\n\n" + MatterRates.LIVELIHOOD_ONE_ID + "\n\n" + MatterRates.ONLINE
					+ "\n\n" + MatterRates.ZERO_TRIP + "\n\n" + MatterRates.CLEARED)
	MatterRates matterRates(@Parameter(description = "统计日期 YYYY-MM-DD（默认今天，北京时间），按当日结束时已公布的清单统计")
	@RequestParam(required = false) String date) {
		return matterRates.at(date == null || date.isBlank() ? facts.today() : Period.day(date, "date"));
	}

	@GetMapping(value = "/api/kpi/report.xlsx", produces = XLSX)
	@Operation(summary = "月度例会报告（Excel）/ The monthly meeting's report as an Excel workbook",
			description = "工作表：汇总（全县指标和按办件统计的比率、证明清单统计）、事项口径（月末按事项统计的一证通办、可网办、零跑腿和各批次清理证明数）、乡镇（15个乡镇街道）、部门（出证单位）、超期清单（本月末前亮红牌且本月内仍未办结的代跑）、"
					+ "差评整改（本月的差评及整改状态）。",
			responses = @ApiResponse(responseCode = "200", content = @Content(mediaType = XLSX)))
	ResponseEntity<byte[]> report(
			@Parameter(description = "月份 YYYY-MM", required = true) @RequestParam String month) {
		YearMonth yearMonth = Period.month(month, "month");
		byte[] workbook = report.workbook(yearMonth);
		// the Chinese name for browsers (RFC 6266 filename*), an ASCII one for clients that know no better
		String name = URLEncoder.encode("证跑跑月度例会报告-" + yearMonth + ".xlsx", StandardCharsets.UTF_8).replace("+", "%20");
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"zhengpaopao-report-" + yearMonth
					+ ".xlsx\"; filename*=UTF-8''" + name)
			.contentType(MediaType.parseMediaType(XLSX))
			.body(workbook);
	}

	private static Breakdown breakdown(String by) {
		try {
			return Breakdown.valueOf(by.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException e) {
			throw new InvalidInputException("by", "分组维度应为 COUNTY、TOWNSHIP、ISSUER、RUNNER 或 MONTH",
					"by is one of COUNTY, TOWNSHIP, ISSUER, RUNNER, MONTH");
		}
	}
}
