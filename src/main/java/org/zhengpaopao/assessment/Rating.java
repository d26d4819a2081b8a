package org.zhengpaopao.assessment;

import java.time.Instant;

import org.zhengpaopao.applicant.ApplicantType;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * The invitation to rate one finished case or proxy-run, the rating when it comes, and what became of it: one per
 * case, at most one reminder, at most one follow-up rating after a rectification.
 */
@Entity
@Table(name = "zpp_rating")
public class Rating {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(name = "case_no", nullable = false, unique = true, length = 32)
	private String caseNo;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private RatedService service;

	@Enumerated(EnumType.STRING)
	@Column(name = "applicant_type", nullable = false, length = 16)
	private ApplicantType applicantType;

	/** the person's, or the company contact's */
	@Column(nullable = false, length = 11)
	private String phone;

	@Column(name = "township_code", nullable = false, length = 64)
	private String townshipCode;

	@Column(name = "responsible_group", nullable = false, length = 64)
	private String responsibleGroup;

	@Column(name = "invited_at", nullable = false)
	private Instant invitedAt;

	@Column(name = "reminded_at")
	private Instant remindedAt;

	@Enumerated(EnumType.STRING)
	@Column(length = 24)
	private RatingLevel level;

	@Column(length = 500)
	private String comment;

	@Column(name = "rated_at")
	private Instant ratedAt;

	@Column(name = "call_back_due")
	private Instant callBackDue;

	@Column(name = "called_back_at")
	private Instant calledBackAt;

	@Column(name = "rectification_due")
	private Instant rectificationDue;

	@Column(name = "rectified_at")
	private Instant rectifiedAt;

	@Column(name = "rectification_report", length = 1000)
	private String rectificationReport;

	@Column(name = "appeal_reason", length = 500)
	private String appealReason;

	/** an appeal against a malicious rating was upheld: the rating counts in no rate */
	@Column(nullable = false)
	private boolean excluded;

	@Enumerated(EnumType.STRING)
	@Column(name = "follow_up_level", length = 24)
	private RatingLevel followUpLevel;

	@Column(name = "follow_up_comment", length = 500)
	private String followUpComment;

	@Column(name = "follow_up_at")
	private Instant followUpAt;

	protected Rating() {
	}

	Rating(String caseNo, RatedService service, ApplicantType applicantType, String phone, String townshipCode,
			String responsibleGroup, Instant invitedAt) {
		this.caseNo = caseNo;
		this.service = service;
		this.applicantType = applicantType;
		this.phone = phone;
		this.townshipCode = townshipCode;
		this.responsibleGroup = responsibleGroup;
		this.invitedAt = invitedAt;
	}

	boolean isRated() {
		return level != null;
	}

	/** @return whether a reminder is due now: unrated, never reminded, invited long enough ago */
	boolean needsReminder(Instant remindBefore) {
		return !isRated() && remindedAt == null && invitedAt.isBefore(remindBefore);
	}

	void reminded(Instant now) {
		remindedAt = now;
	}

	void rate(RatingLevel level, String comment, Instant now) {
		if (isRated()) {
			throw new IllegalStateException(caseNo + " is already rated");
		}
		this.level = level;
		this.comment = comment;
		this.ratedAt = now;
	}

	void rectificationStarted(Instant callBackDue, Instant rectificationDue) {
		requireBad();
		this.callBackDue = callBackDue;
		this.rectificationDue = rectificationDue;
	}

	void calledBack(Instant now) {
		requireBad();
		calledBackAt = now;
	}

	void appeal(String reason) {
		requireBad();
		appealReason = reason;
	}

	void appealUpheld() {
		if (appealReason == null) {
			throw new IllegalStateException(caseNo + " has no appeal");
		}
		excluded = true;
	}

	void rectified(String report, Instant now) {
		requireBad();
		if (rectifiedAt != null) {
			throw new IllegalStateException(caseNo + " is already rectified");
		}
		rectificationReport = report;
		rectifiedAt = now;
	}

	boolean mayFollowUp() {
		return rectifiedAt != null && followUpLevel == null;
	}

	void followUp(RatingLevel level, String comment, Instant now) {
		if (!mayFollowUp()) {
			throw new IllegalStateException(caseNo + " takes no follow-up rating now");
		}
		followUpLevel = level;
		followUpComment = comment;
		followUpAt = now;
	}

	private void requireBad() {
		if (level == null || !level.isBad()) {
			throw new IllegalStateException(caseNo + " has no bad rating");
		}
	}

	RatingFacts facts() {
		Boolean onTime = level != null && level.isBad() && !excluded
				? rectifiedAt != null && !rectifiedAt.isAfter(rectificationDue)
				: null;
		return new RatingFacts(caseNo, service, applicantType, level, ratedAt, townshipCode, responsibleGroup,
				excluded, onTime, followUpLevel);
	}

	public String getCaseNo() {
		return caseNo;
	}

	public RatedService getService() {
		return service;
	}

	String getPhone() {
		return phone;
	}

	public String getResponsibleGroup() {
		return responsibleGroup;
	}

	public RatingLevel getLevel() {
		return level;
	}

	public String getComment() {
		return comment;
	}

	public Instant getInvitedAt() {
		return invitedAt;
	}

	public Instant getRemindedAt() {
		return remindedAt;
	}

	public Instant getRatedAt() {
		return ratedAt;
	}

	public Instant getCallBackDue() {
		return callBackDue;
	}

	public Instant getCalledBackAt() {
		return calledBackAt;
	}

	public Instant getRectificationDue() {
		return rectificationDue;
	}

	public Instant getRectifiedAt() {
		return rectifiedAt;
	}

	public String getRectificationReport() {
		return rectificationReport;
	}

	public String getAppealReason() {
		return appealReason;
	}

	public boolean isExcluded() {
		return excluded;
	}

	public RatingLevel getFollowUpLevel() {
		return followUpLevel;
	}
}
