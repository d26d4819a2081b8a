package org.zhengpaopao.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.transaction.annotation.Transactional;

/**
 * The outbox's callbacks as another feature's tests see them, and its sweeper run at a chosen instant (the scheduled
 * sweep never runs in tests). Made with the application context's bean factory ({@code createBean}).
 */
public class CallbackOutbox {

	private final NotificationRepository notifications;
	private final NotificationDelivery delivery;

	public CallbackOutbox(NotificationRepository notifications, NotificationDelivery delivery) {
		this.notifications = notifications;
		this.delivery = delivery;
	}

	/** A stored callback: its event (title), payload, status name, attempts and when it is due next. */
	public record StoredCallback(long id, String event, String payload, String status, int attempts,
			Instant nextAttemptAt, String lastError) {
	}

	/** The callbacks about one case, oldest first. */
	@Transactional(readOnly = true)
	public List<StoredCallback> about(String caseNo) {
		return notifications.findAll(org.springframework.data.domain.Sort.by("id"))
			.stream()
			.filter(n -> n.getChannel() == NotificationChannel.CALLBACK && caseNo.equals(n.getReference()))
			.map(n -> new StoredCallback(n.getId(), n.getTitle(), n.getText(), n.getStatus().name(), n.getAttempts(),
					n.getNextAttemptAt(), n.getLastError()))
			.toList();
	}

	/** Hands the messages due at {@code now} to the delivery threads. */
	public List<Long> sweep(Instant now) {
		return delivery.sweep(now);
	}
}
