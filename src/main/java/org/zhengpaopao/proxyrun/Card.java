package org.zhengpaopao.proxyrun;

/** The warning a run carries about its deadline. */
public enum Card {
	NONE(""),
	/** 黄牌预警: one working day before the deadline */
	YELLOW("黄牌预警"),
	/** 红牌超期: the deadline has passed */
	RED("红牌超期");

	private final String label;

	Card(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
