package org.zhengpaopao.notification;

enum NotificationChannel {

	/** an applicant's phone */
	SMS,

	/** a staff group's DingTalk chat */
	GROUP,

	/** a staff member's DingTalk work notice (工作通知) */
	STAFF,

	/** a status callback to another system (the provincial service platform), an HTTP POST of JSON */
	CALLBACK
}
