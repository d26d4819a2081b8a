package org.zhengpaopao.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.data.domain.PageRequest;
import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengpaopao.system.CountyTime;

/**
 * Reads back the provider's delivery receipts of sent text messages (Aliyun QuerySendDetails), a bounded batch per
 * run, for messages sent within the last three days: after that a missing receipt will not come. A message the
 * network did not deliver is published as {@link TextMessageUndelivered}.
 */
@Component
class SmsReceipts {

	private static final Logger log = LoggerFactory.getLogger(SmsReceipts.class);
	static final Duration LOOK_BACK = Duration.ofDays(3);

	private final NotificationRepository notifications;
	private final SmsGateway sms;
	private final TransactionTemplate transaction;
	private final ApplicationEventPublisher events;
	private final NotificationProperties properties;
	private final Clock clock;

	SmsReceipts(NotificationRepository notifications, SmsGateway sms, PlatformTransactionManager transactionManager,
			ApplicationEventPublisher events, NotificationProperties properties, Clock clock) {
		this.notifications = notifications;
		this.sms = sms;
		this.transaction = new TransactionTemplate(transactionManager);
		this.events = events;
		this.properties = properties;
		this.clock = clock;
	}

	@Scheduled(fixedDelayString = "${zhengpaopao.notifications.sms.receipt-interval:PT5M}",
			initialDelayString = "${zhengpaopao.notifications.sms.receipt-interval:PT5M}")
	void poll() {
		poll(clock.instant());
	}

	/** @return how many receipts were recorded */
	int poll(Instant now) {
		List<Notification> due = transaction.execute(status -> notifications
			.findByChannelAndStatusAndProviderIdIsNotNullAndDeliveredIsNullAndSentAtAfterOrderBySentAt(
					NotificationChannel.SMS, NotificationStatus.SENT, now.minus(LOOK_BACK),
					PageRequest.of(0, properties.sweepBatchSize())));
		int recorded = 0;
		for (Notification message : due) {
			Optional<SmsGateway.DeliveryReceipt> receipt;
			try {
				receipt = sms.receipt(message.getRecipient(), message.getProviderId(),
						message.getSentAt().atZone(CountyTime.ZONE).toLocalDate());
			}
			catch (DeliveryException e) {
				log.warn("短信回执暂不可读，下次再试 / SMS receipts not readable now, next run tries again: {}",
						e.getMessage());
				break;
			}
			if (receipt.isPresent()) {
				try {
					transaction.executeWithoutResult(status -> record(message, receipt.get()));
					recorded++;
				}
				catch (ObjectOptimisticLockingFailureException e) {
					log.debug("receipt of notification {} recorded by another node", message.getId());
				}
			}
		}
		return recorded;
	}

	private void record(Notification read, SmsGateway.DeliveryReceipt receipt) {
		Notification message = notifications.findById(read.getId()).orElseThrow();
		if (message.getVersion() != read.getVersion() || message.getDelivered() != null) {
			return;
		}
		message.receipt(receipt.delivered(), receipt.error());
		notifications.saveAndFlush(message);
		if (!receipt.delivered()) {
			log.warn("短信未送达 / text message {} not delivered ({}), reference {}: {}", message.getId(),
					message.getTemplate(), message.getReference(), receipt.error());
			events.publishEvent(
					new TextMessageUndelivered(message.getReference(), message.getTemplate(), receipt.error()));
		}
	}
}
