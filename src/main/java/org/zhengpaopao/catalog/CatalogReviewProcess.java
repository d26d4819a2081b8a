package org.zhengpaopao.catalog;

import org.zhengpaopao.workflow.StepDeadlines;

/** The port through which a proposal starts {@code catalog-change.bpmn}; the Camunda adapter implements it. */
public interface CatalogReviewProcess {

	/**
	 * @param summary      the changes as text, for the forms (codes and names only)
	 * @param reformReview the deadlines of 跑改办审核
	 */
	void start(CatalogProposal proposal, String summary, StepDeadlines reformReview);
}
