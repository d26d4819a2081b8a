package org.zhengpaopao.notification;

/**
 * A channel could not deliver. The message is stored as the notification's last error and logged, so it names
 * the channel's answer (HTTP status, error code, timeout) and never the recipient's phone or the message text.
 */
public class DeliveryException extends RuntimeException {

	private final boolean retry;

	private final boolean withdrawn;

	/** A failed attempt, tried again after the outbox's backoff. */
	public DeliveryException(String reason) {
		this(reason, true, false);
	}

	private DeliveryException(String reason, boolean retry, boolean withdrawn) {
		super(reason);
		this.retry = retry;
		this.withdrawn = withdrawn;
	}

	/** The message must not go out any more, now or later (the code is no longer wanted): no further attempt. */
	static DeliveryException withdrawn(String reason) {
		return new DeliveryException(reason, false, true);
	}

	/**
	 * The message cannot go out, now or later (the provider refused the number, the template or its parameters; no
	 * template code is set): no further attempt, and the applicant did not get it.
	 */
	static DeliveryException refused(String reason) {
		return new DeliveryException(reason, false, false);
	}

	boolean retry() {
		return retry;
	}

	boolean withdrawn() {
		return withdrawn;
	}
}
