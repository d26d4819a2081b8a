package org.zhengpaopao.assessment;

/** The five levels of 好差评; the last two are bad ratings and start a rectification. */
public enum RatingLevel {
	VERY_SATISFIED("非常满意"), SATISFIED("满意"), BASICALLY_SATISFIED("基本满意"), DISSATISFIED("不满意"),
	VERY_DISSATISFIED("非常不满意");

	private final String label;

	RatingLevel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean isBad() {
		return this == DISSATISFIED || this == VERY_DISSATISFIED;
	}

	/** 满意率 counts the first three levels as satisfied. */
	public boolean isSatisfied() {
		return !isBad();
	}
}
