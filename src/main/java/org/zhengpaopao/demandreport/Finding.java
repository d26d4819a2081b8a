package org.zhengpaopao.demandreport;

/** What the reform office found when it verified a report with the department. */
public enum Finding {
	/** 属实: the department did demand the certificate */
	CONFIRMED("属实", "confirmed"),
	/** 不属实 */
	NOT_CONFIRMED("不属实", "notConfirmed");

	private final String label;
	private final String formValue;

	Finding(String label, String formValue) {
		this.label = label;
		this.formValue = formValue;
	}

	public String label() {
		return label;
	}

	/** The value of the verification form's radio and of the process variable the gateway reads. */
	public String formValue() {
		return formValue;
	}

	/** @return the finding of a form value, or {@code null} for anything else */
	public static Finding ofFormValue(String value) {
		for (Finding finding : values()) {
			if (finding.formValue.equals(value)) {
				return finding;
			}
		}
		return null;
	}
}
