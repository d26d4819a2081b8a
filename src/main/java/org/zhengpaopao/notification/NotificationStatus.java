package org.zhengpaopao.notification;

enum NotificationStatus {

	/** waiting for its first delivery or for the next retry */
	PENDING,

	SENT,

	/** every attempt failed; a manager may resend it */
	FAILED
}
