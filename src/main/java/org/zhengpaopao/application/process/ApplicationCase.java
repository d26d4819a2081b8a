package org.zhengpaopao.application.process;

import java.util.List;

import org.springframework.stereotype.Component;
import org.zhengpaopao.application.CaseCertificates;

/**
 * The collections the multi-instance activities run over, read from the case when they start, so that no list
 * is stored as a process variable: {@code ${applicationCase.certificates(caseNo)}}.
 */
@Component("applicationCase")
public class ApplicationCase {

	private final CaseCertificates applications;

	ApplicationCase(CaseCertificates applications) {
		this.applications = applications;
	}

	public List<Long> certificates(String caseNo) {
		return applications.certificateIds(caseNo);
	}

	public List<Long> sampledCommitments(String caseNo) {
		return applications.sampledCommitments(caseNo);
	}
}
