package org.zhengpaopao.application;

import java.util.List;

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
		requiredCertificates = requiredCertificates == null ? List.of() : List.copyOf(requiredCertificates);
		commitments = commitments == null ? List.of() : List.copyOf(commitments);
	}

	boolean authorizedAtWindowOrDefault() {
		return authorizedAtWindow == null || authorizedAtWindow;
	}
}
