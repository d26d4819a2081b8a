package org.zhengpaopao.notification;

/**
 * The port a feature implements to deliver its {@link CallbackMessage}s (the platform module: a signed HTTP POST).
 * Called on the notification threads after the commit; a failure throws {@link DeliveryException}, which the outbox
 * records and retries with its backoff until the message is {@code FAILED} (then a manager resends it). With no
 * sender for a target, the outbox writes the callback to the log and counts it as sent, as it does for a group
 * without a robot.
 */
public interface CallbackSender {

	/** The {@link CallbackMessage#target()} this sender delivers. */
	String target();

	void deliver(CallbackMessage message);
}
