package org.zhengpaopao.kpi;

import static org.zhengpaopao.proxyrun.ProxyRunStepKind.*;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.ApplicationState;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.CertificateStatus;
import org.zhengpaopao.application.RequiredCertificate;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.assessment.RatedService;
import org.zhengpaopao.assessment.Rating;
import org.zhengpaopao.assessment.RatingFacts;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.demandreport.ConfirmedDemandReports;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunStep;
import org.zhengpaopao.proxyrun.ProxyRunStatistics;
import org.zhengpaopao.proxyrun.ProxyRunStepKind;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * Counts the KPIs of a period from what the features recorded: the runs' steps, the ratings, the cases and the
 * catalog. Nothing is stored; every answer is counted afresh (see docs/kpi.md for the definitions).
 */
@Service
@Transactional(readOnly = true)
class Kpis {

	static final String COUNTY = "county";
	static final String NO_ISSUER = "不涉及出证单位（办件评价）";
	static final String NO_RUNNER = "无代跑员（未认领的代跑、办件评价）";

	private final ProxyRuns proxyRuns;
	private final ProxyRunStatistics statistics;
	private final Applications applications;
	private final Assessment assessment;
	private final Catalog catalog;
	private final Organization organization;
	private final WorkingDayCalendar calendar;
	private final ConfirmedDemandReports demandReports;
	private final Clock clock;

	Kpis(ProxyRuns proxyRuns, ProxyRunStatistics statistics, Applications applications, Assessment assessment,
			Catalog catalog, Organization organization, WorkingDayCalendar calendar, ConfirmedDemandReports demandReports,
			Clock clock) {
		this.proxyRuns = proxyRuns;
		this.statistics = statistics;
		this.applications = applications;
		this.assessment = assessment;
		this.catalog = catalog;
		this.organization = organization;
		this.calendar = calendar;
		this.demandReports = demandReports;
		this.clock = clock;
	}

	LocalDate today() {
		return LocalDate.now(clock.withZone(Period.BEIJING));
	}

	/** What a period's numbers are counted from, read once. */
	final class Snapshot {

		final Period period;
		final List<RunFacts> runs;
		final List<RatedCase> ratings;
		private List<Application> cases;

