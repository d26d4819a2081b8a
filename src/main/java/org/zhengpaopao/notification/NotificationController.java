package org.zhengpaopao.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.personaldata.PhoneNumber;

import io.swagger.v3.oas.annotations.Operation;

/** Managers see the messages that could not be delivered and send them again. */
@RestController
class NotificationController {

	private static final int LIST_LIMIT = 200;

	private final Outbox outbox;

	NotificationController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping("/api/notifications")
	@Operation(summary = "按状态查看通知（默认发送失败的）/ Notifications by status, failed ones by default",
			description = "Managers and admins. The newest 200; phone numbers are masked. A text message shows its "
					+ "template, the provider's id and, once the provider has it, its receipt (delivered true/false).")
	List<NotificationView> list(@RequestParam(defaultValue = "FAILED") NotificationStatus status) {
		return outbox.withStatus(status, LIST_LIMIT).stream().map(NotificationView::of).toList();
	}

	@PostMapping("/api/notifications/{id}/resend")
	@Operation(summary = "重发发送失败的通知 / Send a failed notification again",
			description = "Managers and admins. The message goes back to PENDING with all its attempts; 202 Accepted.")
	ResponseEntity<Void> resend(@PathVariable long id) {
		outbox.resend(id);
		return ResponseEntity.accepted().build();
	}

	record NotificationView(long id, NotificationChannel channel, String recipient, String title, String reference,
			String link, NotificationStatus status, int attempts, String lastError, Instant createdAt, Instant sentAt,
			SmsTemplate template, String providerId, Boolean delivered, String receiptError) {

		static NotificationView of(Notification n) {
			String recipient = n.getChannel() == NotificationChannel.SMS ? PhoneNumber.mask(n.getRecipient())
					: n.getRecipient();
			return new NotificationView(n.getId(), n.getChannel(), recipient, n.getTitle(), n.getReference(),
					n.getLink(), n.getStatus(), n.getAttempts(), n.getLastError(), n.getCreatedAt(), n.getSentAt(),
					n.getTemplate(), n.getProviderId(), n.getDelivered(), n.getReceiptError());
		}
	}
}
