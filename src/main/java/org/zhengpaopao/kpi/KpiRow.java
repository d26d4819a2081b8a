package org.zhengpaopao.kpi;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One row of {@code GET /api/kpi}: the numbers of one township, issuer, runner or month (or the county) for the
 * period. Rates are fractions between 0 and 1, null when nothing was counted.
 */
@Schema(description = "某一乡镇、出证单位、代跑员或月份（或全县）在统计期间的指标。比率为0–1的小数，无分母时为 null。")
record KpiRow(
		@Schema(description = "分组键：乡镇或部门代码、代跑员账号、月份 YYYY-MM，全县为 county；无法归属的为 null") String key,
		@Schema(description = "分组名称") String name,
		@Schema(description = "代跑受理量：期间内受理（窗口登记）的代跑，含办件中的代跑") long runsOpened,
		@Schema(description = "其中企业申请：代跑受理量中申请人为企业（法人）的") long companyRunsOpened,
		@Schema(description = "代跑办结量：期间内以送达、不予出具或例外办结结束的代跑（授权过期的不计，代跑员未经手）") long runsHandled,
		@Schema(description = "其中送达用证部门") long delivered,
		@Schema(description = "其中出证部门不予出具") long refused,
		@Schema(description = "例外办结：期间内由工作专班例外办结的代跑") long exceptions,
		@Schema(description = "授权过期：期间内因申请人未在线确认授权而终止的代跑") long authorizationsExpired,
		@Schema(description = "按时办结数：办结代跑中在办结期限（期限日18:00）前送达或不予出具、且从未亮红牌的") long onTime,
		@Schema(description = "按时办结率 = 按时办结数 / 代跑办结量（例外办结计为未按时：只有超期督办才可例外办结）") Double onTimeRate,
		@Schema(description = "平均送达工作日：期间内送达的代跑，从受理日到送达日的工作日数（当天送达为0）的平均值") Double averageWorkingDaysToDelivery,
		@Schema(description = "送达工作日第90百分位（最近秩法：排序后第 ⌈0.9n⌉ 个）") Integer p90WorkingDaysToDelivery,
		@Schema(description = "黄牌预警：期间内亮出的黄牌数（延期后再次亮牌另计）") long yellowCards,
		@Schema(description = "红牌超期：期间内亮出的红牌数") long redCards,
		@Schema(description = "各级督办：期间内达到1级（红牌移交工作专班）、2级、3级（通报督考办）的次数") Escalations escalations,
		@Schema(description = "计入的评价数：期间内首次评价，申诉成立的差评除外") long ratings,
		@Schema(description = "申诉成立、不计入任何比率的差评数") long excludedRatings,
		@Schema(description = "满意数：非常满意、满意、基本满意") long satisfied,
		@Schema(description = "满意率 = 满意数 / 计入的评价数") Double satisfactionRate,
		@Schema(description = "差评数：不满意、非常不满意（申诉成立的除外）") long badRatings,
		@Schema(description = "按时整改：在整改期限（评价后15个工作日18:00）前报告整改的差评") long rectifiedOnTime,
		@Schema(description = "整改超期：逾期报告整改，或已过期限仍未整改的差评") long rectificationOverdue,
		@Schema(description = "整改中：未过期限、尚未报告整改的差评") long rectificationPending,
		@Schema(description = "差评按时整改率 = 按时整改 / (按时整改 + 整改超期)，整改中的不计") Double rectificationOnTimeRate,
		@Schema(description = "属实举报：群众举报部门索要清单已砍掉、共享或替代的证明，期间内经跑改办核实属实的件数（按核实日期），"
				+ "计入索要部门（出证单位维度的部门行）、月份行和全县；乡镇、代跑员行为0") long confirmedDemandReports) {

	@Schema(description = "各级督办次数")
	record Escalations(@Schema(description = "1级：红牌，移交工作专班") long level1,
			@Schema(description = "2级：期限后2个工作日仍未办结，通报督考办") long level2,
			@Schema(description = "3级：期限后5个工作日仍未办结，再次通报督考办") long level3) {
	}
}
