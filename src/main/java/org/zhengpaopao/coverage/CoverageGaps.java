package org.zhengpaopao.coverage;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.calendar.Deadline;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.Notifier;

/**
 * Keeps the history of coverage gaps per group and tells 跑改办 ({@code managers}) about a gap that has lasted a
 * working day: one still open at close of business on the working day after the sweep that first saw it.
 */
@Service
@Transactional
class CoverageGaps {

	private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("M月d日 HH:mm");

	private final Coverage coverage;

	private final CoverageGapRepository gaps;

	private final WorkingDayCalendar calendar;

	private final Notifier notifier;

	private final Clock clock;

	CoverageGaps(Coverage coverage, CoverageGapRepository gaps, WorkingDayCalendar calendar, Notifier notifier,
			Clock clock) {
		this.coverage = coverage;
		this.gaps = gaps;
		this.calendar = calendar;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** Opens gaps for groups newly without a runner, closes those covered again, notifies those due. */
	void sweep() {
		Instant now = clock.instant();
		Map<String, Uncovered> uncovered = uncoveredGroups(coverage.report());
		for (CoverageGap gap : gaps.findByClosedAtIsNullOrderByOpenedAt()) {
			Uncovered still = uncovered.remove(gap.getGroupId());
			if (still == null) {
				gap.close(now);
				continue;
			}
			gap.villagesNow(still.villages());
			if (gap.isDueForNotification(now)) {
				gap.markNotified(now);
				notifier.send(message(gap));
			}
		}
		uncovered.values().forEach(gap -> gaps.save(new CoverageGap(gap.group(), gap.name(), gap.villages(), now,
				Deadline.closeOfBusiness(calendar.deadline(now.atZone(clock.getZone()).toLocalDate(), 1).date())
					.toInstant())));
	}

	@Transactional(readOnly = true)
	List<CoverageGap> open() {
		return gaps.findByClosedAtIsNullOrderByOpenedAt();
	}

	private GroupMessage message(CoverageGap gap) {
		String where = gap.getVillages() > 0 ? "，" + gap.getVillages() + " 个村（社区）无人代跑" : "";
		return new GroupMessage(Groups.MANAGERS, "服务圈缺口 " + gap.getGroupName(),
				gap.getGroupName() + "（" + gap.getGroupId() + "）自 " + SHOWN.format(gap.getOpenedAt().atZone(clock.getZone()))
						+ " 起没有在岗代跑员" + where + "，已超过一个工作日。请增派代跑员或安排代岗。",
				gap.getGroupId());
	}

	private static Map<String, Uncovered> uncoveredGroups(Coverage.Report report) {
		Map<String, Uncovered> uncovered = new LinkedHashMap<>();
		for (Coverage.Gap gap : report.gaps()) {
			int villages = "VILLAGE".equals(gap.kind()) ? 1 : 0;
			uncovered.merge(gap.group(), new Uncovered(gap.group(), gap.groupName(), villages),
					(a, b) -> new Uncovered(a.group(), a.name(), a.villages() + b.villages()));
		}
		return uncovered;
	}

	private record Uncovered(String group, String name, int villages) {
	}
}
