package org.zhengpaopao.identity;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/** Who belongs to a group, read from Camunda's identity service; other features ask here, not Camunda. */
@Component
public class GroupMembers {

	private final IdentityService identityService;

	GroupMembers(IdentityService identityService) {
		this.identityService = identityService;
	}

	/** The user ids of the group's members. */
	public List<String> members(String groupId) {
		return identityService.createUserQuery().memberOfGroup(groupId).list().stream().map(User::getId).toList();
	}

	/** Whether there is a staff account with this id. */
	public boolean exists(String userId) {
		return userId != null && identityService.createUserQuery().userId(userId).count() > 0;
	}

	/** The ids of the groups the user belongs to (none for an unknown user). */
	public List<String> groupsOf(String userId) {
		return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
	}

	/** The name a staff member goes by (as their account spells it), or the id for an unknown account. */
	public String nameOf(String userId) {
		User user = userId == null ? null : identityService.createUserQuery().userId(userId).singleResult();
		if (user == null) {
			return userId;
		}
		String name = ((user.getLastName() == null ? "" : user.getLastName())
				+ (user.getFirstName() == null ? "" : user.getFirstName())).strip();
		return name.isEmpty() ? userId : name;
	}
}
