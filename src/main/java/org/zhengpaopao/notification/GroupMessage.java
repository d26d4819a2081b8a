package org.zhengpaopao.notification;

/**
 * A message to a staff group's DingTalk chat. {@code title} and {@code text} must carry no ID number and no
 * phone number: a group chat is read by many and adapters may log it. {@code text} is Markdown.
 *
 * @param groupId a Camunda group id, e.g. {@code runners-county}, {@code runners-huzhen}, {@code liaison-gongan}
 * @param reference what the message is about (a case number), for the delivery log
 * @param link the task in Tasklist or the case in Cockpit ({@link WebappLinks}), or {@code null}
 */
public record GroupMessage(String groupId, String title, String text, String reference, String link) {

	public GroupMessage(String groupId, String title, String text, String reference) {
		this(groupId, title, text, reference, null);
	}
}
