package org.zhengpaopao.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestNotifications;
import org.zhengpaopao.proxyrun.AuthorizationOutcome;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunAuthorizations;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * A text message with a one-time code gets its code when it goes out, a fresh one at each attempt, so that the
 * outbox holds none and only a code that reached the gateway is valid (docs/adr/0005-one-time-codes.md).
 */
@IntegrationTest
class OneTimeCodeDeliveryTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@Autowired
	Notifier notifier;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	NotificationDelivery delivery;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	TestNotifications.RecordingNotifier sms;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	ProxyRunAuthorizations authorizations;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	JdbcTemplate jdbc;

	Notification stored(String reference) {
		return notifications.findAll()
			.stream()
			.filter(n -> reference.equals(n.getReference()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no notification stored for " + reference));
	}

	String codeHash(String caseNo) {
		return jdbc.queryForObject("select authorization_code_hash from zpp_proxy_run where case_no = ?", String.class,
				caseNo);
	}

	/** A run the applicant authorizes online; its first job sends the code. */
	String runSendingItsCode() {
		String caseNo = proxyRuns.open(new NewProxyRun("周十", "330825199001014569", "13905706623", "muchen",
				"muchen-shuangdai", "ZM-0032", "minzheng", false), "window-minzheng-1").getCaseNo();
		managementService.executeJob(managementService.createJobQuery()
			.processInstanceId(runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseNo)
				.singleResult()
				.getId())
			.singleResult()
			.getId());
		return caseNo;
	}

	@Test
	void shouldMintAFreshCodeForTheAttemptAfterAnOutage() {
		sms.failNext(1);
		String caseNo = runSendingItsCode();

		Notification afterOutage = await().atMost(WAIT)
			.until(() -> stored(caseNo), n -> n.getAttempts() == 1 && n.getVersion() == 2);
		assertThat(afterOutage.getStatus()).isEqualTo(NotificationStatus.PENDING);
		assertThat(afterOutage.getText()).contains("验证码 " + SmsMessage.CODE);
		String unsentCodesHash = codeHash(caseNo);
		assertThat(unsentCodesHash).as("minted for the first attempt").isNotNull();

		delivery.sweep(afterOutage.getNextAttemptAt());
		String code = sms.lastCodeFor(caseNo);

		assertThat(codeHash(caseNo)).as("the code of the attempt that failed is void").isNotEqualTo(unsentCodesHash);
		assertThat(sms.sent()).filteredOn(message -> caseNo.equals(message.reference()))
			.singleElement()
			.satisfies(message -> {
				assertThat(message.text()).as("what a gateway may log").contains("验证码 ******").doesNotContain(code);
				assertThat(RecordingSmsGateway.rendered(message)).as("what the phone shows").contains("验证码 " + code);
				assertThat(message.toString()).doesNotContain(code, "13905706623");
			});
		assertThat(stored(caseNo).getText()).doesNotContain(code);
		assertThat(authorizations.confirmAuthorization(caseNo, code)).isEqualTo(AuthorizationOutcome.CONFIRMED);
	}

	@Test
	void shouldSendNoCodeThatIsNoLongerWanted() {
		// a message for a run that is no longer waiting for the applicant (here: none at all)
		String reference = "T-" + UUID.randomUUID().toString().substring(0, 8);
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> notifier
			.send(SmsMessage.withOneTimeCode("13905709998", "【证跑跑】验证码 " + SmsMessage.CODE, reference)));

		Notification withdrawn = await().atMost(WAIT)
			.until(() -> stored(reference), n -> n.getStatus() == NotificationStatus.FAILED);
		assertThat(withdrawn.getAttempts()).as("no retry").isOne();
		assertThat(withdrawn.getLastError()).contains("no longer wanted");
		assertThat(sms.sent()).extracting(SmsMessage::reference).doesNotContain(reference);
	}

	@Test
	void shouldRefuseToStoreACodeInClear() {
		assertThatThrownBy(() -> notifier.send(new SmsMessage("13905709998", "验证码 123456", "T-1", "123456")))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
