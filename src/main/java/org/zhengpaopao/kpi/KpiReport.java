package org.zhengpaopao.kpi;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** The answer of {@code GET /api/kpi}: the county total and one row per key of the breakdown. */
@Schema(description = "统计期间的全县合计，以及按所选维度的分组行")
record KpiReport(@Schema(description = "统计期间首日") LocalDate from,
		@Schema(description = "统计期间末日（含）") LocalDate to,
		@Schema(description = "分组维度") Breakdown by,
		@Schema(description = "全县合计") KpiRow total,
		@Schema(description = "分组行。乡镇：全部15个乡镇（街道），无数据的为0；月份：期间内每个月；出证单位、代跑员：期间内有数据的，"
				+ "无法归属的（办件评价没有出证单位和代跑员，未认领的代跑没有代跑员）归入 key 为 null 的一行") List<KpiRow> rows) {
}
