package org.zhengpaopao.demandreport.process;

import static org.zhengpaopao.demandreport.process.DemandReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengpaopao.demandreport.DemandReportProgress;
import org.zhengpaopao.demandreport.Finding;
import org.zhengpaopao.notification.WebappLinks;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.workflow.FormValues;
import org.zhengpaopao.workflow.OverdueLevel;
import org.zhengpaopao.workflow.StepDeadlines;
import org.zhengpaopao.workflow.TaskActor;

/**
 * The steps of demand-report.bpmn. The completion listener checks what the reform office submitted (a finding
 * among the form's options, texts within the form's lengths: {@link DemandReports} refuses the rest, naming the
 * field, and the task stays open) and sets the next step's due dates for its task and timers. The overdue
 * delegate tells the reform office and the task force.
 */
@Configuration(proxyBeanMethods = false)
class DemandReportSteps {

	@Bean
	TaskListener demandReportTaskListener(DemandReportProgress reports) {
		return task -> {
			String number = (String) task.getVariable(TRACKING_NUMBER);
			String actor = TaskActor.of(task);
			switch (task.getTaskDefinitionKey()) {
				case "verifyWithDepartment" -> {
					Finding finding = Finding.ofFormValue(FormValues.string(task, FINDING));
					if (finding == null) {
						throw new InvalidInputException(FINDING, "请选择核实结果：属实或不属实", "choose confirmed or notConfirmed");
					}
					StepDeadlines next = reports.recordFinding(number, finding, FormValues.string(task, FINDING_NOTE),
							actor);
					// the gateway reads the finding as the form sent it, checked
					task.getExecution().setVariable(FINDING, finding.formValue());
					if (finding == Finding.CONFIRMED) {
						task.getExecution().setVariable(RECTIFICATION_DUE, Date.from(next.dueAt()));
						task.getExecution().setVariable(RECTIFICATION_YELLOW_AT, Date.from(next.yellowAt()));
					}
					else {
						task.getExecution().setVariable(REPLY_DUE, Date.from(next.dueAt()));
					}
				}
				case "recordRectification" -> {
					StepDeadlines next = reports.recordRectification(number, FormValues.string(task, RECTIFICATION),
							actor);
					task.getExecution().setVariable(REPLY_DUE, Date.from(next.dueAt()));
				}
				case "replyToReporter" -> reports.reply(number, FormValues.string(task, REPLY), actor);
				default -> throw new IllegalStateException("No demand-report step for " + task.getTaskDefinitionKey());
			}
		};
	}

	/** The timers of every step: the step's name and the level come as the input parameters {@code step}, {@code level}. */
	@Bean
	JavaDelegate demandReportOverdue(DemandReportProgress reports, WebappLinks links) {
		return execution -> {
			String number = (String) execution.getVariable(TRACKING_NUMBER);
			Object step = execution.getVariable(STEP);
			Object level = execution.getVariable(LEVEL);
			reports.stepOverdue(number, String.valueOf(step), OverdueLevel.valueOf(String.valueOf(level)),
					links.processInstance(execution.getProcessInstanceId()));
		};
	}
}
