package org.zhengpaopao.notification;

import java.util.Objects;

import org.zhengpaopao.personaldata.PhoneNumber;

/**
 * A text message to an applicant's phone. {@code text} must carry no ID number: adapters may log it, and the
 * outbox stores it. Nor does it ever carry a one-time code: a message with a code has {@link #CODE} where the code
 * goes, and the outbox asks {@link OneTimeCodes} for a fresh code each time it sends the message, so that no code
 * is stored or logged in clear (docs/adr/0005-one-time-codes.md).
 *
 * @param reference what the message is about (a case number), for the delivery log
 * @param code {@code null} for a message without a code; {@link #CODE} for one whose code is minted when it is
 *        sent; the minted code itself only on the way from the outbox to the SMS gateway
 */
public record SmsMessage(String phone, String text, String reference, String code) {

	/** Where the code goes in the text; also how the outbox, its list and the log show it. */
	public static final String CODE = "******";

	public SmsMessage(String phone, String text, String reference) {
		this(phone, text, reference, null);
	}

	/** A message whose {@code text} has {@link #CODE} where a one-time code minted at sending goes. */
	public static SmsMessage withOneTimeCode(String phone, String text, String reference) {
		if (!Objects.requireNonNull(text, "text").contains(CODE)) {
			throw new IllegalArgumentException("the text has no place for the code (" + CODE + ")");
		}
		return new SmsMessage(phone, text, reference, CODE);
	}

	public boolean carriesCode() {
		return code != null;
	}

	boolean codeMinted() {
		return code != null && !CODE.equals(code);
	}

	SmsMessage withCode(String minted) {
		return new SmsMessage(phone, text, reference, minted);
	}

	/** What the applicant's phone shows: the code in its place. For the gateway's request to the provider only. */
	String rendered() {
		return codeMinted() ? text.replace(CODE, code) : text;
	}

	/** Neither the phone nor a code, wherever a message ends up printed. */
	@Override
	public String toString() {
		return "SmsMessage[phone=" + PhoneNumber.mask(phone) + ", reference=" + reference + ", text=" + text + "]";
	}
}
