package org.zhengpaopao.kpi;

import static org.zhengpaopao.proxyrun.ProxyRunStepKind.*;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.ApplicationState;
import org.zhengpaopao.application.CertificateStatus;
import org.zhengpaopao.application.RequiredCertificate;
import org.zhengpaopao.assessment.RatingFacts;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.kpi.KpiFacts.RatedCase;
import org.zhengpaopao.kpi.KpiFacts.Snapshot;
import org.zhengpaopao.proxyrun.ProxyRunStep;

/** The county's rates of a period ({@code GET /api/kpi/rates}): one-ID, zero-trip, online, satisfaction. */
@Service
@Transactional(readOnly = true)
class CountyRatesTally {

	private final KpiFacts facts;
	private final Catalog catalog;

	CountyRatesTally(KpiFacts facts, Catalog catalog) {
		this.facts = facts;
		this.catalog = catalog;
	}

	CountyRates rates(Period period) {
		return rates(facts.snapshot(period));
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
		long companies = data.cases().stream().filter(c -> c.getApplicant().isCompany()).count();
		return new CountyRates(period.from(), period.to(), oneId(data, period), zeroTrip(data, period),
				online(data, period), satisfaction(data, period), inProgress,
				new CountyRates.Applicants(data.cases().size() - companies, companies), catalogTallies(), months);
	}

	private static CountyRates.Rate oneId(Snapshot data, Period part) {
		List<Application> taken = within(data.cases(), part);
		return CountyRates.Rate.of(taken.stream().filter(CountyRatesTally::isOneId).count(), taken.size());
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
			.map(t -> new CountyRates.CatalogTally(t.batch(), catalog.batchName(t.batch()), t.disposition(),
					t.disposition().label(), t.entries()))
			.toList();
	}
}
