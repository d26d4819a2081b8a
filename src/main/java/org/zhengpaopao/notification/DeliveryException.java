package org.zhengpaopao.notification;

/**
 * A channel could not deliver. The message is stored as the notification's last error and logged, so it names
 * the channel's answer (HTTP status, error code, timeout) and never the recipient's phone or the message text.
 */
class DeliveryException extends RuntimeException {

	DeliveryException(String reason) {
		super(reason);
	}
}
