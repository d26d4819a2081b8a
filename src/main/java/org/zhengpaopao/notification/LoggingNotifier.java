package org.zhengpaopao.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengpaopao.system.PhoneNumber;

/**
 * The default adapter until the county's SMS gateway is connected: writes the message to the log, with the
 * phone number masked, so that a trainer can read the one-time code there.
 */
class LoggingNotifier implements Notifier {

	private static final Logger log = LoggerFactory.getLogger(LoggingNotifier.class);

	@Override
	public void send(SmsMessage message) {
		log.info("短信 SMS to {} [{}]: {}", PhoneNumber.mask(message.phone()), message.reference(), message.text());
	}

	@Override
	public void send(GroupMessage message) {
		log.info("群消息 to {} [{}]: {} {}", message.groupId(), message.reference(), message.title(), message.text());
	}

	@Configuration(proxyBeanMethods = false)
	static class DefaultNotifierConfiguration {

		@Bean
		@ConditionalOnMissingBean(Notifier.class)
		Notifier loggingNotifier() {
			return new LoggingNotifier();
		}
	}
}
