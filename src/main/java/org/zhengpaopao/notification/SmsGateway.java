package org.zhengpaopao.notification;

/** Delivers a text message to an applicant's phone; throws {@link DeliveryException} when it cannot. */
interface SmsGateway {

	/** @return the provider's id of the message (Aliyun's BizId), {@code null} when there is none */
	String deliver(SmsMessage message);
}
