package org.zhengpaopao;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.notification.RecordingSmsGateway;

/**
 * Messages go through the real outbox; only the SMS gateway at its end is replaced by one that keeps what it
 * received, so that a test can read the one-time code the applicant got. Group messages go to the configured
 * DingTalk robot of application-test.yaml or, for other groups, to the log.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestNotifications {

	@Bean
	@Primary
	RecordingNotifier recordingNotifier() {
		return new RecordingNotifier();
	}

	@Bean
	OutboxContents outboxContents(org.springframework.context.ApplicationContext context) {
		return context.getAutowireCapableBeanFactory().createBean(OutboxContents.class);
	}

	/** The recording SMS gateway under the name the process and API tests know it by. */
	public static class RecordingNotifier extends RecordingSmsGateway {
	}
}
