package org.zhengpaopao.application;

public enum CertificateStatus {
	PENDING("办理中"), SATISFIED("已满足"), NOT_SATISFIED("未能取得");

	private final String label;

	CertificateStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}
}
