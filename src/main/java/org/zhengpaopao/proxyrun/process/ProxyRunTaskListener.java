package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.system.InvalidInputException;

/**
 * Completion listener of every user task of the proxy-run: reports what the runner or clerk did to the domain,
 * with who did it. A refused transition fails the completion, so the task stays open.
 */
@Component("proxyRunTaskListener")
class ProxyRunTaskListener implements TaskListener {

	private final ProxyRuns proxyRuns;

	ProxyRunTaskListener(ProxyRuns proxyRuns) {
		this.proxyRuns = proxyRuns;
	}

	@Override
	public void notify(DelegateTask task) {
		String caseNo = (String) task.getVariable(CASE_NO);
		String actor = actor(task);
		switch (task.getTaskDefinitionKey()) {
			case "fetchCertificate" -> proxyRuns.requestedFromIssuer(caseNo, actor, text(task, FETCH_NOTE));
			case "issueCertificate" -> {
				String outcome = text(task, ISSUE_OUTCOME);
				if ("issued".equals(outcome)) {
					proxyRuns.issued(caseNo, actor);
				}
				else if ("refused".equals(outcome)) {
					proxyRuns.refused(caseNo, actor, text(task, REFUSAL_REASON));
				}
				else if ("moreInfo".equals(outcome)) {
					proxyRuns.moreInformationNeeded(caseNo, actor, text(task, MORE_INFO_REQUEST));
				}
				else {
					throw new InvalidInputException(ISSUE_OUTCOME, "请选择出证结果", "choose issued, refused or moreInfo");
				}
			}
			case "supplementInformation" -> proxyRuns.informationSupplemented(caseNo, actor, text(task, SUPPLEMENT_NOTE));
			case "deliverCertificate" -> proxyRuns.delivered(caseNo, actor, text(task, DELIVERY_NOTE));
			default -> throw new IllegalStateException("No proxy-run step for task " + task.getTaskDefinitionKey());
		}
	}

	private static String actor(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
		return task.getAssignee() != null ? task.getAssignee() : "system";
	}

	private static String text(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		return value == null ? null : value.toString();
	}
}
