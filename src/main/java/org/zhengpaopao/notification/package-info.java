/**
 * Messages to applicants (SMS) and to staff groups (DingTalk). Features talk to
 * {@link org.zhengpaopao.notification.Notifier} inside their own transaction; the outbox stores the message there
 * and delivers it after the commit, with retries, through the package's channels (SMS gateway, DingTalk robots,
 * or the log when none is configured).
 */
package org.zhengpaopao.notification;
