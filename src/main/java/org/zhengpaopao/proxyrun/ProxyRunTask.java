package org.zhengpaopao.proxyrun;

import java.util.Arrays;
import java.util.Optional;

/**
 * The user tasks of {@code bpmn/proxy-run.bpmn}, by id. Supervision, the demo history and the process adapter name
 * tasks through this, so a renamed task in the model fails {@code UserTaskIdsTests} instead of matching nothing.
 */
public enum ProxyRunTask {

	FETCH_CERTIFICATE("fetchCertificate", true),
	ISSUE_CERTIFICATE("issueCertificate", false),
	SUPPLEMENT_INFORMATION("supplementInformation", true),
	DELIVER_CERTIFICATE("deliverCertificate", true),
	SIGN_FOR_CERTIFICATE("signForCertificate", false),
	HANDLE_OVERDUE_RUN("handleOverdueRun", false);

	private final String id;
	private final boolean runnerTask;

	ProxyRunTask(String id, boolean runnerTask) {
		this.id = id;
		this.runnerTask = runnerTask;
	}

	/** the task definition key */
	public String id() {
		return id;
	}

	/** A task of the run's runner group: what the task force transfers and whose holder the cards name. */
	public boolean isRunnerTask() {
		return runnerTask;
	}

	public static Optional<ProxyRunTask> of(String id) {
		return Arrays.stream(values()).filter(task -> task.id.equals(id)).findFirst();
	}

	public static String[] runnerTaskIds() {
		return Arrays.stream(values()).filter(ProxyRunTask::isRunnerTask).map(ProxyRunTask::id).toArray(String[]::new);
	}
}
