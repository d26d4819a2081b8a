package org.zhengpaopao.catalog;

/** What the reform decided for a certificate. */
public enum Disposition {
	/** 砍掉 */
	CANCELLED("砍掉"),
	/** 共享: verified from shared data */
	SHARED("共享"),
	/** 替代: a licence or a written commitment instead */
	REPLACED("替代"),
	/** 代跑: a runner fetches it after the applicant authorizes it */
	PROXY("代跑");

	private final String label;

	Disposition(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
