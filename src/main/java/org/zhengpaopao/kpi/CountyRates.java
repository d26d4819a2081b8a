package org.zhengpaopao.kpi;

import java.time.LocalDate;
import java.util.List;

import org.zhengpaopao.catalog.Disposition;

import io.swagger.v3.oas.annotations.media.Schema;

/** The county's rates for a period, with their numerators and denominators, by month too, and the catalog's tallies. */
@Schema(description = "全县考核比率（按办件统计，含分子、分母）、逐月比率，以及证明清单按批次和处理方式的统计")
record CountyRates(@Schema(description = "统计期间首日") LocalDate from,
		@Schema(description = "统计期间末日（含）") LocalDate to,
		@Schema(description = ONE_ID) Rate oneIdRate,
		@Schema(description = ZERO_TRIP) Rate zeroTripRate,
		@Schema(description = ONLINE) Rate onlineRate,
		@Schema(description = SATISFACTION) Rate satisfactionRate,
		@Schema(description = "期间内受理、证明尚在办理中的办件数：不计入零跑腿率，办结后计入") long applicationsInProgress,
		@Schema(description = "期间内受理的办件按申请人类型：个人、企业（法人）") Applicants applications,
		@Schema(description = "证明清单（现行有效条目）按批次和处理方式的条目数") List<CatalogTally> catalog,
		@Schema(description = "期间内逐月的四项比率，用于趋势") List<MonthRates> months) {

	static final String ONE_ID = "一证通办率（按办件统计）= 期间内受理的办件中，一证通办的办件数 / 受理办件数。一证通办：受理时该办件的每项证明"
			+ "（按受理时所依据的清单版本）都已取消、共享核验或以证照替代（证照经数据共享核验），申请人凭身份证即可办理；"
			+ "含告知承诺（需签字）或代跑（需授权）的不是。以受理时的清单为准，后来共享核验失败转代跑的仍计为一证通办。";
	static final String ZERO_TRIP = "零跑腿率（按办件统计）= 期间内受理、证明已全部办结（待审批或已审批）的办件中，零跑腿的办件数 / 这些办件数。"
			+ "零跑腿：每项证明都已取消、共享核验通过、以证照或告知承诺替代，或由证跑跑代跑送达，申请人没有为任何证明跑一趟；"
			+ "有任何一项「未能取得」（代跑不予出具、授权过期或例外办结）的不是。证明尚在办理中的办件不计入分母。";
	static final String ONLINE = "网上办率（按办件统计）= 期间内给出的代跑授权中，申请人通过短信验证码在线确认的数 / 授权总数（在线确认 + 窗口签署）。"
			+ "办件一律在窗口受理，系统中申请人唯一可以不到窗口办理的环节就是代跑授权，故以此为网上办的口径；逾期未确认的授权不计入。";
	static final String SATISFACTION = "满意率（按评价统计）= 期间内首次评价中「非常满意」「满意」「基本满意」的数 / 评价数；申诉成立的恶意差评不计入，"
			+ "整改后的再评价不改变首次评价。办件和单独代跑的评价都计入。";

	@Schema(description = "一项比率：value = numerator / denominator，分母为0时 value 为 null")
	record Rate(@Schema(description = "0–1 的小数") Double value, long numerator, long denominator) {

		static Rate of(long numerator, long denominator) {
			return new Rate(RowTally.rate(numerator, denominator), numerator, denominator);
		}
	}

	@Schema(description = "办件数，按申请人类型")
	record Applicants(@Schema(description = "申请人为个人的") long persons,
			@Schema(description = "申请人为企业（法人）的") long companies) {
	}

	@Schema(description = "某一批次、某一处理方式的现行证明清单条目数")
	record CatalogTally(@Schema(description = "批次：0 = 2017年清理，1 = 2018年3月，2 = 2018年9月，null = 动态调整（后来增补）") Integer batch,
			@Schema(description = "批次名称") String batchName,
			@Schema(description = "处理方式：CANCELLED 砍掉、SHARED 共享、REPLACED 替代、PROXY 代跑") Disposition disposition,
			@Schema(description = "处理方式名称") String dispositionName, long entries) {
	}

	@Schema(description = "某月的四项比率（期间首末月只计期间内的天数）")
	record MonthRates(@Schema(description = "YYYY-MM") String month, Rate oneIdRate, Rate zeroTripRate, Rate onlineRate,
			Rate satisfactionRate) {
	}
}
