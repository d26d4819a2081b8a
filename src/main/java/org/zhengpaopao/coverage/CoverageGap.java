package org.zhengpaopao.coverage;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A group of the service circle seen without an active runner, from when a sweep first saw it until it is covered. */
@Entity
@Table(name = "zpp_coverage_gap")
class CoverageGap {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "group_id", nullable = false, length = 64)
	private String groupId;

	@Column(name = "group_name", nullable = false, length = 200)
	private String groupName;

	/** villages left without a runner by this group's gap (0 for the county and department groups) */
	@Column(name = "villages", nullable = false)
	private int villages;

	@Column(name = "opened_at", nullable = false)
	private Instant openedAt;

	@Column(name = "notify_at", nullable = false)
	private Instant notifyAt;

	@Column(name = "notified_at")
	private Instant notifiedAt;

	@Column(name = "closed_at")
	private Instant closedAt;

	@Column(name = "open_group_id", length = 64)
	private String openGroupId;

	@Version
	private long version;

	protected CoverageGap() {
	}

	CoverageGap(String groupId, String groupName, int villages, Instant openedAt, Instant notifyAt) {
		this.groupId = groupId;
		this.groupName = groupName;
		this.villages = villages;
		this.openedAt = openedAt;
		this.notifyAt = notifyAt;
		this.openGroupId = groupId;
	}

	boolean isOpen() {
		return closedAt == null;
	}

	boolean isDueForNotification(Instant now) {
		return isOpen() && notifiedAt == null && !now.isBefore(notifyAt);
	}

	void markNotified(Instant at) {
		if (!isDueForNotification(at)) {
			throw new IllegalStateException("coverage gap of " + groupId + " is not due for notification");
		}
		notifiedAt = at;
	}

	void close(Instant at) {
		if (!isOpen()) {
			throw new IllegalStateException("coverage gap of " + groupId + " is already closed");
		}
		closedAt = at;
		openGroupId = null;
	}

	void villagesNow(int count) {
		villages = count;
	}

	String getGroupId() {
		return groupId;
	}

	String getGroupName() {
		return groupName;
	}

	int getVillages() {
		return villages;
	}

	Instant getOpenedAt() {
		return openedAt;
	}

	Instant getNotifyAt() {
		return notifyAt;
	}

	Instant getNotifiedAt() {
		return notifiedAt;
	}

	Instant getClosedAt() {
		return closedAt;
	}
}
