package org.zhengpaopao.applicant;

/** A person (the default when a request names none) or a company. */
public enum ApplicantType {
	/** 个人: named by the ID number */
	PERSON("个人"),
	/** 企业: a company or other legal person, named by its unified social credit code */
	COMPANY("企业");

	private final String label;

	ApplicantType(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
