package org.zhengpaopao.notification;

/**
 * The notification port. An adapter that cannot deliver throws, so that the calling job is retried and,
 * when retries are used up, shows as an incident in Cockpit.
 */
public interface Notifier {

	void send(SmsMessage message);

	void send(GroupMessage message);
}
