package org.zhengpaopao.proxyrun;

import org.zhengpaopao.applicant.ApplicantType;

/**
 * A proxy-run request taken at a window.
 *
 * @param applicantType PERSON also when none is given
 * @param applicantName the person's name, or the company's
 * @param creditCode    a company's unified social credit code; none for a person
 * @param contactName   who acts for a company; none for a person
 * @param phone         the person's, or the company contact's
 */
public record NewProxyRun(ApplicantType applicantType, String applicantName, String idNumber, String creditCode,
		String contactName, String phone, String townshipCode, String villageCode, String certificateCode,
		String usingDepartmentCode, boolean authorizedAtWindow) {

	public NewProxyRun {
		applicantType = applicantType == null ? ApplicantType.PERSON : applicantType;
	}

	/** A person's request. */
	public NewProxyRun(String applicantName, String idNumber, String phone, String townshipCode, String villageCode,
			String certificateCode, String usingDepartmentCode, boolean authorizedAtWindow) {
		this(ApplicantType.PERSON, applicantName, idNumber, null, null, phone, townshipCode, villageCode,
				certificateCode, usingDepartmentCode, authorizedAtWindow);
	}
}
