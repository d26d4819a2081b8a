package org.zhengpaopao.coverage;

import java.time.Instant;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CoverageController {

	private final Coverage coverage;

	private final CoverageGaps gaps;

	CoverageController(Coverage coverage, CoverageGaps gaps) {
		this.coverage = coverage;
		this.gaps = gaps;
	}

	@Operation(summary = "县乡村三级代跑服务圈 coverage (managers)",
			description = "Units are every village (covered by an active agent of its own, 村代办员, else when its "
					+ "township's 乡镇联动群 has an active runner), the county "
					+ "group and every department group (covered when it has an active runner). rate = covered units / "
					+ "all units. gaps lists every uncovered village and group, as of now; openGaps the groups the "
					+ "coverage watch (every 10 minutes) has seen without a runner, since when, and when 跑改办 was or "
					+ "will be notified (a gap still open at close of business on the next working day). villageCoverage "
					+ "splits the villages into covered by their own agent, only through the township group, and "
					+ "uncovered, and lists the township-only villages.")
	@GetMapping("/api/coverage")
	Answer coverage() {
		Coverage.Report report = coverage.report();
		return new Answer(report.rate(), report.groups(), report.villages(), report.gaps(),
				gaps.open().stream().map(OpenGap::of).toList(), report.villageCoverage());
	}

	record Answer(@Schema(description = "覆盖率 = 已覆盖单元 / 全部单元（0–1）") double rate, Coverage.Count groups,
			Coverage.Count villages, List<Coverage.Gap> gaps,
			@Schema(description = "巡查发现的缺口群组，含起始时间和通知跑改办的时间") List<OpenGap> openGaps,
			@Schema(description = "村（社区）按覆盖方式计数：本村代办员覆盖、仅由乡镇联动群覆盖、未覆盖；及仅由乡镇联动群覆盖的村（社区）")
			Coverage.VillageCoverage villageCoverage) {
	}

	record OpenGap(String group, String name, int villages, Instant since, Instant notifyAt, Instant notifiedAt) {

		static OpenGap of(CoverageGap gap) {
			return new OpenGap(gap.getGroupId(), gap.getGroupName(), gap.getVillages(), gap.getOpenedAt(),
					gap.getNotifyAt(), gap.getNotifiedAt());
		}
	}
}
