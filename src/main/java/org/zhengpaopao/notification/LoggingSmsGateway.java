package org.zhengpaopao.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhengpaopao.system.PhoneNumber;

/**
 * The SMS gateway until the county's is connected: writes the message to the log, with the phone number masked,
 * so that a trainer can read the one-time code there.
 */
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void deliver(SmsMessage message) {
		log.info("短信 SMS to {} [{}]: {}", PhoneNumber.mask(message.phone()), message.reference(), message.text());
	}
}
