package org.zhengpaopao.organization;

public enum DepartmentKind {
	COUNTY_DEPARTMENT,
	/** stands for the applicant's own township government as issuer */
	TOWNSHIP_GOVERNMENT,
	/** stands for the applicant's own village committee as issuer */
	VILLAGE_COMMITTEE
}
