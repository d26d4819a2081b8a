package org.zhengpaopao.application;

public enum ApplicationState {
	IN_PROGRESS("证明办理中"), AWAITING_DECISION("待窗口审批"), APPROVED("准予办理"), REJECTED("不予办理");

	private final String label;

	ApplicationState(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
