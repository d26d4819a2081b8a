package org.zhengpaopao.absence;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Every minute, starts the absences whose first day has come: moves their tasks, each absence in its own
 * transaction, so that one that fails (a task being completed at that moment) is tried again next time and does
 * not hold up the others. On several nodes each absence is started once (see {@link Absences#start}).
 */
@Component
class AbsenceStarts {

	private static final Logger log = LoggerFactory.getLogger(AbsenceStarts.class);

	private final Absences absences;

	AbsenceStarts(Absences absences) {
		this.absences = absences;
	}

	@Scheduled(fixedDelayString = "${zhengpaopao.absence.start-sweep:PT1M}",
			initialDelayString = "${zhengpaopao.absence.start-sweep:PT1M}")
	void sweep() {
		for (Long id : absences.startedButNotApplied()) {
			try {
				absences.start(id, Absences.SYSTEM);
			}
			catch (RuntimeException e) {
				log.warn("请假代岗 {} 未能移交任务，下次重试 / absence {} could not move its tasks, will retry", id, id, e);
			}
		}
	}
}
