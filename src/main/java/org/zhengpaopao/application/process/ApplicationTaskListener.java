package org.zhengpaopao.application.process;

import static org.zhengpaopao.application.process.ApplicationVariables.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;
import org.zhengpaopao.application.ApplicationTask;
import org.zhengpaopao.application.CaseDecisions;
import org.zhengpaopao.workflow.FormValues;
import org.zhengpaopao.workflow.TaskActor;

/**
 * The user tasks of the application: shows the commitment under review when the post-verification task is
 * created, and reports the window's decision and the post-verification's finding when they are completed. A
 * refused transition fails the completion, so the task stays open.
 */
@Component("applicationTaskListener")
class ApplicationTaskListener implements TaskListener {

	private final CaseDecisions applications;

	ApplicationTaskListener(CaseDecisions applications) {
		this.applications = applications;
	}

	@Override
	public void notify(DelegateTask task) {
		String event = task.getEventName();
		ApplicationTask userTask = ApplicationTask.of(task.getTaskDefinitionKey())
			.orElseThrow(() -> new IllegalStateException("No application step for task " + task.getTaskDefinitionKey()));
		switch (userTask) {
			case DECIDE_APPLICATION -> {
				if (EVENTNAME_COMPLETE.equals(event)) {
					boolean approved = FormValues.flag(task, APPROVED, "请选择是否准予办理");
					applications.decide((String) task.getVariable(CASE_NO), approved,
							FormValues.string(task, REJECTION_REASON), FormValues.string(task, RESULT_DELIVERY),
							FormValues.string(task, POSTAL_TRACKING_NUMBER), TaskActor.of(task));
				}
			}
			case POST_VERIFY_COMMITMENT -> {
				long item = ((Number) task.getVariable(CERTIFICATE_ITEM)).longValue();
				if (EVENTNAME_CREATE.equals(event)) {
					task.setVariableLocal(COMMITMENT_UNDER_REVIEW, applications.commitmentUnderReview(item));
				}
				else if (EVENTNAME_COMPLETE.equals(event)) {
					applications.postVerified(item, FormValues.flag(task, COMMITMENT_TRUTHFUL, "请选择核查结论"),
							FormValues.string(task, FINDING), TaskActor.of(task));
				}
			}
		}
	}
}
