package org.zhengpaopao.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhengpaopao.personaldata.PhoneNumber;

/**
 * The SMS gateway for demo and training ({@code zhengpaopao.notifications.sms.provider: log}): writes the rendered
 * template to the log, with the phone number masked and a one-time code as {@link SmsMessage#CODE}: codes appear in
 * no log line, in no profile. The prod profile refuses it unless the installation is marked as training.
 */
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	private final String signName;

	LoggingSmsGateway(String signName) {
		this.signName = signName;
	}

	@Override
	public String deliver(SmsMessage message) {
		log.info("短信 SMS to {} [{}] {}: 【{}】{}", PhoneNumber.mask(message.phone()), message.reference(),
				message.template().key(), signName, message.text());
		return null;
	}
}
