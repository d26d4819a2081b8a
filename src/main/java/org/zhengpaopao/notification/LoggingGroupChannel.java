package org.zhengpaopao.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The group channel when no DingTalk robot is configured (demo, training): writes the message to the log. */
class LoggingGroupChannel implements GroupChannel {

	private static final Logger log = LoggerFactory.getLogger(LoggingGroupChannel.class);

	@Override
	public void deliver(GroupMessage message) {
		log.info("群消息 group message to {} [{}]: {} | {}", message.groupId(), message.reference(), message.title(),
				message.text());
	}
}
