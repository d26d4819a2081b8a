package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.*;

import java.util.List;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.zhengpaopao.proxyrun.ProxyRunTask;
import org.zhengpaopao.proxyrun.ProxyRunProgress;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Text;
import org.zhengpaopao.workflow.FormValues;
import org.zhengpaopao.workflow.TaskActor;

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
	static final Set<String> SIGN_OUTCOMES = Set.of("signed", "returned");
	/** what the deliver and sign forms show: 「电子证照 …；证明文件；纸质原件」 */
	static final String ISSUED_AS = "issuedAs";
	/** the model's signature step: runs on a version without it end with the runner's delivery */
	private static final String SIGN_TASK = ProxyRunTask.SIGN_FOR_CERTIFICATE.id();

	private final ProxyRunProgress proxyRuns;

	ProxyRunTaskListener(ProxyRunProgress proxyRuns) {
		this.proxyRuns = proxyRuns;
	}

	@Override
	public void notify(DelegateTask task) {
		if (TaskListener.EVENTNAME_CREATE.equals(task.getEventName())) {
			// a signature task again after a return: the window decides afresh, nothing preselected
			task.getExecution().removeVariables(List.of(SIGN_OUTCOME, RETURN_REASON, SIGN_NOTE));
			return;
		}
		String caseNo = (String) task.getVariable(CASE_NO);
		String actor = TaskActor.of(task);
		ProxyRunTask userTask = ProxyRunTask.of(task.getTaskDefinitionKey())
			.orElseThrow(() -> new IllegalStateException("No proxy-run step for task " + task.getTaskDefinitionKey()));
		switch (userTask) {
			case FETCH_CERTIFICATE -> proxyRuns.requestedFromIssuer(caseNo, actor, note(task, FETCH_NOTE));
			case ISSUE_CERTIFICATE -> {
				String outcome = FormValues.choice(task, ISSUE_OUTCOME, ISSUE_OUTCOMES, "请选择出证结果",
						"choose issued, refused or moreInfo");
				String refusal = note(task, REFUSAL_REASON);
				String moreInfo = note(task, MORE_INFO_REQUEST);
				switch (outcome) {
					case "issued" -> task.getExecution().setVariable(ISSUED_AS, proxyRuns.issued(caseNo, actor,
							Text.optional(FormValues.string(task, LICENCE_NUMBER), LICENCE_NUMBER, 200, false),
							FormValues.yes(task, PAPER_ORIGINAL)));
					case "refused" -> proxyRuns.refused(caseNo, actor, refusal);
					default -> proxyRuns.moreInformationNeeded(caseNo, actor, moreInfo);
				}
			}
			case SUPPLEMENT_INFORMATION -> proxyRuns.informationSupplemented(caseNo, actor, note(task, SUPPLEMENT_NOTE));
			case DELIVER_CERTIFICATE -> {
				if (!FormValues.yes(task, DELIVERY_CONFIRMED)) {
					throw new InvalidInputException(DELIVERY_CONFIRMED, "请确认用证部门已签收", "confirm that the window has signed for it");
				}
				if (hasSignatureStep(task)) {
					task.getExecution().setVariable(USING_WINDOW_GROUP,
							proxyRuns.handedOver(caseNo, actor, note(task, DELIVERY_NOTE)));
				}
				else {
					proxyRuns.deliveredWithoutSignature(caseNo, actor, note(task, DELIVERY_NOTE));
				}
			}
			case SIGN_FOR_CERTIFICATE -> {
				String outcome = FormValues.choice(task, SIGN_OUTCOME, SIGN_OUTCOMES, "请选择签收或退回",
						"choose signed or returned");
				if (outcome.equals("signed")) {
					proxyRuns.signedFor(caseNo, actor, note(task, SIGN_NOTE));
				}
				else {
					proxyRuns.returnedByUsingDepartment(caseNo, actor, note(task, RETURN_REASON));
					// the issuing clerk issues afresh: no licence number or outcome carried over into the form
					task.getExecution().removeVariables(List.of(LICENCE_NUMBER, PAPER_ORIGINAL, ISSUE_OUTCOME, ISSUED_AS));
				}
			}
			case HANDLE_OVERDUE_RUN -> {
				// the measure itself is taken by the service task the choice leads to; a choice the gateway does not
				// know would leave the engine without a way on
				FormValues.choice(task, SUPERVISION_ACTION, SUPERVISION_ACTIONS, "请选择督办措施",
						"choose urge, transfer, extend or closeAsException");
				note(task, URGE_NOTE);
				note(task, EXTENSION_REASON);
				note(task, EXCEPTION_REASON);
				Text.optional(FormValues.string(task, TRANSFER_TO), TRANSFER_TO, 64, false);
			}
		}
	}

	private static boolean hasSignatureStep(DelegateTask task) {
		return task.getBpmnModelElementInstance().getModelInstance().getModelElementById(SIGN_TASK) != null;
	}

	/** A note or reason of the form: within its length, no control characters; null when empty. */
	private static String note(DelegateTask task, String name) {
		return FormValues.note(task, name, MAX_TEXT);
	}
}
