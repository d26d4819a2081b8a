package org.zhengpaopao.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;

/**
 * The SMS gateway of the test context: keeps what the outbox delivered, so that a test can read the one-time
 * code the applicant received, minted as the message went out and to be found nowhere else. Delivery runs after the
 * sender's commit on the notification threads, so the readers wait for it.
 */
public class RecordingSmsGateway implements SmsGateway {

	private static final Duration WAIT = Duration.ofSeconds(5);

	private final List<SmsMessage> delivered = new CopyOnWriteArrayList<>();
	private final AtomicInteger failures = new AtomicInteger();
	private volatile SmsGateway forward;

	@Override
	public String deliver(SmsMessage message) {
		if (failures.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
			throw new DeliveryException("测试：短信网关不可用 / test: SMS gateway down");
		}
		// like the logging gateway, no provider id (so no receipt to poll) unless a stand-in provider sends it
		String providerId = forward == null ? null : forward.deliver(message);
		delivered.add(message);
		return providerId;
	}

	@Override
	public Optional<DeliveryReceipt> receipt(String phone, String providerId, java.time.LocalDate sentOn) {
		SmsGateway to = forward;
		return to == null ? Optional.empty() : to.receipt(phone, providerId, sentOn);
	}

	/**
	 * From now on each message also goes to Alibaba Cloud SMS at {@code endpoint} (a stand-in), through the real
	 * adapter with {@code zhengpaopao.notifications.sms.provider: aliyun}'s wiring; {@code null} ends that.
	 */
	public void forwardToAliyun(String endpoint, String accessKeySecret) {
		forward = endpoint == null ? null
				: new AliyunSmsGateway(new NotificationProperties.Sms(NotificationProperties.SmsProvider.ALIYUN, false,
						java.util.Map.of("authorization-code", "SMS_4711", "run-opened", "SMS_4712"),
						new NotificationProperties.Aliyun(endpoint, "test-key-id", accessKeySecret, "证跑跑",
								"cn-hangzhou", Duration.ofSeconds(1), Duration.ofSeconds(2))),
						org.springframework.web.client.RestClient.builder(), java.time.Clock.systemUTC(),
						new SmsAccountAlarm(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
	}

	/** The next {@code attempts} deliveries fail as during a provider's outage. */
	public void failNext(int attempts) {
		failures.set(attempts);
	}

	/** The code in the last message delivered about {@code caseNo}, waiting a few seconds for it to arrive. */
	public String lastCodeFor(String caseNo) {
		return Awaitility.await("a one-time code delivered for " + caseNo)
			.atMost(WAIT)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> lastCode(caseNo), Optional::isPresent)
			.orElseThrow();
	}

	/** The code as handed to the gateway: the outbox and the database hold none, only what was sent does. */
	private Optional<String> lastCode(String caseNo) {
		for (int i = delivered.size() - 1; i >= 0; i--) {
			SmsMessage message = delivered.get(i);
			if (message.reference().equals(caseNo) && message.codeMinted()) {
				return Optional.of(message.code());
			}
		}
		return Optional.empty();
	}

	/** The text the applicant's phone showed, code and all. */
	public static String rendered(SmsMessage message) {
		return message.rendered();
	}

	/** What has been delivered so far. */
	public List<SmsMessage> sent() {
		return List.copyOf(delivered);
	}
}
