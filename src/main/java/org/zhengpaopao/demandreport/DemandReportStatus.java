package org.zhengpaopao.demandreport;

/** Where a report stands; the labels are what the public tracking page shows. */
public enum DemandReportStatus {
	/** waiting for the reform office to verify it with the department */
	SUBMITTED("已受理，正在向部门核实"),
	/** confirmed; the department's rectification is awaited */
	CONFIRMED("经核实属实，正在督促整改"),
	/** confirmed and rectified; the reply is awaited */
	RECTIFIED("已整改，正在答复"),
	/** not confirmed; the reply is awaited */
	NOT_CONFIRMED("经核实不属实，正在答复"),
	/** answered: the end */
	REPLIED("已答复");

	private final String label;

	DemandReportStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
