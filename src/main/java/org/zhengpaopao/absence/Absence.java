package org.zhengpaopao.absence;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.CountyTime;

/**
 * One absence (请假) of a runner or clerk: whole days from {@code from} to {@code to}, both included, in the county's
 * time (Asia/Shanghai), so it starts at 00:00 of the first day and ends at 24:00 of the last, unless ended early.
 * An absence ended before it started never was (cancelled).
 */
@Entity
@Table(name = "zpp_absence")
public class Absence {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(name = "user_id", nullable = false, length = 64)
	private String userId;

	@Column(name = "from_date", nullable = false)
	private LocalDate from;

	@Column(name = "to_date", nullable = false)
	private LocalDate to;

	@Column(nullable = false, length = 500)
	private String reason;

	@Column(name = "stand_in", length = 64)
	private String standIn;

	@Column(name = "recorded_by", nullable = false, length = 64)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	/** when the person's tasks were moved; set once, by one node (see AbsenceRepository#claimStart) */
	@Column(name = "applied_at")
	private Instant appliedAt;

	@Column(name = "ended_at")
	private Instant endedAt;

	@Column(name = "ended_by", length = 64)
	private String endedBy;

	protected Absence() {
	}

	Absence(String userId, LocalDate from, LocalDate to, String reason, String standIn, String recordedBy,
			Instant recordedAt) {
		this.userId = userId;
		this.from = from;
		this.to = to;
		this.reason = reason;
		this.standIn = standIn;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}

	Instant startsAt() {
		return from.atStartOfDay(CountyTime.ZONE).toInstant();
	}

	/** The end as it is now: midnight after the last day, or earlier when ended early. */
	Instant endsAt() {
		Instant planned = to.plusDays(1).atStartOfDay(CountyTime.ZONE).toInstant();
		return endedAt != null && endedAt.isBefore(planned) ? endedAt : planned;
	}

	boolean activeAt(Instant now) {
		return !startsAt().isAfter(now) && endsAt().isAfter(now);
	}

	/** Whether it covers some moment of the days {@code first} to {@code last}, both included. */
	boolean overlaps(LocalDate first, LocalDate last) {
		return startsAt().isBefore(last.plusDays(1).atStartOfDay(CountyTime.ZONE).toInstant())
				&& endsAt().isAfter(first.atStartOfDay(CountyTime.ZONE).toInstant()) && endsAt().isAfter(startsAt());
	}

	/** Ends it now (before it started: cancels it). Nothing moves back: the tasks stay where they went. */
	void end(String actor, Instant now) {
		if (!endsAt().isAfter(now)) {
			throw new ConflictException("该请假已于 " + endsAt().atZone(CountyTime.ZONE).toLocalDateTime() + " 结束",
					"this absence ended already");
		}
		endedAt = now;
		endedBy = actor;
	}

	Status statusAt(Instant now) {
		if (!endsAt().isAfter(startsAt())) {
			return Status.CANCELLED;
		}
		if (!endsAt().isAfter(now)) {
			return Status.ENDED;
		}
		return startsAt().isAfter(now) ? Status.PLANNED : Status.ACTIVE;
	}

	/** How an absence stands: 待开始, 请假中, 已结束, 已取消. */
	public enum Status {
		PLANNED, ACTIVE, ENDED, CANCELLED
	}

	/** 「X 请假（2026-12-01 至 2026-12-03，原因）」: how comments and history name the absence. */
	String describe() {
		return userId + " 请假（" + from + " 至 " + to + "，" + reason + "）";
	}

	public Long getId() {
		return id;
	}

	public String getUserId() {
		return userId;
	}

	public LocalDate getFrom() {
		return from;
	}

	public LocalDate getTo() {
		return to;
	}

	public String getReason() {
		return reason;
	}

	public String getStandIn() {
		return standIn;
	}

	public String getRecordedBy() {
		return recordedBy;
	}

	public Instant getRecordedAt() {
		return recordedAt;
	}

	public Instant getAppliedAt() {
		return appliedAt;
	}

	public Instant getEndedAt() {
		return endedAt;
	}

	public String getEndedBy() {
		return endedBy;
	}
}
