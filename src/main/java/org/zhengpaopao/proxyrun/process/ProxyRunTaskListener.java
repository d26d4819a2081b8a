package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.*;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;
import org.zhengpaopao.proxyrun.ProxyRunTask;
import org.zhengpaopao.proxyrun.ProxyRunProgress;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Text;

/**
 * Completion listener of every user task of the proxy-run: checks what the runner, clerk or task force submitted
 * against the task's form (a choice among its options, texts within its lengths, the window's receipt confirmed)
 * and reports it to the domain, with who did it. A refusal names the field and fails the completion, so the task
 * stays open and nothing is stored; engine REST answers it 400 with the message (see EngineRestErrors).
 */
@Component("proxyRunTaskListener")
class ProxyRunTaskListener implements TaskListener {

	/** the forms' maxLength for notes and reasons; also the length of a step's note in the database */
	static final int MAX_TEXT = 1000;
	static final Set<String> ISSUE_OUTCOMES = Set.of("issued", "refused", "moreInfo");
	static final Set<String> SUPERVISION_ACTIONS = Set.of("urge", "transfer", "extend", "closeAsException");

	private final ProxyRunProgress proxyRuns;

	ProxyRunTaskListener(ProxyRunProgress proxyRuns) {
		this.proxyRuns = proxyRuns;
	}

	@Override
	public void notify(DelegateTask task) {
		String caseNo = (String) task.getVariable(CASE_NO);
		String actor = actor(task);
		ProxyRunTask userTask = ProxyRunTask.of(task.getTaskDefinitionKey())
			.orElseThrow(() -> new IllegalStateException("No proxy-run step for task " + task.getTaskDefinitionKey()));
		switch (userTask) {
			case FETCH_CERTIFICATE -> proxyRuns.requestedFromIssuer(caseNo, actor, text(task, FETCH_NOTE));
			case ISSUE_CERTIFICATE -> {
				String outcome = choice(task, ISSUE_OUTCOME, ISSUE_OUTCOMES, "请选择出证结果", "choose issued, refused or moreInfo");
				String refusal = text(task, REFUSAL_REASON);
				String moreInfo = text(task, MORE_INFO_REQUEST);
				switch (outcome) {
					case "issued" -> proxyRuns.issued(caseNo, actor);
					case "refused" -> proxyRuns.refused(caseNo, actor, refusal);
					default -> proxyRuns.moreInformationNeeded(caseNo, actor, moreInfo);
				}
			}
			case SUPPLEMENT_INFORMATION -> proxyRuns.informationSupplemented(caseNo, actor, text(task, SUPPLEMENT_NOTE));
			case DELIVER_CERTIFICATE -> {
				Object confirmed = task.getVariable(DELIVERY_CONFIRMED);
				if (!Boolean.TRUE.equals(confirmed) && !"true".equals(confirmed)) {
					throw new InvalidInputException(DELIVERY_CONFIRMED, "请确认用证部门已签收", "confirm that the window has signed for it");
				}
				proxyRuns.delivered(caseNo, actor, text(task, DELIVERY_NOTE));
			}
			case HANDLE_OVERDUE_RUN -> {
				// the measure itself is taken by the service task the choice leads to; a choice the gateway does not
				// know would leave the engine without a way on
				choice(task, SUPERVISION_ACTION, SUPERVISION_ACTIONS, "请选择督办措施", "choose urge, transfer, extend or closeAsException");
				text(task, URGE_NOTE);
				text(task, EXTENSION_REASON);
				text(task, EXCEPTION_REASON);
				Text.optional(string(task, TRANSFER_TO), TRANSFER_TO, 64, false);
			}
		}
	}

	private static String actor(DelegateTask task) {
		Authentication current = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
		if (current != null && current.getUserId() != null) {
			return current.getUserId();
		}
		return task.getAssignee() != null ? task.getAssignee() : "system";
	}

	private static String choice(DelegateTask task, String name, Set<String> options, String zh, String en) {
		String value = string(task, name);
		if (value == null || !options.contains(value)) {
			throw new InvalidInputException(name, zh, en);
		}
		return value;
	}

	/** A note or reason of the form: within its length, no control characters; null when empty. */
	private static String text(DelegateTask task, String name) {
		String text = Text.optional(string(task, name), name, MAX_TEXT, true);
		return text.isEmpty() ? null : text;
	}

	private static String string(DelegateTask task, String name) {
		Object value = task.getVariable(name);
		return value == null ? null : value.toString();
	}
}
