package org.zhengpaopao.application;

import java.util.Arrays;
import java.util.Optional;

/** The user tasks of {@code bpmn/certificate-free-application.bpmn}, by id, for whoever completes or finds them. */
public enum ApplicationTask {

	DECIDE_APPLICATION("decideApplication"),
	POST_VERIFY_COMMITMENT("postVerifyCommitment");

	private final String id;

	ApplicationTask(String id) {
		this.id = id;
	}

	/** the task definition key */
	public String id() {
		return id;
	}

	public static Optional<ApplicationTask> of(String id) {
		return Arrays.stream(values()).filter(task -> task.id.equals(id)).findFirst();
	}
}
