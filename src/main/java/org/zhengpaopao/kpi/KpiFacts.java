package org.zhengpaopao.kpi;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.assessment.RatedService;
import org.zhengpaopao.assessment.Rating;
import org.zhengpaopao.assessment.RatingFacts;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.proxyrun.ProxyRunStatistics;
import org.zhengpaopao.system.CountyTime;

/**
 * Reads what a period's KPIs are counted from, set by set: the runs alive in the period with their steps (one
 * query), the ratings given in it (one query), the runs of those ratings that ended before the period (one query),
 * the ratings behind the bad ones (one query) and, when asked, the cases received in it (one query).
 */
@Service
@Transactional(readOnly = true)
class KpiFacts {

	private final ProxyRunStatistics statistics;
	private final Applications applications;
	private final Assessment assessment;
	private final WorkingDayCalendar calendar;
	private final Clock clock;

	KpiFacts(ProxyRunStatistics statistics, Applications applications, Assessment assessment,
			WorkingDayCalendar calendar, Clock clock) {
		this.statistics = statistics;
		this.applications = applications;
		this.assessment = assessment;
		this.calendar = calendar;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(CountyTime.ZONE));
	}

	/** What a period's numbers are counted from, read once. */
	static final class Snapshot {

		final Period period;
		final List<RunFacts> runs;
		final List<RatedCase> ratings;
		private final Applications applications;
		private List<Application> cases;

		private Snapshot(Period period, List<RunFacts> runs, List<RatedCase> ratings, Applications applications) {
			this.period = period;
			this.runs = runs;
			this.ratings = ratings;
			this.applications = applications;
		}

		List<Application> cases() {
			if (cases == null) {
				cases = applications.receivedBetween(period.start(), period.end());
			}
			return cases;
		}
	}

	enum Rectification {
		ON_TIME, OVERDUE, PENDING
	}

	/**
	 * A rating with what it is attributed to: a proxy-run's rating to the run's issuer and runner, a case's rating to
	 * neither.
	 *
	 * @param rectification for a bad rating that counts; null otherwise
	 * @param rating        the rating itself for a bad one (its call-back and rectification); empty otherwise
	 */
	record RatedCase(RatingFacts facts, String issuerCode, String runner, Rectification rectification,
			Optional<Rating> rating) {
	}

	Snapshot snapshot(Period period) {
		List<RunFacts> runs = statistics.aliveBetween(period.start(), period.end())
			.stream()
			.map(run -> RunFacts.of(run, calendar))
			.toList();
		Map<String, RunFacts> byCase = runs.stream()
			.collect(Collectors.toMap(r -> r.run().getCaseNo(), Function.identity(), (a, b) -> a));
		List<RatingFacts> given = assessment.ratings(period.from(), period.endExclusive());
		Map<String, RunFacts> rated = new HashMap<>(byCase);
		// the rated runs that ended before the period, all at once
		statistics.withSteps(given.stream()
			.filter(facts -> facts.service() == RatedService.PROXY_RUN && !byCase.containsKey(facts.caseNo()))
			.map(RatingFacts::caseNo)
			.collect(Collectors.toSet()))
			.forEach(run -> rated.put(run.getCaseNo(), RunFacts.of(run, calendar)));
		Map<String, Rating> bad = assessment.findAll(given.stream()
			.filter(facts -> facts.level() != null && facts.level().isBad())
			.map(RatingFacts::caseNo)
			.collect(Collectors.toSet()));
		List<RatedCase> ratings = given.stream().map(facts -> rated(facts, rated, bad)).toList();
		return new Snapshot(period, runs, ratings, applications);
	}

	private RatedCase rated(RatingFacts facts, Map<String, RunFacts> runs, Map<String, Rating> bad) {
		String issuer = null;
		String runner = null;
		if (facts.service() == RatedService.PROXY_RUN) {
			Optional<RunFacts> run = Optional.ofNullable(runs.get(facts.caseNo()));
			issuer = run.map(r -> r.run().getIssuerCode()).orElse(null);
			runner = run.map(RunFacts::runner).orElse(null);
		}
		Optional<Rating> rating = Optional.ofNullable(bad.get(facts.caseNo()));
		Rectification rectification = null;
		if (!facts.excluded() && facts.level() != null && facts.level().isBad()) {
			if (Boolean.TRUE.equals(facts.rectifiedOnTime())) {
				rectification = Rectification.ON_TIME;
			}
			else {
				boolean late = rating.map(r -> r.getRectifiedAt() != null
						|| r.getRectificationDue() != null && clock.instant().isAfter(r.getRectificationDue()))
					.orElse(false);
				rectification = late ? Rectification.OVERDUE : Rectification.PENDING;
			}
		}
		return new RatedCase(facts, issuer, runner, rectification, rating);
	}
}
