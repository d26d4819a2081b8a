package org.zhengpaopao.notification;

/**
 * The provider's receipt says a text message never reached the applicant's phone. Published in the transaction that
 * records the receipt, so that a feature whose case needs the message (a one-time code, a decision) can ask its
 * window to call the applicant: a note sent from a listener is stored, or not, with the receipt.
 *
 * @param reference the case number the message was about
 * @param error the phone network's code, never the text
 */
public record TextMessageUndelivered(String reference, SmsTemplate template, String error) {
}
