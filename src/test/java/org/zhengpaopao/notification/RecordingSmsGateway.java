package org.zhengpaopao.notification;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;

/**
 * The SMS gateway of the test context: keeps what the outbox delivered, so that a test can read the one-time
 * code the applicant received. Delivery runs after the sender's commit on the notification threads, so the
 * readers wait for it.
 */
public class RecordingSmsGateway implements SmsGateway {

	private static final Pattern CODE = Pattern.compile("验证码 (\\d{6})");
	private static final Duration WAIT = Duration.ofSeconds(5);

	private final List<SmsMessage> delivered = new CopyOnWriteArrayList<>();

	@Override
	public void deliver(SmsMessage message) {
		delivered.add(message);
	}

	/** The code in the last message delivered about {@code caseNo}, waiting a few seconds for it to arrive. */
	public String lastCodeFor(String caseNo) {
		return Awaitility.await("a one-time code delivered for " + caseNo)
			.atMost(WAIT)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> lastCode(caseNo), Optional::isPresent)
			.orElseThrow();
	}

	private Optional<String> lastCode(String caseNo) {
		for (int i = delivered.size() - 1; i >= 0; i--) {
			if (delivered.get(i).reference().equals(caseNo)) {
				Matcher matcher = CODE.matcher(delivered.get(i).text());
				if (matcher.find()) {
					return Optional.of(matcher.group(1));
				}
			}
		}
		return Optional.empty();
	}

	/** What has been delivered so far. */
	public List<SmsMessage> sent() {
		return List.copyOf(delivered);
	}
}
