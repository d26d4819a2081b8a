package org.zhengpaopao.platform;

import java.util.List;

import org.zhengpaopao.applicant.ApplicantType;

/**
 * What the platform forwards (docs/platform.md): a certificate-free application ({@code APPLICATION}: matterCode,
 * optionally requiredCertificates and commitments, as at the window) or a stand-alone proxy-run ({@code PROXY_RUN}:
 * certificateCode and usingDepartmentCode), of a person (idNumber) or a company (creditCode and contactName).
 *
 * @param platformApplicationId the platform's own id of the application, at most 64 visible ASCII characters: the
 *                              same id again is the same application
 */
record PlatformApplicationRequest(Kind kind, String platformApplicationId, ApplicantType applicantType,
		String applicantName, String idNumber, String creditCode, String contactName, String phone, String townshipCode,
		String villageCode, String matterCode, List<String> requiredCertificates, List<String> commitments,
		String certificateCode, String usingDepartmentCode) {

	enum Kind {
		/** 办件: a certificate-free application for a matter */
		APPLICATION,
		/** 单独代跑: one certificate fetched for a using department */
		PROXY_RUN
	}

	PlatformApplicationRequest {
		applicantType = applicantType == null ? ApplicantType.PERSON : applicantType;
		requiredCertificates = requiredCertificates == null ? List.of() : requiredCertificates;
		commitments = commitments == null ? List.of() : commitments;
	}
}
