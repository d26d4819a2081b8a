package org.zhengpaopao.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.core.task.TaskExecutor;
import org.springframework.core.task.TaskRejectedException;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Delivers stored messages on the notification threads, one claimed attempt at a time. A failed attempt waits
 * for its backoff and is picked up again by the sweeper, which also finds messages whose first attempt never
 * ran (a full queue, a node that stopped), so every committed message is tried until it is SENT or FAILED.
 */
@Component
class NotificationDelivery {

	private static final Logger log = LoggerFactory.getLogger(NotificationDelivery.class);
	static final String SENT = "zhengpaopao.notifications.sent";
	static final String FAILED = "zhengpaopao.notifications.failed";
	static final String CHANNEL = "channel";

	private final NotificationRepository notifications;
	private final SmsGateway sms;
	private final GroupChannel groups;
	private final DingTalkWorkNotices workNotices;
	private final ObjectProvider<OneTimeCodes> oneTimeCodes;
	private final TaskExecutor executor;
	private final TransactionTemplate transaction;
	private final NotificationProperties properties;
	private final Clock clock;
	private final MeterRegistry meters;
	private final ApplicationEventPublisher events;
	private final ObjectProvider<CallbackSender> callbackSenders;

	// the codes' minters are looked up when a code is due: each belongs to a feature that itself sends through the
	// outbox, and the message's template says whose code it is
	NotificationDelivery(NotificationRepository notifications, SmsGateway sms, GroupChannel groups,
			DingTalkWorkNotices workNotices, ObjectProvider<OneTimeCodes> oneTimeCodes,
			@Qualifier(NotificationConfiguration.EXECUTOR) TaskExecutor executor,
			PlatformTransactionManager transactionManager, NotificationProperties properties, Clock clock,
			MeterRegistry meters, ApplicationEventPublisher events, ObjectProvider<CallbackSender> callbackSenders) {
		this.notifications = notifications;
		this.sms = sms;
		this.groups = groups;
		this.workNotices = workNotices;
		this.oneTimeCodes = oneTimeCodes;
		this.executor = executor;
		this.transaction = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.clock = clock;
		this.meters = meters;
		this.events = events;
		this.callbackSenders = callbackSenders;
		// registered up front, so that an alert on the failed counter sees a zero before the first failure
		for (NotificationChannel channel : NotificationChannel.values()) {
			meters.counter(SENT, CHANNEL, channel.name());
			meters.counter(FAILED, CHANNEL, channel.name());
		}
	}

	/** Never throws: called after the caller's commit, where an exception would reach the caller. */
	void dispatch(long id, long version) {
		try {
			executor.execute(() -> attempt(id, version));
		}
		catch (TaskRejectedException e) {
			log.debug("notification queue full, the sweeper will deliver notification {}", id);
		}
		catch (RuntimeException e) {
			log.warn("notification {} not handed to the delivery threads, the sweeper will: {}", id, e.toString());
		}
	}

	@Scheduled(fixedDelayString = "${zhengpaopao.notifications.sweep-interval:PT15S}",
			initialDelayString = "${zhengpaopao.notifications.sweep-interval:PT15S}")
	void sweep() {
		sweep(clock.instant());
	}

	/**
	 * Hands the messages due at {@code now} to the delivery threads, a bounded batch per run.
	 *
	 * @return the ids handed over
	 */
	List<Long> sweep(Instant now) {
		List<Notification> due = transaction.execute(status -> notifications
			.findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(NotificationStatus.PENDING, now,
					PageRequest.of(0, properties.sweepBatchSize())));
		List<Long> handed = new ArrayList<>();
		for (Notification notification : due) {
			long id = notification.getId();
			long version = notification.getVersion();
			try {
				executor.execute(() -> attempt(id, version));
				handed.add(id);
			}
			catch (TaskRejectedException e) {
				break; // the threads are busy; the rest stays due for the next run
			}
		}
		return handed;
	}

	/** One attempt, if this node wins the claim on {@code version}. */
	void attempt(long id, long version) {
		try {
			Optional<Notification> claimed = transaction.execute(status -> claim(id, version));
			if (claimed.isEmpty()) {
				return; // another thread or node has it, or it is no longer pending
			}
			Notification notification = claimed.get();
			Outcome outcome;
			try {
				outcome = Outcome.sent(deliver(notification));
			}
			catch (DeliveryException e) {
				outcome = new Outcome(null, e.getMessage(), e.retry(), e.withdrawn());
			}
			catch (RuntimeException e) {
				// the message of an unexpected exception might quote the recipient; its type does not
				outcome = new Outcome(null, "意外错误 / unexpected " + e.getClass().getName(), true, false);
			}
			Outcome result = outcome;
			// counters and log lines only once the outcome is committed
			transaction.execute(status -> record(notification, result)).run();
		}
		catch (ObjectOptimisticLockingFailureException e) {
			log.debug("notification {} changed while it was delivered, leaving it to the other side", id);
		}
		catch (RuntimeException e) {
			// e.g. the database is away; the lease makes the message due again
			log.warn("notification {}: attempt not recorded, it will be tried again: {}", id, e.getClass().getName());
		}
	}

