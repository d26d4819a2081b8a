package org.zhengpaopao.catalog;

/** Where a catalog change proposal stands in the county's review (docs/catalog-review.md). */
public enum ProposalState {
	/** 跑改办审核中 */
	REFORM_REVIEW("跑改办审核中"),
	/** 合法性审查中（县司法局） */
	LEGAL_REVIEW("合法性审查中"),
	/** 退回修改: refused with a reason, back with the proposer */
	RETURNED("已退回，待修改后重新提交或撤回"),
	/** 已发布: every change is a catalog version */
	PUBLISHED("已发布"),
	/** 已撤回: nothing applied */
	WITHDRAWN("已撤回");

	private final String label;

	ProposalState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isOpen() {
		return this == REFORM_REVIEW || this == LEGAL_REVIEW || this == RETURNED;
	}
}
