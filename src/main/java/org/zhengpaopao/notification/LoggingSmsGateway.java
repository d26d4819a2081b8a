package org.zhengpaopao.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.zhengpaopao.personaldata.PhoneNumber;

/**
 * The SMS gateway until the county's is connected: writes the message to the log, with the phone number masked and
 * a one-time code as {@link SmsMessage#CODE}: codes appear in no log line, in no profile.
 */
class LoggingSmsGateway implements SmsGateway {

	private static final Logger log = LoggerFactory.getLogger(LoggingSmsGateway.class);

	@Override
	public void deliver(SmsMessage message) {
		log.info("短信 SMS to {} [{}]: {}", PhoneNumber.mask(message.phone()), message.reference(), message.text());
	}
}
