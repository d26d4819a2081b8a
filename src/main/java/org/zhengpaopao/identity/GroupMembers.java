package org.zhengpaopao.identity;

import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/** Who belongs to a group, read from Camunda's identity service; other features ask here, not Camunda. */
@Component
public class GroupMembers {

	private final IdentityService identityService;

	GroupMembers(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** Whether the group has at least one member (an active runner, for a runner group). */
	public boolean hasMembers(String groupId) {
		return identityService.createUserQuery().memberOfGroup(groupId).count() > 0;
	}
}
