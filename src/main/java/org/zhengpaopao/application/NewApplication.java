package org.zhengpaopao.application;

import java.util.List;

import org.zhengpaopao.system.InvalidInputException;

/**
 * An application taken at a window.
 *
 * @param requiredCertificates the certificates of the matter's list that apply to this applicant; all of them when
 *                             empty. A certificate outside the list is refused: 清单之外无证明.
 * @param commitments          the certificates for which the applicant signs the written commitment (告知承诺)
 * @param authorizedAtWindow   whether the applicant signed the proxy-run authorization at the window (the default);
 *                             otherwise each proxy-run asks for it by text message
 */
public record NewApplication(String applicantName, String idNumber, String phone, String townshipCode,
		String villageCode, String matterCode, List<String> requiredCertificates, List<String> commitments,
		Boolean authorizedAtWindow) {

	public NewApplication {
		requiredCertificates = codes(requiredCertificates, "requiredCertificates");
		commitments = codes(commitments, "commitments");
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
