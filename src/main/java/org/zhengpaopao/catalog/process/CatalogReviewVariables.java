package org.zhengpaopao.catalog.process;

/**
 * Names of the process variables of {@code catalog-change.bpmn}: the proposal's number, who proposed it, its reason and
 * its changes as text for the forms, and the due dates. The changes themselves stay in {@code zpp_catalog_proposal}.
 */
final class CatalogReviewVariables {

	static final String PROCESS_KEY = "catalog-change";

	static final String PROPOSAL_NUMBER = "proposalNumber";
	static final String PROPOSER = "proposer";
	static final String REASON = "reason";
	static final String SUMMARY = "summary";
	static final String NEEDS_LEGAL_REVIEW = "needsLegalReview";
	static final String REFORM_REVIEW_DUE = "reformReviewDue";
	static final String REFORM_REVIEW_YELLOW_AT = "reformReviewYellowAt";
	static final String LEGAL_REVIEW_DUE = "legalReviewDue";
	static final String LEGAL_REVIEW_YELLOW_AT = "legalReviewYellowAt";
	static final String REVISION_DUE = "revisionDue";
	/** the reviewer's reason for the refusal, shown to the proposer */
	static final String REFUSAL_REASON = "refusalReason";

	// submitted by the task forms
	static final String REVIEW_DECISION = "reviewDecision";
	static final String REVIEW_NOTE = "reviewNote";
	static final String LEGAL_DECISION = "legalDecision";
	static final String LEGAL_NOTE = "legalNote";
	static final String REVISION = "revision";
	static final String REVISION_NOTE = "revisionNote";

	// inputs of the overdue service tasks
	static final String STEP = "step";
	static final String LEVEL = "level";

	private CatalogReviewVariables() {
	}
}
