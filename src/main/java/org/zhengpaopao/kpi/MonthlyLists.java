package org.zhengpaopao.kpi;

import static org.zhengpaopao.proxyrun.ProxyRunStepKind.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.assessment.Rating;
import org.zhengpaopao.assessment.RatingFacts;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.kpi.KpiFacts.Snapshot;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunStep;

/** The monthly report's lists: the runs overdue in the period, and the bad ratings with what became of them. */
@Service
@Transactional(readOnly = true)
class MonthlyLists {

	private final KpiFacts kpiFacts;
	private final Kpis kpis;
	private final WorkingDayCalendar calendar;
	private final Clock clock;

	MonthlyLists(KpiFacts kpiFacts, Kpis kpis, WorkingDayCalendar calendar, Clock clock) {
		this.kpiFacts = kpiFacts;
		this.kpis = kpis;
		this.calendar = calendar;
		this.clock = clock;
	}

	/**
	 * A run that was past its deadline at some time of the period.
	 *
	 * @param level             the highest escalation level it had reached by the end of the period
	 * @param workingDaysOverdue working days after the deadline up to its ending, or today while it is open
	 */
	record OverdueRun(RunFacts facts, String certificateName, Instant redCardAt, int level, boolean extended,
			int workingDaysOverdue) {
	}

	/**
	 * Runs carded red before the period's end and not ended (or given a new deadline) before its start: the overdue
	 * list of the monthly meeting, the longest overdue first.
	 */
	List<OverdueRun> overdue(Snapshot data) {
		Period period = data.period;
		List<OverdueRun> overdue = new ArrayList<>();
		for (RunFacts facts : data.runs) {
			List<ProxyRunStep> steps = facts.run().getSteps();
			int lastRed = -1;
			for (int i = 0; i < steps.size(); i++) {
				if (steps.get(i).is(RED_CARD) && steps.get(i).getAt().isBefore(period.end())) {
					lastRed = i;
				}
			}
			if (lastRed < 0) {
				continue;
			}
			boolean clearedBefore = steps.subList(lastRed + 1, steps.size())
				.stream()
				.anyMatch(s -> (s.is(DEADLINE_EXTENDED) || RunFacts.ENDINGS.contains(s.kind()))
						&& s.getAt().isBefore(period.start()));
			if (clearedBefore) {
				continue;
			}
			int level = 1;
			boolean extended = false;
			for (ProxyRunStep step : steps) {
				if (step.getAt().isBefore(period.end())) {
					level = Math.max(level, step.is(ESCALATED_LEVEL_3) ? 3 : step.is(ESCALATED_LEVEL_2) ? 2 : 1);
				}
				extended |= step.is(DEADLINE_EXTENDED);
			}
			LocalDate until = facts.ending() != null ? Period.dateOf(facts.ending().getAt()) : kpiFacts.today();
			ProxyRun run = facts.run();
			overdue.add(new OverdueRun(facts, kpis.certificateName(run.getCertificateCode()),
					steps.get(lastRed).getAt(), level, extended, calendar.workingDaysBetween(run.getDeadline(), until)));
		}
		overdue.sort(Comparator.comparingInt(OverdueRun::workingDaysOverdue)
			.reversed()
			.thenComparing(o -> o.facts().run().getCaseNo()));
		return overdue;
	}

	/** A bad rating of the period and what became of it. */
	record BadRating(RatingFacts facts, Optional<Rating> rating, String status) {
	}

	List<BadRating> badRatings(Snapshot data) {
		Instant now = clock.instant();
		return data.ratings.stream()
			.filter(r -> r.facts().level().isBad())
			.sorted(Comparator.comparing(r -> r.facts().ratedAt()))
			.map(r -> new BadRating(r.facts(), r.rating(), status(r.facts(), r.rating().orElse(null), now)))
			.toList();
	}

	private static String status(RatingFacts facts, Rating rating, Instant now) {
		if (facts.excluded()) {
			return "申诉成立，不计入";
		}
		if (rating == null) {
			return "—";
		}
		if (rating.getRectifiedAt() != null) {
			return Boolean.TRUE.equals(facts.rectifiedOnTime()) ? "已按时整改" : "逾期整改";
		}
		if (rating.getRectificationDue() != null && now.isAfter(rating.getRectificationDue())) {
			return "超期未整改";
		}
		return "整改中";
	}
}
