package org.zhengpaopao.kpi;

import java.util.ArrayList;
import java.util.List;

/** Adds up the events of one row; {@link #row} turns the counts into the row's numbers and rates. */
final class RowTally {

	long runsOpened;
	long companyRunsOpened;
	long delivered;
	long refused;
	long exceptions;
	long authorizationsExpired;
	long onTime;
	final List<Integer> workingDaysToDelivery = new ArrayList<>();
	long yellowCards;
	long redCards;
	long level2;
	long level3;
	long ratings;
	long excludedRatings;
	long satisfied;
	long badRatings;
	long rectifiedOnTime;
	long rectificationOverdue;
	long rectificationPending;
	long confirmedDemandReports;

	long runsHandled() {
		return delivered + refused + exceptions;
	}

	KpiRow row(String key, String name) {
		long handled = runsHandled();
		return new KpiRow(key, name, runsOpened, companyRunsOpened, handled, delivered, refused, exceptions,
				authorizationsExpired, onTime, rate(onTime, handled), average(workingDaysToDelivery),
				p90(workingDaysToDelivery), yellowCards, redCards,
				new KpiRow.Escalations(redCards, level2, level3), ratings, excludedRatings, satisfied,
				rate(satisfied, ratings), badRatings, rectifiedOnTime, rectificationOverdue, rectificationPending,
				rate(rectifiedOnTime, rectifiedOnTime + rectificationOverdue), confirmedDemandReports);
	}

	static Double rate(long numerator, long denominator) {
		return denominator == 0 ? null : (double) numerator / denominator;
	}

	static Double average(List<Integer> values) {
		return values.isEmpty() ? null : values.stream().mapToInt(Integer::intValue).average().orElseThrow();
	}

	/** Nearest rank: the smallest value that at least 90 % of the values do not exceed. */
	static Integer p90(List<Integer> values) {
		if (values.isEmpty()) {
			return null;
		}
		List<Integer> sorted = values.stream().sorted().toList();
		int rank = (int) Math.ceil(0.9 * sorted.size());
		return sorted.get(rank - 1);
	}
}
