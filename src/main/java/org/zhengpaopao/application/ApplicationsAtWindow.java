package org.zhengpaopao.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The window's own cases: what it took since a given time, and what waits for its decision. */
@Service
@Transactional(readOnly = true)
public class ApplicationsAtWindow {

	private final ApplicationRepository applications;

	ApplicationsAtWindow(ApplicationRepository applications) {
		this.applications = applications;
	}

	/** Newest first. */
	public List<Application> takenSince(Collection<String> departments, Instant from) {
		return applications.findByUsingDepartmentCodeInAndReceivedAtGreaterThanEqualOrderByReceivedAtDesc(departments,
				from);
	}

	/** Oldest first: the one waiting longest comes first. */
	public List<Application> awaitingDecision(Collection<String> departments) {
		return applications.findByUsingDepartmentCodeInAndStateOrderByReceivedAt(departments,
				ApplicationState.AWAITING_DECISION);
	}
}
