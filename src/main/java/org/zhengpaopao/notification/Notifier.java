package org.zhengpaopao.notification;

/**
 * The notification port. Both methods only store the message in the outbox, inside the caller's transaction;
 * it is delivered after that transaction commits, on the outbox's own threads, and retried there. So a slow or
 * down SMS gateway or DingTalk never delays or rolls back a process step, and a step that rolls back sends
 * nothing.
 */
public interface Notifier {

	/** To an applicant's phone. */
	void send(SmsMessage message);

	/** To a staff group's DingTalk chat (三群: county proxy group, township linkage groups, department groups). */
	void send(GroupMessage message);

	/** To one staff member: a DingTalk work notice, or their group's chat when they have none. */
	void send(StaffMessage message);

	/** To another system: a status callback, delivered by the {@link CallbackSender} of its target. */
	void send(CallbackMessage message);
}
