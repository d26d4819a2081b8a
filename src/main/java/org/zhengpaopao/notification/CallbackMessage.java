package org.zhengpaopao.notification;

/**
 * A status callback to another system (the provincial service platform's case status, docs/platform.md): an HTTP
 * POST of a JSON payload, through the outbox like every other message, so a platform that is away delays the news
 * and never a case. No ID number and no phone number in the payload: it is stored as the message's text and shown
 * at {@code /api/notifications}.
 *
 * @param target    which system's callback (the {@link CallbackSender}'s key, e.g. {@code platform})
 * @param event     what happened, e.g. {@code ACCEPTED}, {@code APPROVED}; the message's title
 * @param payload   the JSON body, at most 2000 characters
 * @param reference the case number, for the delivery log
 */
public record CallbackMessage(String target, String event, String payload, String reference) {

	public static final int MAX_PAYLOAD = Notification.MAX_TEXT;

	public CallbackMessage {
		if (payload == null || payload.length() > MAX_PAYLOAD) {
			// a shortened JSON would be no JSON: the sender keeps its payloads small
			throw new IllegalArgumentException("callback payload missing or longer than " + MAX_PAYLOAD);
		}
	}
}
