package org.zhengpaopao.notification;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Addresses that open a task in Tasklist or a case in Cockpit, for the links in notices. They take the engine's ids
 * as plain strings, so a feature's domain hands them on without knowing Camunda.
 */
@Component
public class WebappLinks {

	private final String baseUrl;

	WebappLinks(@Value("${zhengpaopao.public-base-url:http://localhost:8080}") String baseUrl) {
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
	}

	/** @return the task in Tasklist, or Tasklist itself when there is no task (yet) */
	public String task(String taskId) {
		return baseUrl + "/camunda/app/tasklist/default/" + (taskId == null ? "" : "#/?task=" + taskId);
	}

	/** @return the process instance in Cockpit, or {@code null} without one */
	public String processInstance(String processInstanceId) {
		return processInstanceId == null ? null
				: baseUrl + "/camunda/app/cockpit/default/#/process-instance/" + processInstanceId;
	}

	/** @return the applicant's tracking page with the case number filled in */
	public String trackingPage(String caseNo) {
		return baseUrl + "/public/track?caseNo=" + caseNo;
	}

	/** What a link says it opens, in a message. */
	static String label(String link) {
		return link.contains("/cockpit/") ? "在 Cockpit 中查看办件 / Open the case" : "在 Tasklist 中打开任务 / Open the task";
	}
}
