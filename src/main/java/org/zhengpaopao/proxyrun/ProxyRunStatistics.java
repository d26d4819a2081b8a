package org.zhengpaopao.proxyrun;

import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read model of the metrics and the KPIs: counts of runs, and the runs of a period with their steps. */
@Service
@Transactional(readOnly = true)
public class ProxyRunStatistics {

	private static final Set<ProxyRunState> OPEN_STATES = Arrays.stream(ProxyRunState.values())
		.filter(state -> !state.isFinished())
		.collect(Collectors.toCollection(() -> EnumSet.noneOf(ProxyRunState.class)));

	private final ProxyRunRepository runs;

	ProxyRunStatistics(ProxyRunRepository runs) {
		this.runs = runs;
	}

	/** Runs ever opened, all nodes together. Runs are never deleted, so the number only grows (for metrics). */
	public long countOpened() {
		return runs.count();
	}

	/** Runs whose certificate reached the using department, all nodes together; only grows (for metrics). */
	public long countDelivered() {
		return runs.countByState(ProxyRunState.DELIVERED);
	}

	/**
	 * Open runs carrying a red card, by escalation level: 1 = handed to the task force, 2 and 3 = the further
	 * levels reported to 督考办. Levels without runs are left out.
	 */
	public Map<Integer, Long> openOverdueByLevel() {
		Map<Integer, Long> byLevel = new TreeMap<>();
		for (Object[] row : runs.countByEscalationLevel(Card.RED, OPEN_STATES)) {
			byLevel.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
		}
		return byLevel;
	}

	/** Open runs carrying a yellow card (due within a working day, not yet overdue). */
	public long countOpenWithYellowCard() {
		return runs.countByCardAndStateIn(Card.YELLOW, OPEN_STATES);
	}

	/**
	 * Runs opened before {@code to} that were unfinished at some moment of [{@code from}, {@code to}): open now, or
	 * with a step (their ending at the latest) at or after {@code from}; with their steps. For the KPIs.
	 */
	public List<ProxyRun> aliveBetween(Instant from, Instant to) {
		return runs.findAliveBetween(from, to, OPEN_STATES);
	}

	/** The runs with these case numbers (unknown ones left out), with their steps, in one query. For the KPIs. */
	public List<ProxyRun> withSteps(Collection<String> caseNos) {
		return caseNos.isEmpty() ? List.of() : runs.findWithStepsByCaseNoIn(caseNos);
	}
}
