package org.zhengpaopao.assessment;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks every hour for invitations left unrated and sends their one reminder. On several nodes each row is
 * reminded once: the rating's version makes a second node's update fail.
 */
@Component
class RatingReminders {

	private final Assessment assessment;

	RatingReminders(Assessment assessment) {
		this.assessment = assessment;
	}

	@Scheduled(fixedDelayString = "${zhengpaopao.rating.reminder-sweep:PT1H}",
			initialDelayString = "${zhengpaopao.rating.reminder-sweep:PT1H}")
	void sweep() {
		try {
			assessment.remindUnrated();
		}
		catch (org.springframework.orm.ObjectOptimisticLockingFailureException anotherNodeWasFaster) {
			// the other node sent them
		}
	}
}
