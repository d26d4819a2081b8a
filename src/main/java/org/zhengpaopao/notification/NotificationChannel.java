package org.zhengpaopao.notification;

enum NotificationChannel {

	/** an applicant's phone */
	SMS,

	/** a staff group's DingTalk chat */
	GROUP
}
