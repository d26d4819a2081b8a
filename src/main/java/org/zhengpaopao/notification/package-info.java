/**
 * Messages to applicants and staff. Features talk to {@link org.zhengpaopao.notification.Notifier};
 * adapters (log, SMS gateway, DingTalk) deliver.
 */
package org.zhengpaopao.notification;
