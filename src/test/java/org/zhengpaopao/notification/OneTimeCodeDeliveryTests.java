package org.zhengpaopao.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * A text message with a one-time code gets its code when it goes out, a fresh one at each attempt, so that the
 * outbox holds none and only a code that reached the gateway is valid (docs/adr/0005-one-time-codes.md).
 */
@IntegrationTest
class OneTimeCodeDeliveryTests {

	static final Duration WAIT = Duration.ofSeconds(10);

	@RegisterExtension
	static WireMockExtension aliyun = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Autowired
	Notifier notifier;

	@Autowired
	SmsReceipts receipts;

	@Autowired
	OutboxContents outbox;

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
			.filter(n -> n.getChannel() == NotificationChannel.SMS && reference.equals(n.getReference()))
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
	void shouldFailAtOnceWithTheProvidersReasonWhenItRejectsTheNumber() {
		aliyun.stubFor(post(urlPathEqualTo("/")).willReturn(okJson(
				"{\"Message\":\"非法手机号\",\"RequestId\":\"B1\",\"Code\":\"isv.MOBILE_NUMBER_ILLEGAL\"}")));
		sms.forwardToAliyun(aliyun.baseUrl(), "aliyun-test-secret");
		try {
			String caseNo = runSendingItsCode();

			Notification rejected = await().atMost(WAIT)
				.until(() -> stored(caseNo), n -> n.getStatus() == NotificationStatus.FAILED);
			assertThat(rejected.getAttempts()).as("no retry").isOne();
			assertThat(rejected.getLastError()).contains("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号");
			assertThat(aliyun.findAll(postRequestedFor(urlPathEqualTo("/")))).hasSize(1);
			assertThat(outbox.groupMessagesAbout(caseNo)).as("the window that opened the run is asked to call")
				.anySatisfy(note -> {
					assertThat(note.groupId()).isEqualTo("window-minzheng");
					assertThat(note.text()).contains(caseNo, "请电话联系申请人").doesNotContain("13905706623");
				});
		}
		finally {
			sms.forwardToAliyun(null, null);
		}
	}

	@Test
	void shouldReadBackTheReceiptAndAskTheWindowToCallWhenTheCodeNeverArrived() {
		aliyun.stubFor(post(urlPathEqualTo("/")).withFormParam("Action", equalTo("SendSms"))
			.willReturn(okJson("{\"Message\":\"OK\",\"Code\":\"OK\",\"BizId\":\"777^0\"}")));
		aliyun.stubFor(post(urlPathEqualTo("/")).withFormParam("Action", equalTo("QuerySendDetails"))
			.willReturn(okJson("{\"Code\":\"OK\",\"SmsSendDetailDTOs\":{\"SmsSendDetailDTO\":"
					+ "[{\"SendStatus\":2,\"ErrCode\":\"MK:0001\"}]}}")));
		sms.forwardToAliyun(aliyun.baseUrl(), "aliyun-test-secret");
		try {
			String caseNo = runSendingItsCode();
			await().atMost(WAIT).until(() -> stored(caseNo), n -> n.getStatus() == NotificationStatus.SENT);
			assertThat(stored(caseNo).getProviderId()).isEqualTo("777^0");

			receipts.poll(java.time.Instant.now());

			Notification undelivered = stored(caseNo);
			assertThat(undelivered.getDelivered()).isFalse();
			assertThat(undelivered.getReceiptError()).isEqualTo("MK:0001");
			assertThat(outbox.groupMessagesAbout(caseNo)).anySatisfy(note -> {
				assertThat(note.groupId()).isEqualTo("window-minzheng");
				assertThat(note.text()).contains("授权验证码", "请电话联系申请人");
			});
			assertThat(receipts.poll(java.time.Instant.now())).as("read once").isZero();
		}
		finally {
			sms.forwardToAliyun(null, null);
		}
	}

	@Test
	void shouldSendNoCodeThatIsNoLongerWanted() {
		// a message for a run that is no longer waiting for the applicant (here: none at all)
		String reference = "T-" + UUID.randomUUID().toString().substring(0, 8);
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> notifier
			.send(new SmsMessage("13905709998", SmsTemplate.AUTHORIZATION_CODE, reference,
					Map.of("caseNo", reference, "link", "https://example.test/public/authorize"))));

		Notification withdrawn = await().atMost(WAIT)
			.until(() -> stored(reference), n -> n.getStatus() == NotificationStatus.FAILED);
		assertThat(withdrawn.getAttempts()).as("no retry").isOne();
		assertThat(withdrawn.getLastError()).contains("no longer wanted");
		assertThat(sms.sent()).extracting(SmsMessage::reference).doesNotContain(reference);
	}

	@Test
	void shouldRefuseToStoreACodeInClear() {
		Map<String, String> parameters = Map.of("caseNo", "T-1", "link", "https://example.test/public/authorize");
		assertThatThrownBy(() -> notifier.send(
				new SmsMessage("13905709998", SmsTemplate.AUTHORIZATION_CODE, parameters, "T-1", "123456")))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SmsMessage("13905709998", SmsTemplate.AUTHORIZATION_CODE, "T-1",
				Map.of("caseNo", "T-1", "link", "-", "code", "123456")))
			.as("the code is never a stored parameter")
			.isInstanceOf(IllegalArgumentException.class);
	}
}
