package org.zhengpaopao.application;

import java.util.List;

import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.system.InvalidInputException;

/**
 * An application taken at a window.
 *
 * @param applicantType        PERSON (also when absent) with idNumber, or COMPANY with creditCode (统一社会信用代码) and
 *                             contactName; phone is the person's or the contact's
 * @param requiredCertificates the certificates of the matter's list that apply to this applicant; all of them when
 *                             empty. A certificate outside the list is refused: 清单之外无证明.
 * @param commitments          the certificates for which the applicant signs the written commitment (告知承诺)
 * @param authorizedAtWindow   whether the applicant signed the proxy-run authorization at the window (the default);
 *                             otherwise each proxy-run asks for it by text message
 */
public record NewApplication(ApplicantType applicantType, String applicantName, String idNumber, String creditCode,
		String contactName, String phone, String townshipCode, String villageCode, String matterCode,
		List<String> requiredCertificates, List<String> commitments, Boolean authorizedAtWindow) {

	public NewApplication {
		applicantType = applicantType == null ? ApplicantType.PERSON : applicantType;
		requiredCertificates = codes(requiredCertificates, "requiredCertificates");
		commitments = codes(commitments, "commitments");
	}

	/** A person's application. */
	public NewApplication(String applicantName, String idNumber, String phone, String townshipCode,
			String villageCode, String matterCode, List<String> requiredCertificates, List<String> commitments,
			Boolean authorizedAtWindow) {
		this(ApplicantType.PERSON, applicantName, idNumber, null, null, phone, townshipCode, villageCode, matterCode,
				requiredCertificates, commitments, authorizedAtWindow);
	}

	private static List<String> codes(List<String> codes, String field) {
		if (codes == null) {
			return List.of();
		}
		if (codes.stream().anyMatch(java.util.Objects::isNull)) {
			throw new InvalidInputException(field, "列表中不能有空值", "the list may not contain null");
		}
		return List.copyOf(codes);
	}

	boolean authorizedAtWindowOrDefault() {
		return authorizedAtWindow == null || authorizedAtWindow;
	}
}
