package org.zhengpaopao.notification;

/**
 * A message to a staff group's chat (DingTalk robot), e.g. {@code runners-huzhen} or {@code task-force}.
 *
 * @param reference what the message is about (a case number)
 */
public record GroupMessage(String groupId, String title, String text, String reference) {
}
