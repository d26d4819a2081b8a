package org.zhengpaopao.application;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.applicant.IntakeChannel;

/**
 * The cases village agents took (intake {@code AGENT}, the village as its reference): the village's list, and the
 * decision handed back to the villager in the village (docs/village-agents.md).
 */
@Service
@Transactional(readOnly = true)
public class ApplicationsInVillage {

	private final ApplicationRepository applications;
	private final Clock clock;

	ApplicationsInVillage(ApplicationRepository applications, Clock clock) {
		this.applications = applications;
		this.clock = clock;
	}

	/** Newest first. */
	public List<Application> takenIn(Collection<String> villageCodes) {
		if (villageCodes.isEmpty()) {
			return List.of();
		}
		return applications.findByIntakeChannelAndIntakeReferenceInOrderByReceivedAtDesc(IntakeChannel.AGENT.name(),
				villageCodes);
	}

	/** The agent handed the decision back to the villager: who and when are kept on the case. */
	@Transactional
	public Application handBack(String caseNo, String agent) {
		Application application = applications.require(caseNo);
		application.handBackInVillage(agent, clock.instant());
		return application;
	}
}
