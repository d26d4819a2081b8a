package org.zhengpaopao.kpi;

/** How {@code GET /api/kpi} splits its numbers into rows. */
enum Breakdown {
	/** one row for the whole county */
	COUNTY("全县"),
	/** the applicant's township (乡镇、街道) of the run or case */
	TOWNSHIP("乡镇（街道）"),
	/** the county department or township that issues the certificate (出证单位) */
	ISSUER("出证单位"),
	/** the runner who delivered the certificate, else who last took the run to the issuer */
	RUNNER("代跑员"),
	/** the month (Beijing time) in which each event happened */
	MONTH("月份");

	private final String label;

	Breakdown(String label) {
		this.label = label;
	}

	String label() {
		return label;
	}
}
