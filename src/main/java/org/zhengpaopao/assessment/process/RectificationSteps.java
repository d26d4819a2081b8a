package org.zhengpaopao.assessment.process;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.assessment.RectificationTask;
import org.zhengpaopao.notification.WebappLinks;
import org.zhengpaopao.workflow.FormValues;

/**
 * The steps of rectification.bpmn: the task listener reports what the unit and the managers did, and the overdue
 * timers tell the reform office. The yes/no answers of the forms arrive as "true"/"false" (radio) or booleans
 * (checkbox); the listener stores them as booleans for the gateways.
 */
@Configuration(proxyBeanMethods = false)
class RectificationSteps {

	@Bean
	TaskListener rectificationTaskListener(Assessment assessment) {
		return task -> {
			String caseNo = (String) task.getVariable("caseNo");
			RectificationTask userTask = RectificationTask.of(task.getTaskDefinitionKey())
				.orElseThrow(() -> new IllegalStateException("No rectification step for " + task.getTaskDefinitionKey()));
			switch (userTask) {
				case CALL_BACK_APPLICANT -> {
					assessment.calledBack(caseNo, FormValues.string(task, "callBackNote"));
					boolean appeal = FormValues.yes(task, "appealFiled");
					if (appeal) {
						assessment.appealed(caseNo, FormValues.string(task, "appealReason"));
					}
					task.getExecution().setVariable("appealFiled", appeal);
				}
				case REVIEW_APPEAL -> {
					boolean upheld = FormValues.yes(task, "appealUpheld");
					assessment.appealDecided(caseNo, upheld);
					task.getExecution().setVariable("appealUpheld", upheld);
				}
				case RECTIFY_ISSUE -> assessment.rectified(caseNo, FormValues.string(task, "rectificationReport"));
			}
		};
	}

	/** 「通报回访超期」 and 「通报整改超期」: the step's name comes as the input parameter {@code step}. */
	@Bean
	JavaDelegate rectificationStepOverdue(Assessment assessment, WebappLinks links) {
		return execution -> assessment.rectificationStepOverdue((String) execution.getVariable("caseNo"),
				(String) execution.getVariable("step"), links.processInstance(execution.getProcessInstanceId()));
	}
}
