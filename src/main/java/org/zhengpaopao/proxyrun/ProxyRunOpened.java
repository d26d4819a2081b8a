package org.zhengpaopao.proxyrun;

import java.time.Instant;

/**
 * What the process needs to know of a new run: ids and routing facts only, no personal data.
 *
 * @param applicantType    PERSON or COMPANY: which kind of authorization the runner carries, for the forms
 * @param authorizationDue when an unconfirmed authorization expires (null if authorized at the window)
 * @param issuerGroup      the clerks who issue the certificate
 */
public record ProxyRunOpened(String caseNo, long proxyRunId, String applicantType, boolean authorizedAtWindow,
		Instant authorizationDue, String certificateCode, String certificateName, String issuingLevel,
		String issuingDepartmentCode, boolean issuerHasLiaison, String issuerName, String issuerGroup,
		String townshipCode, String villageCode) {
}
