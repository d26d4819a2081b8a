package org.zhengpaopao.kpi;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.ApplicationState;
import org.zhengpaopao.assessment.RatingFacts;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.kpi.KpiFacts.RatedCase;
import org.zhengpaopao.kpi.KpiFacts.Snapshot;

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

	/** Of the cases taken in the part and decided by now, those submitted online whose result went back without a trip. */
	private static CountyRates.Rate zeroTrip(Snapshot data, Period part) {
		List<Application> decided = within(data.cases(), part).stream().filter(CountyRatesTally::isDecided).toList();
		return CountyRates.Rate.of(decided.stream().filter(Application::isZeroTrip).count(), decided.size());
	}

	private static boolean isDecided(Application application) {
		return application.getState() == ApplicationState.APPROVED
				|| application.getState() == ApplicationState.REJECTED;
	}

	private static List<Application> within(List<Application> cases, Period part) {
		return cases.stream().filter(c -> part.contains(c.getReceivedAt())).toList();
	}

	/** Of the cases taken in the part, those submitted on the provincial platform. */
	private static CountyRates.Rate online(Snapshot data, Period part) {
		List<Application> taken = within(data.cases(), part);
		return CountyRates.Rate.of(taken.stream().filter(c -> c.getIntake().online()).count(), taken.size());
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
