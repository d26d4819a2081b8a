package org.zhengpaopao.application;

/** 事后核查 of a sampled written commitment. */
public enum PostVerification {
	CONFIRMED("核查属实"), FOUND_FALSE("承诺不实");

	private final String label;

	PostVerification(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
