package org.zhengpaopao.assessment;

import java.util.Arrays;
import java.util.Optional;

/** The user tasks of {@code bpmn/rectification.bpmn}, by id, for whoever completes or finds them. */
public enum RectificationTask {

	CALL_BACK_APPLICANT("callBackApplicant"),
	REVIEW_APPEAL("reviewAppeal"),
	RECTIFY_ISSUE("rectifyIssue");

	private final String id;

	RectificationTask(String id) {
		this.id = id;
	}

	/** the task definition key */
	public String id() {
		return id;
	}

	public static Optional<RectificationTask> of(String id) {
		return Arrays.stream(values()).filter(task -> task.id.equals(id)).findFirst();
	}
}
