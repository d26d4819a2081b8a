package org.zhengpaopao.kpi;

import static org.zhengpaopao.proxyrun.ProxyRunStepKind.*;

import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.demandreport.ConfirmedDemandReports;
import org.zhengpaopao.kpi.KpiFacts.RatedCase;
import org.zhengpaopao.kpi.KpiFacts.Snapshot;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.proxyrun.ProxyRunStep;
import org.zhengpaopao.proxyrun.ProxyRunStepKind;

/**
 * Counts the KPI table of a period ({@code GET /api/kpi}) from the facts {@link KpiFacts} read: the runs' steps, the
 * ratings and the confirmed demand reports, by breakdown. Nothing is stored; every answer is counted afresh (see
 * docs/kpi.md for the definitions). The county's rates are {@link CountyRatesTally}; the monthly report's lists
 * {@link MonthlyLists}.
 */
@Service
@Transactional(readOnly = true)
class Kpis {

	static final String COUNTY = "county";
	static final String NO_ISSUER = "不涉及出证单位（办件评价）";
	static final String NO_RUNNER = "无代跑员（未认领的代跑、办件评价）";

	private final KpiFacts facts;
	private final Catalog catalog;
	private final Organization organization;
	private final ConfirmedDemandReports demandReports;

	Kpis(KpiFacts facts, Catalog catalog, Organization organization, ConfirmedDemandReports demandReports) {
		this.facts = facts;
		this.catalog = catalog;
		this.organization = organization;
		this.demandReports = demandReports;
	}

	KpiReport kpis(Period period, Breakdown by) {
		return kpis(facts.snapshot(period), by);
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
			case ACCEPTED -> {
				tally.runsOpened++;
				tally.companyRunsOpened += run.run().getApplicant().isCompany() ? 1 : 0;
			}
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
			.or(() -> organization.village(code).map(Division::committeeName))
			.orElse(code);
	}

	String townshipName(String code) {
		return organization.township(code).map(Division::getName).orElse(code);
	}

	String certificateName(String code) {
		return catalog.certificate(code).map(Certificate::getName).orElse(code);
	}
}
