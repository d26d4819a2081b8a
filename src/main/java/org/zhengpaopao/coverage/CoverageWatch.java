package org.zhengpaopao.coverage;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sweeps coverage every few minutes on every node. When two nodes sweep at once, one of them fails on the gap's
 * version or on the one-open-gap-per-group key and leaves the work to the other.
 */
@Component
class CoverageWatch {

	private final CoverageGaps gaps;

	CoverageWatch(CoverageGaps gaps) {
		this.gaps = gaps;
	}

	@Scheduled(fixedDelayString = "${zhengpaopao.coverage.sweep-interval:PT10M}",
			initialDelayString = "${zhengpaopao.coverage.sweep-interval:PT10M}")
	void sweep() {
		try {
			gaps.sweep();
		}
		catch (ObjectOptimisticLockingFailureException | DataIntegrityViolationException anotherNodeWasFaster) {
			// the other node's sweep did it
		}
	}
}
