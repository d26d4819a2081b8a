package org.zhengpaopao.application;

/** What the case does about one certificate. */
public enum Handling {
	/** 已取消: nothing to do */
	NOT_NEEDED("无需提供（已取消）"),
	/** 共享核验: a shared-data record or a licence checked through data sharing */
	VERIFY("共享核验"),
	/** 告知承诺: the applicant's written commitment */
	COMMITMENT("告知承诺"),
	/** 代跑: a runner fetches it */
	PROXY("证跑跑代跑");

	private final String label;

	Handling(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
