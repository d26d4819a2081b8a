package org.zhengpaopao.applicant;

/** Where a case was taken in (受理渠道). */
public enum IntakeChannel {

	/** at a county window, the applicant present */
	WINDOW("窗口受理"),

	/** submitted online on the provincial service platform, which checked the applicant's real name */
	PLATFORM("网上申请（省政务服务平台）"),

	/** taken in the village by its agent (村代办员) on the villager's behalf */
	AGENT("村代办员代办");

	private final String label;

	IntakeChannel(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
