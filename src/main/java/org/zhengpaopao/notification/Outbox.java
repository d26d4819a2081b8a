package org.zhengpaopao.notification;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.NotFoundException;

/**
 * The {@link Notifier}: stores each message in the caller's transaction and hands it to the delivery threads
 * once that transaction has committed. What is not delivered then is picked up by the sweeper.
 */
@Service
@Transactional
class Outbox implements Notifier {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final NotificationRepository notifications;
	private final NotificationDelivery delivery;
	private final NotificationProperties.DingTalk dingTalk;
	private final Clock clock;

	Outbox(NotificationRepository notifications, NotificationDelivery delivery, NotificationProperties properties,
			Clock clock) {
		this.notifications = notifications;
		this.delivery = delivery;
		this.dingTalk = properties.dingtalk();
		this.clock = clock;
	}

	@Override
	public void send(SmsMessage message) {
		Objects.requireNonNull(message.phone(), "phone");
		if (message.codeMinted()) {
			// the outbox keeps no code in clear: it mints one itself when it sends (a template's code parameter)
			throw new IllegalArgumentException("a one-time code must not be stored in the outbox");
		}
		store(Notification.sms(message, parameters(message), clock.instant()));
	}

	@Override
	public void send(GroupMessage message) {
		Objects.requireNonNull(message.groupId(), "groupId");
		store(new Notification(NotificationChannel.GROUP, message.groupId(), message.title(), text(message.text()),
				message.reference(), message.link(), false, clock.instant()));
	}

	/**
	 * A work notice when the person can get one now; otherwise the fallback group's post, naming them. Decided here,
	 * not at delivery, so that {@code /api/notifications} shows where the message actually went.
	 */
	@Override
	public void send(StaffMessage message) {
		Objects.requireNonNull(message.userId(), "userId");
		if (dingTalk.workNoticeRecipient(message.userId()) != null) {
			store(new Notification(NotificationChannel.STAFF, message.userId(), message.title(), text(message.text()),
					message.reference(), message.link(), false, clock.instant()));
		}
		else if (message.fallbackGroup() != null) {
			send(new GroupMessage(message.fallbackGroup(), message.title() + " @" + message.userId(), message.text(),
					message.reference(), message.link()));
		}
		else {
			log.debug("{} has no DingTalk work notice; their group has heard of {} already", message.userId(),
					message.reference());
		}
	}

	@Override
	public void send(CallbackMessage message) {
		Objects.requireNonNull(message.target(), "target");
		store(new Notification(NotificationChannel.CALLBACK, message.target(), message.event(), message.payload(),
				message.reference(), null, false, clock.instant()));
	}

	private static String parameters(SmsMessage message) {
		String json = SmsParameters.toJson(message.parameters());
		if (json.length() <= Notification.MAX_TEXT) {
			return json;
		}
		// shortened rather than refused, as texts are; a provider allows far shorter parameters anyway
		log.warn("短信参数超过 {} 字，已截断 / SMS parameters longer than {} characters, shortened",
				Notification.MAX_TEXT, Notification.MAX_TEXT);
		Map<String, String> shortened = new TreeMap<>();
		message.parameters().forEach((name, value) -> shortened.put(name, Notification.truncate(value, 200)));
		return SmsParameters.toJson(shortened);
	}

	private static String text(String text) {
		Objects.requireNonNull(text, "text");
		if (text.length() > Notification.MAX_TEXT) {
			// shortened rather than refused: a refusal would roll back the caller's process step
			log.warn("通知内容超过 {} 字，已截断 / notification text longer than {} characters, shortened",
					Notification.MAX_TEXT, Notification.MAX_TEXT);
		}
		return text;
	}

	private void store(Notification notification) {
		notifications.save(notification);
		deliverAfterCommit(notification);
	}

	/** A manager's second chance for a message whose attempts are used up. */
	void resend(long id) {
		Notification notification = notifications.findById(id)
			.orElseThrow(() -> new NotFoundException("没有这条通知：" + id, "no notification " + id));
		if (notification.getStatus() != NotificationStatus.FAILED) {
			throw new ConflictException("只有发送失败的通知可以重发", "only a failed notification can be sent again");
		}
		notification.resend(clock.instant());
		deliverAfterCommit(notification);
	}

	@Transactional(readOnly = true)
	List<Notification> withStatus(NotificationStatus status, int limit) {
		return notifications.findByStatusOrderByCreatedAtDesc(status, PageRequest.of(0, limit));
	}

	private void deliverAfterCommit(Notification notification) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				// read now: the commit's flush has counted the version up if the row changed
				delivery.dispatch(notification.getId(), notification.getVersion());
			}
		});
	}
}
