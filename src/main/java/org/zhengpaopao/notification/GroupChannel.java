package org.zhengpaopao.notification;

/** Delivers a message to a staff group's chat; throws {@link DeliveryException} when it cannot. */
interface GroupChannel {

	void deliver(GroupMessage message);
}
