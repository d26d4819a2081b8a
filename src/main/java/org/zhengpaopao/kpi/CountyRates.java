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
		@Schema(description = "期间内受理、证明尚在办理中的办件数：和待审批的办件一样，审批前不计入零跑腿率") long applicationsInProgress,
		@Schema(description = "期间内受理的办件按申请人类型：个人、企业（法人）") Applicants applications,
		@Schema(description = "证明清单（现行有效条目）按批次和处理方式的条目数") List<CatalogTally> catalog,
		@Schema(description = "期间内逐月的四项比率，用于趋势") List<MonthRates> months) {

	static final String ONE_ID = "一证通办率（按办件统计）= 期间内受理的办件中，一证通办的办件数 / 受理办件数。一证通办：受理时该办件的每项证明"
			+ "（按受理时所依据的清单版本）都已取消、共享核验或以证照替代（证照经数据共享核验），申请人凭身份证即可办理；"
			+ "含告知承诺（需签字）或代跑（需授权）的不是。以受理时的清单为准，后来共享核验失败转代跑的仍计为一证通办。";
	static final String ZERO_TRIP = "零跑腿率（按办件统计）= 期间内受理、到查询时已审批（准予办理或不予办理）的办件中，零跑腿的办件数 / 这些办件数。"
			+ "零跑腿：申请人在省政务服务平台网上提交（受理渠道为网上申请），且审批结果网上送达或邮寄送达，申请人从申请到拿到结果没有跑一趟；"
			+ "窗口受理、村代办员代办或结果到窗口领取的不是。尚未审批的办件（证明办理中或待审批）不计入分母，审批后计入；"
			+ "结果送达方式上线前审批的办件没有记录送达方式，计入分母、不计为零跑腿。";
	static final String ONLINE = "网上办率（按办件统计）= 期间内受理的办件中，申请人在省政务服务平台网上提交的办件数 / 受理办件数"
			+ "（窗口受理、村代办员代办、网上申请三种受理渠道合计）。单独申请的代跑不是办件，不计入。";
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
