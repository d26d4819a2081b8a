package org.zhengpaopao.notification;

/**
 * A text message to an applicant's phone. {@code text} must carry no ID number: adapters may log it.
 *
 * @param reference what the message is about (a case number), for the delivery log
 */
public record SmsMessage(String phone, String text, String reference) {
}
