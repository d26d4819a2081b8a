package org.zhengpaopao.proxyrun;

import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The supervision read model: the open runs carrying a card, their counts, and the run behind a process instance. */
@Service
@Transactional(readOnly = true)
public class SupervisedRuns {

	private final ProxyRunRepository runs;

	SupervisedRuns(ProxyRunRepository runs) {
		this.runs = runs;
	}

	/** Open runs carrying a yellow or red card, the longest overdue first. */
	public Page<ProxyRun> carded(CardedRunCriteria criteria,
			Pageable pageable) {
		return runs.findAll(criteria.toSpecification(), PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
					// red runs (level 1 and up) before yellow ones; among them the earliest deadline is the most overdue
					Sort.by(Order.desc("escalationLevel"), Order.asc("deadline"), Order.asc("caseNo"))));
	}

	/** Yellow and red counts of open runs, by township and by issuer. */
	public CardCounts cardCounts() {
		return new CardCounts(runs.countCardsByTownship(), runs.countCardsByIssuer());
	}

	/** The run a process instance runs, for Cockpit's tab. */
	public Optional<ProxyRun> findByProcessInstance(String processInstanceId) {
		return runs.findByProcessInstanceId(processInstanceId);
	}
}
