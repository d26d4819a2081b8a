package org.zhengpaopao.proxyrun;

public enum ProxyRunState {
	AWAITING_AUTHORIZATION("待申请人授权", false),
	AUTHORIZATION_EXPIRED("授权已过期", true),
	AUTHORIZED("已授权", false),
	FETCHING("代跑员调取中", false),
	AWAITING_ISSUE("待出证部门出具", false),
	MORE_INFO_REQUESTED("出证部门要求补充材料", false),
	ISSUED("已出具，待送达", false),
	/** the runner has handed it over; delivered only once the using department's window signs */
	HANDED_OVER("已送达，待用证部门签收", false),
	REFUSED("不予出具", true),
	DELIVERED("已送达用证部门", true),
	CLOSED_AS_EXCEPTION("例外办结", true);

	private final String label;
	private final boolean finished;

	ProxyRunState(String label, boolean finished) {
		this.label = label;
		this.finished = finished;
	}

	public String label() {
		return label;
	}

	public boolean isFinished() {
		return finished;
	}
}
