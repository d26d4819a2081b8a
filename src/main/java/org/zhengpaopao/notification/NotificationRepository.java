package org.zhengpaopao.notification;

import java.time.Instant;
import java.util.List;

import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface NotificationRepository extends JpaRepository<Notification, Long> {

	List<Notification> findByStatusAndNextAttemptAtLessThanEqualOrderByNextAttemptAt(NotificationStatus status,
			Instant now, Pageable batch);

	/**
	 * Claims one attempt: succeeds (returns 1) only for the node that still sees the version it read, so two
	 * nodes never deliver the same message. The lease makes the row due again if this node dies mid-attempt.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Notification n set n.version = n.version + 1, n.attempts = n.attempts + 1,"
			+ " n.nextAttemptAt = :leaseUntil where n.id = :id and n.version = :version"
			+ " and n.status = org.zhengpaopao.notification.NotificationStatus.PENDING")
	int claim(@Param("id") long id, @Param("version") long version, @Param("leaseUntil") Instant leaseUntil);

	/** Sent text messages with a provider id and no receipt yet, sent after {@code since}, oldest first. */
	List<Notification> findByChannelAndStatusAndProviderIdIsNotNullAndDeliveredIsNullAndSentAtAfterOrderBySentAt(
			NotificationChannel channel, NotificationStatus status, Instant since, Pageable batch);

	List<Notification> findByStatusOrderByCreatedAtDesc(NotificationStatus status, Pageable page);
}
