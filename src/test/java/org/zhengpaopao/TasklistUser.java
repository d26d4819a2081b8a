package org.zhengpaopao;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineServices;
import org.camunda.bpm.engine.identity.Group;

/** What a member of staff does in Tasklist, through the engine's services, with their own groups' authorizations. */
public final class TasklistUser {

	private TasklistUser() {
	}

	/** Claims and completes the task as {@code user}, authenticated with all of the user's groups. */
	public static void claimAndComplete(ProcessEngineServices engine, String user, String taskId,
			Map<String, Object> variables) {
		IdentityService identity = engine.getIdentityService();
		identity.setAuthentication(user, identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
		try {
			engine.getTaskService().claim(taskId, user);
			engine.getTaskService().complete(taskId, variables);
		}
		finally {
			identity.clearAuthentication();
		}
	}
}