		private Snapshot(Period period) {
			this.period = period;
			this.runs = statistics.aliveBetween(period.start(), period.end())
				.stream()
				.map(run -> RunFacts.of(run, calendar))
				.toList();
			Map<String, RunFacts> byCase = runs.stream()
				.collect(Collectors.toMap(r -> r.run().getCaseNo(), Function.identity(), (a, b) -> a));
			this.ratings = assessment.ratings(period.from(), period.endExclusive())
				.stream()
				.map(facts -> rated(facts, byCase))
				.toList();
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
	 */
	record RatedCase(RatingFacts facts, String issuerCode, String runner, Rectification rectification) {
	}

	Snapshot snapshot(Period period) {
		return new Snapshot(period);
	}

	private RatedCase rated(RatingFacts facts, Map<String, RunFacts> byCase) {
		String issuer = null;
		String runner = null;
		if (facts.service() == RatedService.PROXY_RUN) {
			Optional<RunFacts> run = Optional.ofNullable(byCase.get(facts.caseNo()))
				.or(() -> proxyRuns.find(facts.caseNo()).map(r -> RunFacts.of(r, calendar)));
			issuer = run.map(r -> r.run().getIssuerCode()).orElse(null);
			runner = run.map(RunFacts::runner).orElse(null);
		}
		Rectification rectification = null;
		if (!facts.excluded() && facts.level() != null && facts.level().isBad()) {
			if (Boolean.TRUE.equals(facts.rectifiedOnTime())) {
				rectification = Rectification.ON_TIME;
			}
			else {
				Optional<Rating> rating = assessment.find(facts.caseNo());
				boolean late = rating.map(r -> r.getRectifiedAt() != null
						|| r.getRectificationDue() != null && clock.instant().isAfter(r.getRectificationDue()))
					.orElse(false);
				rectification = late ? Rectification.OVERDUE : Rectification.PENDING;
			}
		}
		return new RatedCase(facts, issuer, runner, rectification);
	}

	// --- GET /api/kpi

	KpiReport kpis(Period period, Breakdown by) {
		return kpis(snapshot(period), by);
	}

	KpiReport kpis(Snapshot data, Breakdown by) {
		Period period = data.period;
		Map<String, RowTally> rows = new HashMap<>();
		RowTally total = new RowTally();
		for (RunFacts run : data.runs) {
			for (ProxyRunStep step : run.run().getSteps()) {
				if (!counts(step) || !period.contains(step.getAt())) {
					continue;
				}
				String key = key(by, run.run().getTownshipCode(), run.run().getIssuerCode(), run.runner(),
						step.getAt());
				count(total, run, step);
				count(rows.computeIfAbsent(key, k -> new RowTally()), run, step);
			}
		}
		for (RatedCase rating : data.ratings) {
			String key = key(by, rating.facts().townshipCode(), rating.issuerCode(), rating.runner(),
					rating.facts().ratedAt());
			count(total, rating);
			count(rows.computeIfAbsent(key, k -> new RowTally()), rating);
		}
		countConfirmedReports(by, period, total, rows);
		return new KpiReport(period.from(), period.to(), by, total.row(COUNTY, "全县"), rows(by, period, rows));
	}

	/**
	 * Citizens' reports of demanded certificates found true, by the day of the finding: against the department
	 * that demanded (the department rows of the issuer breakdown), per month, and in the county total. Townships and
	 * runners have nothing to do with them: their rows count none.
	 */
	private void countConfirmedReports(Breakdown by, Period period, RowTally total, Map<String, RowTally> rows) {
		if (by == Breakdown.MONTH) {
			for (YearMonth month : period.months()) {
				Period part = period.within(month);
				long confirmed = demandReports.byDepartment(part.from(), part.endExclusive())
					.values()
					.stream()
					.mapToLong(Long::longValue)
					.sum();
				total.confirmedDemandReports += confirmed;
				if (confirmed > 0) {
					rows.computeIfAbsent(month.toString(), k -> new RowTally()).confirmedDemandReports += confirmed;
				}
			}
			return;
		}
		demandReports.byDepartment(period.from(), period.endExclusive()).forEach((department, confirmed) -> {
			total.confirmedDemandReports += confirmed;
			if (by == Breakdown.ISSUER || by == Breakdown.COUNTY) {
				rows.computeIfAbsent(by == Breakdown.ISSUER ? department : COUNTY, k -> new RowTally())
					.confirmedDemandReports += confirmed;
			}
		});
	}

	/** the steps the KPI table counts, each at its own time */
	private static final Set<ProxyRunStepKind> COUNTED = Collections.unmodifiableSet(EnumSet.of(ACCEPTED, DELIVERED,
			REFUSED, CLOSED_AS_EXCEPTION, AUTHORIZATION_EXPIRED, YELLOW_CARD, RED_CARD, ESCALATED_LEVEL_2, ESCALATED_LEVEL_3));

	private static boolean counts(ProxyRunStep step) {
		return COUNTED.contains(step.kind());
	}

	private static void count(RowTally tally, RunFacts run, ProxyRunStep step) {
		switch (step.kind()) {
			case ACCEPTED -> tally.runsOpened++;
			case DELIVERED -> {
				tally.delivered++;
				tally.workingDaysToDelivery.add(run.workingDaysToDelivery());
				tally.onTime += run.onTime() ? 1 : 0;
			}
			case REFUSED -> {
				tally.refused++;
				tally.onTime += run.onTime() ? 1 : 0;
			}
			case CLOSED_AS_EXCEPTION -> tally.exceptions++;
			case AUTHORIZATION_EXPIRED -> tally.authorizationsExpired++;
			case YELLOW_CARD -> tally.yellowCards++;
			case RED_CARD -> tally.redCards++;
			case ESCALATED_LEVEL_2 -> tally.level2++;
			case ESCALATED_LEVEL_3 -> tally.level3++;
			default -> throw new IllegalArgumentException(step.getStep());
		}
	}

	private static void count(RowTally tally, RatedCase rating) {
		if (rating.facts().excluded()) {
			tally.excludedRatings++;
			return;
		}
		tally.ratings++;
		if (rating.facts().level().isSatisfied()) {
			tally.satisfied++;
		}
		if (rating.rectification() != null) {
			tally.badRatings++;
			switch (rating.rectification()) {
				case ON_TIME -> tally.rectifiedOnTime++;
				case OVERDUE -> tally.rectificationOverdue++;
				case PENDING -> tally.rectificationPending++;
			}
		}
	}

	private static String key(Breakdown by, String township, String issuer, String runner, Instant at) {
		return switch (by) {
			case COUNTY -> COUNTY;
			case TOWNSHIP -> township;
			case ISSUER -> issuer;
			case RUNNER -> runner;
			case MONTH -> Period.monthOf(at).toString();
		};
	}

	private List<KpiRow> rows(Breakdown by, Period period, Map<String, RowTally> tallies) {
		List<KpiRow> rows = new ArrayList<>();
		switch (by) {
			case COUNTY -> rows.add(tallies.getOrDefault(COUNTY, new RowTally()).row(COUNTY, "全县"));
			case TOWNSHIP -> {
				for (Division township : organization.townships()) {
					rows.add(tallies.getOrDefault(township.getCode(), new RowTally())
						.row(township.getCode(), township.getName()));
				}
				tallies.keySet()
					.stream()
					.filter(key -> organization.township(Objects.requireNonNullElse(key, "")).isEmpty())
					.sorted(Comparator.nullsLast(Comparator.naturalOrder()))
					.forEach(key -> rows.add(tallies.get(key).row(key, key == null ? "—" : key)));
			}
			case MONTH -> {
				for (YearMonth month : period.months()) {
					rows.add(tallies.getOrDefault(month.toString(), new RowTally())
						.row(month.toString(), month.getYear() + "年" + month.getMonthValue() + "月"));
				}
			}
			case ISSUER, RUNNER -> tallies.keySet()
				.stream()
				.sorted(Comparator.nullsLast(Comparator.naturalOrder()))
				.forEach(key -> rows.add(tallies.get(key).row(key, by == Breakdown.ISSUER ? issuerName(key)
						: key == null ? NO_RUNNER : key)));
		}
		return rows;
	}

	String issuerName(String code) {
		if (code == null) {
			return NO_ISSUER;
		}
		return organization.department(code)
			.map(Department::getName)
			.or(() -> organization.township(code).map(Division::getName))
			.orElse(code);
	}

	String townshipName(String code) {
		return organization.township(code).map(Division::getName).orElse(code);
	}

	String certificateName(String code) {
		return catalog.certificate(code).map(Certificate::getName).orElse(code);
	}

	// --- GET /api/kpi/rates

	CountyRates rates(Period period) {
		return rates(snapshot(period));
	}

	CountyRates rates(Snapshot data) {
		Period period = data.period;
		List<CountyRates.MonthRates> months = new ArrayList<>();
		for (YearMonth month : period.months()) {
			Period part = period.within(month);
			months.add(new CountyRates.MonthRates(month.toString(), oneId(data, part), zeroTrip(data, part),
					online(data, part), satisfaction(data, part)));
		}
		long inProgress = data.cases()
			.stream()
			.filter(c -> c.getState() == ApplicationState.IN_PROGRESS)
			.count();
		return new CountyRates(period.from(), period.to(), oneId(data, period), zeroTrip(data, period),
				online(data, period), satisfaction(data, period), inProgress, catalogTallies(), months);
	}

	private static CountyRates.Rate oneId(Snapshot data, Period part) {
		List<Application> taken = within(data.cases(), part);
		return CountyRates.Rate.of(taken.stream().filter(Kpis::isOneId).count(), taken.size());
	}

	/** Every certificate, on the terms the case was taken under, is satisfied with the ID number alone. */
	static boolean isOneId(Application application) {
		return application.getCertificates().stream().allMatch(c -> c.getDisposition() == Disposition.CANCELLED
				|| c.getDisposition() == Disposition.SHARED
				|| c.getDisposition() == Disposition.REPLACED && c.getReplacement() == Replacement.LICENCE);
	}

	private static CountyRates.Rate zeroTrip(Snapshot data, Period part) {
		List<Application> settled = within(data.cases(), part).stream()
			.filter(c -> c.getState() != ApplicationState.IN_PROGRESS)
			.toList();
		Predicate<Application> zeroTrip = c -> c.getCertificates()
			.stream()
			.map(RequiredCertificate::getStatus)
			.allMatch(CertificateStatus.SATISFIED::equals);
		return CountyRates.Rate.of(settled.stream().filter(zeroTrip).count(), settled.size());
	}

	private static List<Application> within(List<Application> cases, Period part) {
		return cases.stream().filter(c -> part.contains(c.getReceivedAt())).toList();
	}

	private static CountyRates.Rate online(Snapshot data, Period part) {
		long online = 0;
		long atWindow = 0;
		for (RunFacts run : data.runs) {
			for (ProxyRunStep step : run.run().getSteps()) {
				if (part.contains(step.getAt())) {
					online += step.is(AUTHORIZED_ONLINE) ? 1 : 0;
					atWindow += step.is(AUTHORIZED_AT_WINDOW) ? 1 : 0;
				}
			}
		}
		return CountyRates.Rate.of(online, online + atWindow);
	}

	private static CountyRates.Rate satisfaction(Snapshot data, Period part) {
		List<RatingFacts> counted = data.ratings.stream()
			.map(RatedCase::facts)
			.filter(f -> !f.excluded() && part.contains(f.ratedAt()))
			.toList();
		return CountyRates.Rate.of(counted.stream().filter(f -> f.level().isSatisfied()).count(), counted.size());
	}

	List<CountyRates.CatalogTally> catalogTallies() {
		return catalog.tallies()
			.stream()
			.map(t -> new CountyRates.CatalogTally(t.batch(), batchName(t.batch()), t.disposition(),
					t.disposition().label(), t.entries()))
			.toList();
	}

	static String batchName(Integer batch) {
		if (batch == null) {
			return "动态调整";
		}
		return switch (batch) {
			case 1 -> "第一批（2018年3月）";
			case 2 -> "第二批（2018年9月）";
			default -> "第" + batch + "批";
		};
	}

	// --- the monthly report's lists

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
			LocalDate until = facts.ending() != null ? Period.dateOf(facts.ending().getAt()) : today();
			ProxyRun run = facts.run();
			overdue.add(new OverdueRun(facts, certificateName(run.getCertificateCode()), steps.get(lastRed).getAt(),
					level, extended, calendar.workingDaysBetween(run.getDeadline(), until)));
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
			.map(RatedCase::facts)
			.filter(f -> f.level().isBad())
			.sorted(Comparator.comparing(RatingFacts::ratedAt))
			.map(f -> {
				Optional<Rating> rating = assessment.find(f.caseNo());
				return new BadRating(f, rating, status(f, rating.orElse(null), now));
			})
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
