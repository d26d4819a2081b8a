package org.zhengpaopao.proxyrun;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.SmsMessage;
import org.zhengpaopao.notification.SmsTemplate;

/**
 * The applicant's online authorization: the one-time code the process sends, the applicant's confirmation with it,
 * and the expiry the process reports when nobody confirmed in time.
 */
@Service
@Transactional
public class ProxyRunAuthorizations {

	private final ProxyRunRepository runs;
	private final ProxyRunProcess process;
	private final Notifier notifier;
	private final Clock clock;
	private final int maxCodeAttempts;
	private final String publicBaseUrl;

	ProxyRunAuthorizations(ProxyRunRepository runs, ProxyRunProcess process, Notifier notifier, Clock clock,
			@Value("${zhengpaopao.authorization.max-code-attempts:5}") int maxCodeAttempts,
			@Value("${zhengpaopao.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.runs = runs;
		this.process = process;
		this.notifier = notifier;
		this.clock = clock;
		this.maxCodeAttempts = maxCodeAttempts;
		this.publicBaseUrl = publicBaseUrl;
	}

	/** The code is minted when the message goes out, and only its hash is kept (AuthorizationCodes). */
	public void sendAuthorizationCode(String caseNo) {
		ProxyRun run = runs.require(caseNo);
		run.requestAuthorizationCode(clock.instant());
		notifier.send(new SmsMessage(run.getPhone(), SmsTemplate.AUTHORIZATION_CODE, caseNo,
				Map.of("caseNo", caseNo, "link", publicBaseUrl + "/public/authorize?caseNo=" + caseNo)));
	}

	public AuthorizationOutcome confirmAuthorization(String caseNo, String code) {
		Optional<ProxyRun> found = runs.findForUpdateByCaseNo(caseNo == null ? "" : caseNo.strip());
		if (found.isEmpty()) {
			return AuthorizationOutcome.NOT_PENDING;
		}
		ProxyRun run = found.get();
		AuthorizationOutcome outcome = run.confirmAuthorization(code == null ? "" : code.strip(), maxCodeAttempts,
				clock.instant());
		if (outcome == AuthorizationOutcome.CONFIRMED) {
			process.applicantAuthorized(run.getCaseNo());
		}
		return outcome;
	}

	public void expireAuthorization(String caseNo) {
		runs.require(caseNo).expireAuthorization(clock.instant());
	}
}
