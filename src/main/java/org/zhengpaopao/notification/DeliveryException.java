package org.zhengpaopao.notification;

/**
 * A channel could not deliver. The message is stored as the notification's last error and logged, so it names
 * the channel's answer (HTTP status, error code, timeout) and never the recipient's phone or the message text.
 */
class DeliveryException extends RuntimeException {

	private final boolean retry;

	DeliveryException(String reason) {
		this(reason, true);
	}

	private DeliveryException(String reason, boolean retry) {
		super(reason);
		this.retry = retry;
	}

	/**
	 * The message must not or cannot go out, now or later (the code is no longer wanted; the provider refused the
	 * number, the template or its parameters): no further attempt.
	 */
	static DeliveryException withdrawn(String reason) {
		return new DeliveryException(reason, false);
	}

	boolean retry() {
		return retry;
	}
}
