package org.zhengpaopao.agent;

import java.util.List;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;

/** The villages an agent works for: those whose {@code agents-<village>} group they belong to. */
@Component
class AgentVillages {

	private final Organization organization;

	AgentVillages(Organization organization) {
		this.organization = organization;
	}

	List<Village> of(Authentication agent) {
		return organization.townships()
			.stream()
			.flatMap(township -> organization.villagesOf(township.getCode())
				.stream()
				.filter(village -> Groups.memberOfAny(agent, Groups.villageAgents(village.getCode())))
				.map(village -> new Village(village.getCode(), village.getName(), township.getCode(),
						township.getName())))
			.toList();
	}

	/** The agent's village with this code; another village (or none) is refused. */
	Village require(Authentication agent, String villageCode) {
		Division village = organization.village(villageCode).orElse(null);
		if (village == null || !Groups.memberOfAny(agent, Groups.villageAgents(village.getCode()))) {
			throw new AccessDeniedException("只能为本村（社区）受理 / Only for the agent's own village");
		}
		Division township = organization.township(village.getParentCode()).orElseThrow();
		return new Village(village.getCode(), village.getName(), township.getCode(), township.getName());
	}

	record Village(String code, String name, String townshipCode, String townshipName) {
	}
}
