package org.zhengpaopao.demandreport;

/** The warnings a step of a report's supervision case gets while it stays open. */
public enum OverdueLevel {
	/** 黄牌预警: one working day before the step's deadline */
	YELLOW("黄牌预警", "请抓紧向部门核实办理"),
	/** 红牌超期: the deadline has passed */
	RED("红牌超期", "已超过期限，请工作专班督办"),
	/** 二级督办: still open two working days after the deadline */
	LEVEL2("二级督办", "超期两个工作日仍未办结，纳入考核");

	private final String label;
	private final String request;

	OverdueLevel(String label, String request) {
		this.label = label;
		this.request = request;
	}

	public String label() {
		return label;
	}

	String request() {
		return request;
	}
}
