package org.zhengpaopao;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.zhengpaopao.identity.Groups;

/**
 * A village agent for a test: the user (password {@code demo}), the village's {@code agents-<village>} group and the
 * membership, each made only when missing, and the group's access to Tasklist, whose login the agents' page shares.
 */
public final class AgentUsers {

	private AgentUsers() {
	}

	public static String ensure(IdentityService identity, AuthorizationService authorizations, String userId,
			String villageCode) {
		String groupId = Groups.villageAgents(villageCode);
		if (identity.createGroupQuery().groupId(groupId).count() == 0) {
			Group group = identity.newGroup(groupId);
			group.setName(villageCode + " 村代办员");
			group.setType("WORKFLOW");
			identity.saveGroup(group);
		}
		if (identity.createUserQuery().userId(userId).count() == 0) {
			User user = identity.newUser(userId);
			user.setFirstName("代办员");
			user.setLastName("村");
			user.setPassword("demo");
			identity.saveUser(user);
		}
		if (identity.createUserQuery().userId(userId).memberOfGroup(groupId).count() == 0) {
			identity.createMembership(userId, groupId);
		}
		if (authorizations.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(Resources.APPLICATION)
			.resourceId("tasklist")
			.count() == 0) {
			Authorization grant = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
			grant.setGroupId(groupId);
			grant.setResource(Resources.APPLICATION);
			grant.setResourceId("tasklist");
			grant.addPermission(Permissions.ACCESS);
			authorizations.saveAuthorization(grant);
		}
		return userId;
	}
}
