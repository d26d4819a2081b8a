package org.zhengpaopao.kpi;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The county's matter-level figures (事项口径, 按事项统计) at one date: counted over the catalog as published then, not over
 * cases. The per-case rates of the same names are {@link CountyRates} (按办件统计).
 */
@Schema(description = "事项口径（按事项统计）：按某日已公布的证明清单统计事项和证明，与 /api/kpi/rates 的办件口径（按办件统计）不同")
record MatterRates(@Schema(description = "统计日期（北京时间，含当日）") LocalDate date,
		@Schema(description = "口径说明") String basis,
		@Schema(description = LIVELIHOOD_ONE_ID) Figure livelihoodOneIdRate,
		@Schema(description = ONLINE) Figure onlineRate,
		@Schema(description = ZERO_TRIP) Figure zeroTripRate,
		@Schema(description = CLEARED) List<BatchCleared> batches,
		@Schema(description = "累计清理证明数：各批次之和") long clearedCumulative,
		@Schema(description = "各批次公布后动态调整增列的条目数（不属于任何批次，不计入累计清理数）") long laterEntries) {

	static final String BASIS = "按事项统计（事项口径）：统计日当日结束时已公布的证明清单（每个条目取当时有效的版本，已移出清单的不计）；"
			+ "事项的类别和可网办、零跑腿标记没有历史版本，一律取当前值。与按办件统计的一证通办率、零跑腿率、网上办率（/api/kpi/rates）不同。";
	static final String LIVELIHOOD_ONE_ID = "民生事项一证通办率（按事项统计）= 一证通办的民生事项数 / 民生事项数。一证通办：统计日清单所列该事项的每项证明"
			+ "都已取消、共享核验或以证照替代，凭身份证即可办理（不列任何证明的事项也是）；含告知承诺或代跑的不是。";
	static final String ONLINE = "可网办率（按事项统计）= 标记为可网办的事项数 / 全部事项数（民生和涉企）。";
	static final String ZERO_TRIP = "零跑腿率（按事项统计）= 标记为零跑腿的事项数 / 全部事项数；零跑腿的事项必可网办。";
	static final String CLEARED = "各批次清理的证明数：统计日清单中属于该批次的条目数。清理 = 列入已公布清单的每一条：砍掉、共享、替代，"
			+ "以及代跑（申请人不再自己开具，由证跑跑代跑），已移出清单的不计。";

	@Schema(description = "一项事项口径比率：value = numerator / denominator，分母为0时 value 为 null")
	record Figure(@Schema(description = "名称，注明按事项统计") String label,
			@Schema(description = "0–1 的小数") Double value, long numerator, long denominator) {

		static Figure of(String label, long numerator, long denominator) {
			return new Figure(label, RowTally.rate(numerator, denominator), numerator, denominator);
		}
	}

	@Schema(description = "一个已公布批次在统计日清理的证明数，按处理方式，并累计")
	record BatchCleared(@Schema(description = "批次编号：0 = 2017年清理，1 = 2018年3月第一批，2 = 2018年9月第二批") int batch,
			@Schema(description = "批次名称") String name,
			@Schema(description = "公布日期") LocalDate publishedOn,
			@Schema(description = "清理的证明数（该批次的条目数）") long cleared,
			@Schema(description = "其中砍掉") long cancelled,
			@Schema(description = "其中共享") long shared,
			@Schema(description = "其中替代") long replaced,
			@Schema(description = "其中代跑") long proxyRun,
			@Schema(description = "截至该批次的累计清理数") long cumulative) {
	}
}
