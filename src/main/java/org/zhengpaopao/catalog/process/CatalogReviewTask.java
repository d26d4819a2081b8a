package org.zhengpaopao.catalog.process;

/** The user tasks of {@code catalog-change.bpmn}, by their ids in the model (UserTaskIdsTests compares them). */
public enum CatalogReviewTask {
	/** 跑改办审核, candidates {@code managers} */
	REVIEW_PROPOSAL("reviewProposal"),
	/** 合法性审查, candidates {@code dept-sifa} */
	REVIEW_LEGALITY("reviewLegality"),
	/** 修改后重新提交或撤回, the proposer's */
	REVISE_PROPOSAL("reviseProposal");

	private final String id;

	CatalogReviewTask(String id) {
		this.id = id;
	}

	public String id() {
		return id;
	}

	static CatalogReviewTask of(String id) {
		for (CatalogReviewTask task : values()) {
			if (task.id.equals(id)) {
				return task;
			}
		}
		throw new IllegalStateException("No catalog-change step for " + id);
	}
}
