package org.zhengpaopao.notification;

import java.util.List;

import org.springframework.transaction.annotation.Transactional;

/**
 * What features asked to send, read from the outbox in the same commit as the step that sent it: tests of a
 * process step check the message there, and leave delivery to the outbox's own tests.
 */
public class OutboxContents {

	private final NotificationRepository notifications;

	public OutboxContents(NotificationRepository notifications) {
		this.notifications = notifications;
	}

	/** Group messages about one case, oldest first. */
	@Transactional(readOnly = true)
	public List<GroupMessage> groupMessagesAbout(String caseNo) {
		return notifications.findAll(org.springframework.data.domain.Sort.by("id"))
			.stream()
			.filter(n -> n.getChannel() == NotificationChannel.GROUP && caseNo.equals(n.getReference()))
			.map(n -> new GroupMessage(n.getRecipient(), n.getTitle(), n.getText(), n.getReference()))
			.toList();
	}

	/** Group messages about one case with their links, oldest first. */
	@Transactional(readOnly = true)
	public List<GroupMessage> groupMessagesWithLinksAbout(String caseNo) {
		return about(caseNo, NotificationChannel.GROUP).stream()
			.map(n -> new GroupMessage(n.getRecipient(), n.getTitle(), n.getText(), n.getReference(), n.getLink()))
			.toList();
	}

	/** Messages to one staff member in person about one case, oldest first. */
	@Transactional(readOnly = true)
	public List<StaffMessage> staffNoticesAbout(String caseNo) {
		return about(caseNo, NotificationChannel.STAFF).stream()
			.map(n -> new StaffMessage(n.getRecipient(), n.getTitle(), n.getText(), n.getLink(), n.getReference(), null))
			.toList();
	}

	private List<Notification> about(String caseNo, NotificationChannel channel) {
		return notifications.findAll(org.springframework.data.domain.Sort.by("id"))
			.stream()
			.filter(n -> n.getChannel() == channel && caseNo.equals(n.getReference()))
			.toList();
	}

	/** Text messages about one case, oldest first. */
	@Transactional(readOnly = true)
	public List<SmsMessage> textMessagesAbout(String caseNo) {
		return notifications.findAll(org.springframework.data.domain.Sort.by("id"))
			.stream()
			.filter(n -> n.getChannel() == NotificationChannel.SMS && caseNo.equals(n.getReference()))
			.map(n -> new SmsMessage(n.getRecipient(), n.getTemplate(), n.getReference(),
					SmsParameters.fromJson(n.getTemplateParams())))
			.toList();
	}
}
