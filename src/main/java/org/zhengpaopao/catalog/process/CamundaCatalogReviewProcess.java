package org.zhengpaopao.catalog.process;

import static org.zhengpaopao.catalog.process.CatalogReviewVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.zhengpaopao.catalog.CatalogProposal;
import org.zhengpaopao.catalog.CatalogReviewProcess;
import org.zhengpaopao.workflow.StepDeadlines;

@Component
class CamundaCatalogReviewProcess implements CatalogReviewProcess {

	private final RuntimeService runtimeService;

	CamundaCatalogReviewProcess(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@Override
	public void start(CatalogProposal proposal, String summary, StepDeadlines reformReview) {
		runtimeService.startProcessInstanceByKey(PROCESS_KEY, proposal.getNumber(),
				Variables.createVariables()
					.putValue(PROPOSAL_NUMBER, proposal.getNumber())
					.putValue(PROPOSER, proposal.getProposer())
					.putValue(REASON, proposal.getReason())
					.putValue(SUMMARY, summary)
					.putValue(NEEDS_LEGAL_REVIEW, proposal.needsLegalReview())
					.putValue(REFORM_REVIEW_DUE, Date.from(reformReview.dueAt()))
					.putValue(REFORM_REVIEW_YELLOW_AT, Date.from(reformReview.yellowAt())));
	}
}
