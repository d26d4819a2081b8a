package org.zhengpaopao.notification;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One message in the outbox. Plain VARCHAR columns of at most 2000 characters, so the table is the same on H2
 * and on MySQL ({@code utf8mb4}).
 */
@Entity
@Table(name = "zpp_notification",
		indexes = @Index(name = "zpp_notification_due", columnList = "status, next_attempt_at"))
class Notification {

	static final int MAX_TITLE = 200;
	static final int MAX_TEXT = 2000;
	static final int MAX_ERROR = 500;
	static final int MAX_LINK = 500;

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** claims go through this version, so that two nodes never deliver the same message */
	@Version
	private long version;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 8)
	private NotificationChannel channel;

	/** a phone number (SMS), a Camunda group id (GROUP) or a Camunda user id (STAFF) */
	@Column(nullable = false, length = 64)
	private String recipient;

	@Column(length = MAX_TITLE)
	private String title;

	@Column(name = "message_text", nullable = false, length = MAX_TEXT)
	private String text;

	@Column(length = 64)
	private String reference;

	/** the task in Tasklist or the case in Cockpit that the message opens */
	@Column(length = MAX_LINK)
	private String link;

	/**
	 * an SMS's template ({@link SmsTemplate}); its code is looked up in the settings at each attempt, so a corrected
	 * code also serves a resend. VARCHAR, not ENUM: a new template needs no migration
	 */
	@Enumerated(EnumType.STRING)
	@JdbcTypeCode(SqlTypes.VARCHAR)
	@Column(name = "sms_template", length = 40)
	private SmsTemplate template;

	/** an SMS's template parameters as a JSON object, the one-time code never among them */
	@Column(name = "template_params", length = MAX_TEXT)
	private String templateParams;

	/** the provider's id of a sent SMS (Aliyun's BizId), for its delivery receipt */
	@Column(name = "provider_id", length = 64)
	private String providerId;

	/** the provider's receipt of a sent SMS: {@code null} until it has one (or for a gateway without receipts) */
	@Column(name = "delivered")
	private Boolean delivered;

	/** the phone network's code when the receipt says it was not delivered */
	@Column(name = "receipt_error", length = 64)
	private String receiptError;

	/** the template takes a code minted at each attempt; the text shows {@link SmsMessage#CODE}, nothing stores it */
	@Column(name = "one_time_code", nullable = false)
	private boolean oneTimeCode;

	@Enumerated(EnumType.STRING)
	@Column(name = "status", nullable = false, length = 8)
	private NotificationStatus status;

	@Column(nullable = false)
	private int attempts;

	/** why the last attempt failed: the channel's answer, never the message or the recipient */
	@Column(name = "last_error", length = MAX_ERROR)
	private String lastError;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt;

	/** when the next attempt is due; while an attempt runs, the end of its lease */
	@Column(name = "next_attempt_at", nullable = false)
	private Instant nextAttemptAt;

	@Column(name = "sent_at")
	private Instant sentAt;

	protected Notification() {
	}

	Notification(NotificationChannel channel, String recipient, String title, String text, String reference,
			boolean oneTimeCode, Instant now) {
		this(channel, recipient, title, text, reference, null, oneTimeCode, now);
	}

	Notification(NotificationChannel channel, String recipient, String title, String text, String reference,
			String link, boolean oneTimeCode, Instant now) {
		// a link too long for its column is dropped, not cut: half a link opens the wrong page
		this.link = link == null || link.length() > MAX_LINK ? null : link;
		this.channel = channel;
		this.oneTimeCode = oneTimeCode;
		this.recipient = recipient;
		this.title = truncate(title, MAX_TITLE);
		this.text = truncate(text, MAX_TEXT);
		this.reference = truncate(reference, 64);
		this.status = NotificationStatus.PENDING;
		this.createdAt = now;
		this.nextAttemptAt = now;
	}

	/** A text message: its template and parameters, and the rendered text with any code masked, for the list. */
	static Notification sms(SmsMessage message, String templateParams, Instant now) {
		Notification notification = new Notification(NotificationChannel.SMS, message.phone(), null, message.text(),
				message.reference(), message.carriesCode(), now);
		notification.template = message.template();
		notification.templateParams = templateParams;
		return notification;
	}

	/** @param providerId the provider's id of the message, {@code null} if it gives none */
	void sent(Instant now, String providerId) {
		status = NotificationStatus.SENT;
		sentAt = now;
		lastError = null;
		this.providerId = providerId;
	}

	void receipt(boolean delivered, String error) {
		this.delivered = delivered;
		this.receiptError = truncate(error, 64);
	}

	/** @param nextAttemptAt {@code null} when no attempt is left */
	void attemptFailed(String reason, Instant nextAttemptAt) {
		lastError = truncate(reason, MAX_ERROR);
		if (nextAttemptAt == null) {
			status = NotificationStatus.FAILED;
		}
		else {
			this.nextAttemptAt = nextAttemptAt;
		}
	}

	/** A manager sends a failed message once more, with all its attempts. */
	void resend(Instant now) {
		status = NotificationStatus.PENDING;
		attempts = 0;
		nextAttemptAt = now;
	}

	static String truncate(String value, int max) {
		if (value == null || value.length() <= max) {
			return value;
		}
		int end = Character.isHighSurrogate(value.charAt(max - 2)) ? max - 2 : max - 1;
		return value.substring(0, end) + "…";
	}

	Long getId() {
		return id;
	}

	long getVersion() {
		return version;
	}

	NotificationChannel getChannel() {
		return channel;
	}

	String getRecipient() {
		return recipient;
	}

	String getTitle() {
		return title;
	}

	String getText() {
		return text;
	}

	String getReference() {
		return reference;
	}

	String getLink() {
		return link;
	}

	SmsTemplate getTemplate() {
		return template;
	}

	String getTemplateParams() {
		return templateParams;
	}

	String getProviderId() {
		return providerId;
	}

	Boolean getDelivered() {
		return delivered;
	}

	String getReceiptError() {
		return receiptError;
	}

	NotificationStatus getStatus() {
		return status;
	}

	int getAttempts() {
		return attempts;
	}

	String getLastError() {
		return lastError;
	}

	Instant getCreatedAt() {
		return createdAt;
	}

	Instant getNextAttemptAt() {
		return nextAttemptAt;
	}

	Instant getSentAt() {
		return sentAt;
	}
}