	private Optional<Notification> claim(long id, long version) {
		Instant leaseUntil = clock.instant().plus(properties.lease());
		if (notifications.claim(id, version, leaseUntil) == 0) {
			return Optional.empty();
		}
		return notifications.findById(id);
	}

	/** @return the provider's id of the message, if it gives one */
	private String deliver(Notification notification) {
		switch (notification.getChannel()) {
			case SMS -> {
				if (notification.getTemplate() == null) {
					throw DeliveryException.withdrawn("模板化之前存入的短信，无法按模板发送 / "
							+ "a text message stored before templates (V14) cannot be sent as a template");
				}
				return sms.deliver(withCode(new SmsMessage(notification.getRecipient(), notification.getTemplate(),
						notification.getReference(), SmsParameters.fromJson(notification.getTemplateParams()))));
			}
			case GROUP -> groups.deliver(new GroupMessage(notification.getRecipient(), notification.getTitle(),
					notification.getText(), notification.getReference(), notification.getLink()));
			case STAFF -> workNotices.deliver(new StaffMessage(notification.getRecipient(), notification.getTitle(),
					notification.getText(), notification.getLink(), notification.getReference(), null));
			case CALLBACK -> callback(new CallbackMessage(notification.getRecipient(), notification.getTitle(),
					notification.getText(), notification.getReference()));
		}
		return null;
	}

	private void callback(CallbackMessage message) {
		CallbackSender sender = callbackSenders.orderedStream()
			.filter(candidate -> candidate.target().equals(message.target()))
			.findFirst()
			.orElse(null);
		if (sender == null) {
			log.info("回调 callback to {} [{}] {}: {} (no sender for this target: logged only)", message.target(),
					message.reference(), message.event(), message.payload());
			return;
		}
		sender.deliver(message);
	}

	/**
	 * A fresh code for each attempt, minted (its hash committed by its feature) just before the gateway gets it: so
	 * the outbox stores none, and a code that never reached the gateway is never valid.
	 */
	private SmsMessage withCode(SmsMessage message) {
		if (!message.carriesCode()) {
			return message;
		}
		OneTimeCodes codes = oneTimeCodes.orderedStream()
			.filter(minter -> minter.mints(message.template()))
			.findFirst()
			.orElseThrow(() -> DeliveryException.withdrawn("没有签发此类验证码的模块 / nothing mints the codes of "
					+ message.template()));
		return message.withCode(codes.mint(message.reference())
			.orElseThrow(() -> DeliveryException.withdrawn("验证码已不再需要 / the one-time code is no longer wanted")));
	}

	/** @return what to count and log once the outcome is committed */
	private Runnable record(Notification claimed, Outcome outcome) {
		String failure = outcome.failure();
		Notification notification = notifications.findById(claimed.getId()).orElse(null);
		if (notification == null || notification.getVersion() != claimed.getVersion()) {
			return () -> {
			}; // our lease ran out and someone else claimed it meanwhile; their outcome counts
		}
		Instant now = clock.instant();
		long id = notification.getId();
		int attempts = notification.getAttempts();
		String channel = notification.getChannel().name();
		if (failure == null) {
			notification.sent(now, outcome.providerId());
			return () -> meters.counter(SENT, CHANNEL, channel).increment();
		}
		if (attempts >= properties.maxAttempts() || !outcome.retry()) {
			notification.attemptFailed(failure, null);
			if (notification.getTemplate() != null && !outcome.withdrawn()) {
				// in this transaction: a window's note is stored with the failure, or not at all
				events.publishEvent(
						new TextMessageUndelivered(notification.getReference(), notification.getTemplate(), failure));
			}
			String recipient = recipientForLog(notification);
			String reference = notification.getReference();
			return () -> {
				meters.counter(FAILED, CHANNEL, channel).increment();
				log.error("通知 {} 发送失败，已尝试 {} 次，需人工重发 / notification {} FAILED after {} attempts: "
						+ "channel {}, recipient {}, reference {}, reason: {}", id, attempts, id, attempts, channel,
						recipient, reference, failure);
			};
		}
		Instant next = now.plus(properties.backoffAfter(attempts));
		notification.attemptFailed(failure, next);
		return () -> log.warn("notification {} attempt {} of {} failed ({}), next attempt at {}: {}", id, attempts,
				properties.maxAttempts(), channel,
				next.atZone(clock.getZone()).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS), failure);
	}

	/**
	 * @param providerId the provider's id of a sent message
	 * @param failure why the attempt failed, {@code null} when it did not
	 * @param withdrawn the message was not wanted any more: nobody missed it
	 */
	private record Outcome(String providerId, String failure, boolean retry, boolean withdrawn) {

		static Outcome sent(String providerId) {
			return new Outcome(providerId, null, false, false);
		}
	}

	/** A group or user id may be logged; a phone number never is. */
	private static String recipientForLog(Notification notification) {
		return notification.getChannel() == NotificationChannel.SMS ? "applicant" : notification.getRecipient();
	}
}
