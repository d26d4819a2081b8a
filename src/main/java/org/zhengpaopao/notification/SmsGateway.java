package org.zhengpaopao.notification;

/** Delivers a text message to an applicant's phone; throws {@link DeliveryException} when it cannot. */
interface SmsGateway {

	void deliver(SmsMessage message);
}
