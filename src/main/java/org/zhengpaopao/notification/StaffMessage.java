package org.zhengpaopao.notification;

/**
 * A message to one staff member: a DingTalk work notice (工作通知) when the enterprise app is configured and the
 * person is mapped to a DingTalk user id, otherwise a post in {@code fallbackGroup}'s chat that names them, or
 * nothing when that group has heard already. Like {@link GroupMessage}, no ID number and no phone number.
 *
 * @param userId        the Camunda user id of the staff member
 * @param text          Markdown
 * @param link          what the person opens: the task in Tasklist or the case in Cockpit ({@link WebappLinks}),
 *                      or {@code null}
 * @param reference     what the message is about (a case number), for the delivery log
 * @param fallbackGroup the group to tell instead when the person cannot be reached in person, or {@code null}
 */
public record StaffMessage(String userId, String title, String text, String link, String reference,
		String fallbackGroup) {
}
