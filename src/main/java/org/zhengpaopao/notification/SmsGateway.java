package org.zhengpaopao.notification;

import java.time.LocalDate;
import java.util.Optional;

/** Delivers a text message to an applicant's phone; throws {@link DeliveryException} when it cannot. */
interface SmsGateway {

	/** @return the provider's id of the message (Aliyun's BizId), {@code null} when there is none */
	String deliver(SmsMessage message);

	/**
	 * What the phone network reported for a sent message, as far as the provider knows it.
	 *
	 * @param sentOn the day it was sent, in the county's time (the provider files receipts by day)
	 * @return empty while the provider has no final word yet, or for a gateway without receipts
	 */
	default Optional<DeliveryReceipt> receipt(String phone, String providerId, LocalDate sentOn) {
		return Optional.empty();
	}

	/**
	 * @param delivered whether the phone received it
	 * @param error the network's code when it did not (say {@code MK:0001}), never the text
	 */
	record DeliveryReceipt(boolean delivered, String error) {
	}
}
