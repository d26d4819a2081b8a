package org.zhengpaopao.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengpaopao.IntegrationTest;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * The outbox in the running application: messages leave only after the sender's commit, failed attempts wait
 * for their backoff, used-up messages are FAILED until a manager resends them. The group {@code runners-test}
 * has a stand-in DingTalk robot on the port application-test.yaml names; the tests run the sweeper themselves,
 * at the time a retry falls due.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class NotificationOutboxTests {

	static final String GROUP = "runners-test";
	static final Duration WAIT = Duration.ofSeconds(10);
	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};
	static final String OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";

	static WireMockServer robot;

	@Autowired
	Notifier notifier;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	NotificationDelivery delivery;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	MeterRegistry meters;

	@Autowired
	TestRestTemplate http;

	@Value("${zhengpaopao.notifications.max-attempts}")
	int maxAttempts;

	@Value("${zhengpaopao.notifications.retry-backoff}")
	Duration backoff;

	@BeforeAll
	static void startRobot(@Value("${test.dingtalk-robot-port}") int port) {
		robot = new WireMockServer(wireMockConfig().port(port));
		robot.start();
	}

	@AfterAll
	static void stopRobot() {
		robot.stop();
	}

	@BeforeEach
	void resetRobot() {
		robot.resetAll();
	}

	static GroupMessage message(String reference) {
		return new GroupMessage(GROUP, "新代跑任务 / New proxy-run", "请认领 " + reference, reference);
	}

	static String newReference() {
		return "T-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** Sends in a transaction of its own that commits, as a process step does. */
	void sendAndCommit(GroupMessage message) {
		new TransactionTemplate(transactionManager).executeWithoutResult(status -> notifier.send(message));
	}

	Notification stored(String reference) {
		return notifications.findAll()
			.stream()
			.filter(n -> reference.equals(n.getReference()))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no notification stored for " + reference));
	}

	Notification reload(Notification notification) {
		return notifications.findById(notification.getId()).orElseThrow();
	}

	int robotRequestsAbout(String reference) {
		return (int) robot.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))
			.stream()
			.filter(request -> request.getBodyAsString().contains(reference))
			.count();
	}

	double counted(String counter) {
		return meters.counter(counter, "channel", "GROUP").count();
	}

	/**
	 * Waits until the outcome of attempt {@code attempts} of a new message has been recorded: each attempt is a
	 * claim and a recorded outcome, and each counts the row's version up once.
	 */
	Notification awaitAttemptRecorded(Notification notification, int attempts) {
		return await().atMost(WAIT)
			.until(() -> reload(notification), n -> n.getAttempts() == attempts && n.getVersion() == 2L * attempts);
	}

	HttpStatusCode resend(String user, long id) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, "demo");
		}
		return http
			.exchange("/api/notifications/" + id + "/resend", HttpMethod.POST, new HttpEntity<>(headers), String.class)
			.getStatusCode();
	}

	List<Map<String, Object>> failed(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		return http.exchange("/api/notifications?status=FAILED", HttpMethod.GET, new HttpEntity<>(headers), LIST)
			.getBody();
	}

	@Test
	void shouldDeliverToTheGroupsRobotOnlyAfterTheSendersCommit() {
		robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson(OK)));
		String reference = newReference();
		double sentBefore = counted(NotificationDelivery.SENT);

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			notifier.send(message(reference));
			assertThat(stored(reference).getStatus()).isEqualTo(NotificationStatus.PENDING);
			assertThat(robotRequestsAbout(reference)).as("nothing leaves before the commit").isZero();
		});

		Notification sent = await().atMost(WAIT)
			.until(() -> stored(reference), n -> n.getStatus() == NotificationStatus.SENT);
		assertThat(sent.getAttempts()).isOne();
		assertThat(sent.getSentAt()).isNotNull();
		assertThat(robotRequestsAbout(reference)).isOne();
		var request = robot.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0);
		assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("test");
		assertThat(request.queryParameter("sign").isPresent()).as("the test robot has a secret").isTrue();
		// counted just after the outcome's commit; at least: a message of the previous test may be counted late too
		await().atMost(WAIT)
			.untilAsserted(() -> assertThat(counted(NotificationDelivery.SENT)).isGreaterThanOrEqualTo(sentBefore + 1));
	}

	@Test
	void shouldSendNothingWhenTheSendersTransactionRollsBack() {
		robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson(OK)));
		String rolledBack = newReference();
		String committed = newReference();

		new TransactionTemplate(transactionManager).executeWithoutResult(status -> {
			notifier.send(message(rolledBack));
			status.setRollbackOnly();
		});
		// a message sent after it has arrived, so the rolled-back one had every chance to arrive as well
		sendAndCommit(message(committed));
		await().atMost(WAIT).until(() -> robotRequestsAbout(committed) == 1);

		assertThat(robotRequestsAbout(rolledBack)).isZero();
		assertThat(notifications.findAll()).extracting(Notification::getReference).doesNotContain(rolledBack);
	}

	@Test
	void shouldRetryAfterAServerErrorWithoutAStorm() {
		robot.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("robot down once")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(502))
			.willSetStateTo("back"));
		robot.stubFor(post(urlPathEqualTo("/robot/send")).inScenario("robot down once")
			.whenScenarioStateIs("back")
			.willReturn(okJson(OK)));
		String reference = newReference();

		sendAndCommit(message(reference));

		Notification afterFailure = awaitAttemptRecorded(stored(reference), 1);
		assertThat(afterFailure.getStatus()).isEqualTo(NotificationStatus.PENDING);
		assertThat(afterFailure.getLastError()).contains("HTTP 502");
		assertThat(afterFailure.getNextAttemptAt()).as("waits for the backoff")
			.isAfterOrEqualTo(afterFailure.getCreatedAt().plus(backoff));
		assertThat(delivery.sweep(afterFailure.getNextAttemptAt().minusMillis(1))).as("not due before the backoff")
			.doesNotContain(afterFailure.getId());
		assertThat(robotRequestsAbout(reference)).isOne();

		assertThat(delivery.sweep(afterFailure.getNextAttemptAt())).contains(afterFailure.getId());

		Notification sent = await().atMost(WAIT)
			.until(() -> reload(afterFailure), n -> n.getStatus() == NotificationStatus.SENT);
		assertThat(sent.getAttempts()).isEqualTo(2);
		assertThat(robotRequestsAbout(reference)).isEqualTo(2);
	}

	@Test
	void shouldGiveUpAfterTheLastAttemptAndDeliverWhenAManagerResends(CapturedOutput output) {
		robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(500)));
		String reference = newReference();
		double failedBefore = counted(NotificationDelivery.FAILED);

		sendAndCommit(message(reference));
		Notification notification = stored(reference);
		for (int attempt = 1; attempt < maxAttempts; attempt++) {
			notification = awaitAttemptRecorded(notification, attempt);
			assertThat(notification.getStatus()).isEqualTo(NotificationStatus.PENDING);
			delivery.sweep(notification.getNextAttemptAt());
		}
		Notification failed = awaitAttemptRecorded(notification, maxAttempts);

		assertThat(failed.getStatus()).isEqualTo(NotificationStatus.FAILED);
		assertThat(failed.getLastError()).contains("HTTP 500");
		assertThat(robotRequestsAbout(reference)).isEqualTo(maxAttempts);
		await().atMost(WAIT).untilAsserted(() -> {
			assertThat(counted(NotificationDelivery.FAILED)).isEqualTo(failedBefore + 1);
			assertThat(output.getOut()).contains("notification " + failed.getId() + " FAILED after " + maxAttempts
					+ " attempts: channel GROUP, recipient runners-test, reference " + reference);
		});
		assertThat(delivery.sweep(failed.getNextAttemptAt().plus(Duration.ofDays(1))))
			.as("a failed message is not tried again by itself")
			.doesNotContain(failed.getId());
		assertThat(failed("manager-1")).filteredOn(view -> ((Number) view.get("id")).longValue() == failed.getId())
			.singleElement()
			.satisfies(view -> assertThat(view).containsEntry("channel", "GROUP")
				.containsEntry("recipient", GROUP)
				.containsEntry("reference", reference)
				.containsEntry("attempts", maxAttempts)
				.containsKeys("title", "lastError", "createdAt"));

		robot.resetAll();
		robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson(OK)));
		assertThat(resend("manager-1", failed.getId())).isEqualTo(HttpStatus.ACCEPTED);

		Notification resent = await().atMost(WAIT)
			.until(() -> reload(failed), n -> n.getStatus() == NotificationStatus.SENT);
		assertThat(resent.getAttempts()).isOne();
		assertThat(robotRequestsAbout(reference)).isOne();
		assertThat(resend("manager-1", failed.getId())).as("only a failed message").isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void shouldLetOnlyManagersAndAdminsSeeAndResendFailedMessages() {
		String reference = newReference();
		SmsMessage invitation = new SmsMessage("13905709999", SmsTemplate.RATING_INVITATION, reference,
				java.util.Map.of("caseNo", reference, "link", "https://zpp.example/public/rate"));
		Notification failedSms = Notification.sms(invitation, SmsParameters.toJson(invitation.parameters()),
				Instant.now());
		failedSms.attemptFailed("短信网关不可用 / SMS gateway down", null);
		long id = notifications.save(failedSms).getId();

		assertThat(resend(null, id)).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(resend("runner-county-1", id)).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.getForEntity("/api/notifications?status=FAILED", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		HttpHeaders runner = new HttpHeaders();
		runner.setBasicAuth("runner-county-1", "demo");
		assertThat(http.exchange("/api/notifications", HttpMethod.GET, new HttpEntity<>(runner), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(resend("manager-1", Long.MAX_VALUE)).isEqualTo(HttpStatus.NOT_FOUND);

		assertThat(failed("admin")).filteredOn(view -> reference.equals(view.get("reference")))
			.singleElement()
			.satisfies(view -> assertThat(view).containsEntry("channel", "SMS")
				.containsEntry("recipient", "139****9999")
				.containsEntry("template", "RATING_INVITATION")
				.containsEntry("lastError", "短信网关不可用 / SMS gateway down"));
		assertThat(failed("admin").toString()).doesNotContain("13905709999");

		assertThat(resend("admin", id)).isEqualTo(HttpStatus.ACCEPTED);
		await().atMost(WAIT).until(() -> notifications.findById(id).orElseThrow().getStatus() == NotificationStatus.SENT);
	}
}
