package org.zhengpaopao.catalog.process;

import static org.zhengpaopao.catalog.process.CatalogReviewVariables.*;

import java.util.Date;
import java.util.Optional;
import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengpaopao.catalog.CatalogProposals;
import org.zhengpaopao.notification.WebappLinks;
import org.zhengpaopao.workflow.FormValues;
import org.zhengpaopao.workflow.OverdueLevel;
import org.zhengpaopao.workflow.StepDeadlines;
import org.zhengpaopao.workflow.TaskActor;

/**
 * The steps of catalog-change.bpmn. The completion listener checks what the form submitted (a decision among the
 * form's options; a refusal's reason: {@link CatalogProposals} refuses the rest, naming the field, and the task stays
 * open), records the step on the proposal and sets the next step's due dates. Publication applies the changes; the
 * overdue delegate tells the reviewing group (and the task force at the red card).
 */
@Configuration(proxyBeanMethods = false)
class CatalogReviewSteps {

	static final Set<String> DECISIONS = Set.of("approved", "refused");
	static final Set<String> REVISIONS = Set.of("resubmit", "withdraw");
	static final int MAX_NOTE = 1000;

	@Bean
	TaskListener catalogReviewTaskListener(CatalogProposals proposals) {
		return task -> {
			String number = (String) task.getVariable(PROPOSAL_NUMBER);
			String actor = TaskActor.of(task);
			switch (CatalogReviewTask.of(task.getTaskDefinitionKey())) {
				case REVIEW_PROPOSAL -> {
					String decision = FormValues.choice(task, REVIEW_DECISION, DECISIONS, "请选择审核结果：通过或退回",
							"choose approved or refused");
					String note = FormValues.note(task, REVIEW_NOTE, MAX_NOTE);
					if (decision.equals("approved")) {
						Optional<StepDeadlines> legal = proposals.approve(number, note, actor);
						legal.ifPresent(next -> {
							task.getExecution().setVariable(LEGAL_REVIEW_DUE, Date.from(next.dueAt()));
							task.getExecution().setVariable(LEGAL_REVIEW_YELLOW_AT, Date.from(next.yellowAt()));
						});
					}
					else {
						returned(task, proposals.refuse(number, note, actor), note);
					}
				}
				case REVIEW_LEGALITY -> {
					String decision = FormValues.choice(task, LEGAL_DECISION, DECISIONS, "请选择审查结果：通过或退回",
							"choose approved or refused");
					String note = FormValues.note(task, LEGAL_NOTE, MAX_NOTE);
					if (decision.equals("approved")) {
						proposals.approveLegality(number, note, actor);
					}
					else {
						returned(task, proposals.refuse(number, note, actor), note);
					}
				}
				case REVISE_PROPOSAL -> {
					String revision = FormValues.choice(task, REVISION, REVISIONS, "请选择重新提交或撤回",
							"choose resubmit or withdraw");
					String note = FormValues.note(task, REVISION_NOTE, MAX_NOTE);
					if (revision.equals("resubmit")) {
						StepDeadlines review = proposals.resubmit(number, note, actor);
						task.getExecution().setVariable(REFORM_REVIEW_DUE, Date.from(review.dueAt()));
						task.getExecution().setVariable(REFORM_REVIEW_YELLOW_AT, Date.from(review.yellowAt()));
					}
					else {
						proposals.withdraw(number, note, actor);
					}
				}
			}
		};
	}

	private static void returned(DelegateTask task, StepDeadlines revision, String reason) {
		task.getExecution().setVariable(REVISION_DUE, Date.from(revision.dueAt()));
		task.getExecution().setVariable(REFUSAL_REASON, reason);
	}

	/** 发布: every change of the proposal as a catalog version, in the transaction of the completion before it. */
	@Bean
	JavaDelegate catalogPublication(CatalogProposals proposals) {
		return execution -> proposals.publish((String) execution.getVariable(PROPOSAL_NUMBER), TaskActor.of(execution));
	}

	/** The timers of both reviews: the step's name and the level come as the input parameters {@code step}, {@code level}. */
	@Bean
	JavaDelegate catalogReviewOverdue(CatalogProposals proposals, WebappLinks links) {
		return execution -> proposals.stepOverdue((String) execution.getVariable(PROPOSAL_NUMBER),
				String.valueOf(execution.getVariable(STEP)),
				OverdueLevel.valueOf(String.valueOf(execution.getVariable(LEVEL))),
				links.processInstance(execution.getProcessInstanceId()));
	}
}
