package org.zhengpaopao.notification;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.persistence.EntityManager;

/** How many messages in the outbox have used up their attempts and wait for a manager to resend them. */
@Service
@Transactional(readOnly = true)
public class FailedNotifications {

	private final EntityManager entityManager;

	FailedNotifications(EntityManager entityManager) {
		this.entityManager = entityManager;
	}

	/** FAILED messages of all nodes (the outbox is shared), SMS and group messages together. */
	public long count() {
		return entityManager
			.createQuery("select count(n) from Notification n where n.status = :status", Long.class)
			.setParameter("status", NotificationStatus.FAILED)
			.getSingleResult();
	}
}
