package org.zhengpaopao.demandreport;

import java.time.Instant;
import java.time.LocalDate;

import org.zhengpaopao.catalog.Disposition;

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
 * One citizen's report that a department demanded a certificate the catalog no longer requires, and the
 * supervision case it starts: submitted → finding recorded (confirmed or not) → rectification recorded (only when
 * confirmed) → replied. The contact (name, phone) and the reporter's own words are for the reform office only;
 * the public tracking page shows the rest.
 * <p>
 * A repeat of an earlier report (the same demand told again) is a row of its own that names the earlier report
 * ({@link #getDuplicateOf()}): it has a tracking number like any report, but no case, no deadline and no finding,
 * and stays submitted. See docs/adr/0003-public-identifiers.md.
 */
@Entity
@Table(name = "zpp_demand_report")
public class DemandReport {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Version
	private long version;

	@Column(name = "tracking_number", nullable = false, unique = true, length = 32)
	private String trackingNumber;

	@Column(name = "department_code", nullable = false, length = 64)
	private String departmentCode;

	@Column(name = "matter_code", nullable = false, length = 32)
	private String matterCode;

	@Column(name = "certificate_code", nullable = false, length = 32)
	private String certificateCode;

	/** what the catalog said of the certificate when the report came in */
	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Disposition disposition;

	@Column(name = "demanded_on", nullable = false)
	private LocalDate demandedOn;

	@Column(name = "contact_name", length = 50)
	private String contactName;

	@Column(name = "contact_phone", nullable = false, length = 11)
	private String contactPhone;

	@Column(length = 500)
	private String details;

	@Column(name = "submitted_at", nullable = false)
	private Instant submittedAt;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private DemandReportStatus status;

	/** {@code null} for a repeat, which is not verified on its own */
	@Column(name = "verification_due")
	private Instant verificationDue;

	/** the tracking number of the earlier report this one repeats, {@code null} for a report with its own case */
	@Column(name = "duplicate_of", length = 32)
	private String duplicateOf;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Finding finding;

	@Column(name = "finding_note", length = 1000)
	private String findingNote;

	@Column(name = "found_at")
	private Instant foundAt;

	@Column(name = "found_by", length = 64)
	private String foundBy;

	@Column(name = "rectification_due")
	private Instant rectificationDue;

	@Column(length = 1000)
	private String rectification;

	@Column(name = "rectified_at")
	private Instant rectifiedAt;

	@Column(name = "rectified_by", length = 64)
	private String rectifiedBy;

	@Column(name = "reply_due")
	private Instant replyDue;

	@Column(length = 1000)
	private String reply;

	@Column(name = "replied_at")
	private Instant repliedAt;

	@Column(name = "replied_by", length = 64)
	private String repliedBy;

	protected DemandReport() {
	}

	/**
	 * @param verificationDue the deadline of the verification; {@code null} with {@code duplicateOf}
	 * @param duplicateOf     the earlier report of the same demand, or {@code null} for a report with a case
	 */
	DemandReport(String trackingNumber, String departmentCode, String matterCode, String certificateCode,
			Disposition disposition, LocalDate demandedOn, String contactName, String contactPhone, String details,
			Instant submittedAt, Instant verificationDue, DemandReport duplicateOf) {
		if (disposition == Disposition.PROXY) {
			throw new IllegalArgumentException("a proxy-run certificate may be asked for: " + certificateCode);
		}
		if ((verificationDue == null) == (duplicateOf == null) || duplicateOf != null && duplicateOf.isDuplicate()) {
			throw new IllegalArgumentException("a report has a verification deadline, a repeat names a first report");
		}
		this.duplicateOf = duplicateOf == null ? null : duplicateOf.getTrackingNumber();
		this.trackingNumber = trackingNumber;
		this.departmentCode = departmentCode;
		this.matterCode = matterCode;
		this.certificateCode = certificateCode;
		this.disposition = disposition;
		this.demandedOn = demandedOn;
		this.contactName = contactName;
		this.contactPhone = contactPhone;
		this.details = details;
		this.submittedAt = submittedAt;
		this.verificationDue = verificationDue;
		this.status = DemandReportStatus.SUBMITTED;
	}

	void recordFinding(Finding finding, String note, String actor, Instant now, Instant nextDue) {
		require(DemandReportStatus.SUBMITTED, "record a finding");
		this.finding = finding;
		this.findingNote = note;
		this.foundAt = now;
		this.foundBy = actor;
		if (finding == Finding.CONFIRMED) {
			status = DemandReportStatus.CONFIRMED;
			rectificationDue = nextDue;
		}
		else {
			status = DemandReportStatus.NOT_CONFIRMED;
			replyDue = nextDue;
		}
	}

	void recordRectification(String rectification, String actor, Instant now, Instant replyDue) {
		require(DemandReportStatus.CONFIRMED, "record a rectification");
		this.rectification = rectification;
		this.rectifiedAt = now;
		this.rectifiedBy = actor;
		this.replyDue = replyDue;
		status = DemandReportStatus.RECTIFIED;
	}

	void reply(String reply, String actor, Instant now) {
		if (status != DemandReportStatus.RECTIFIED && status != DemandReportStatus.NOT_CONFIRMED) {
			throw new IllegalStateException(trackingNumber + " cannot be answered while " + status);
		}
		this.reply = reply;
		this.repliedAt = now;
		this.repliedBy = actor;
		status = DemandReportStatus.REPLIED;
	}

	/** A repeat of an earlier report: no case of its own. */
	public boolean isDuplicate() {
		return duplicateOf != null;
	}

	private void require(DemandReportStatus expected, String action) {
		if (status != expected) {
			throw new IllegalStateException("cannot " + action + " on " + trackingNumber + " while " + status);
		}
	}

	/** The due date of the step now open, or {@code null} once answered or for a repeat, which has no steps. */
	public Instant currentDue() {
		if (isDuplicate()) {
			return null;
		}
		return switch (status) {
			case SUBMITTED -> verificationDue;
			case CONFIRMED -> rectificationDue;
			case RECTIFIED, NOT_CONFIRMED -> replyDue;
			case REPLIED -> null;
		};
	}

	public String getTrackingNumber() {
		return trackingNumber;
	}

	public String getDepartmentCode() {
		return departmentCode;
	}

	public String getMatterCode() {
		return matterCode;
	}

	public String getCertificateCode() {
		return certificateCode;
	}

	public Disposition getDisposition() {
		return disposition;
	}

	public LocalDate getDemandedOn() {
		return demandedOn;
	}

	/** For the reform office only; never on a public page or in a process variable. */
	String getContactName() {
		return contactName;
	}

	/** For the reform office only, masked; never on a public page or in a process variable. */
	String getContactPhone() {
		return contactPhone;
	}

	String getDetails() {
		return details;
	}

	public Instant getSubmittedAt() {
		return submittedAt;
	}

	/** The tracking number of the earlier report this one repeats, or {@code null}. */
	public String getDuplicateOf() {
		return duplicateOf;
	}

	public DemandReportStatus getStatus() {
		return status;
	}

	public Instant getVerificationDue() {
		return verificationDue;
	}

	public Finding getFinding() {
		return finding;
	}

	public String getFindingNote() {
		return findingNote;
	}

	public Instant getFoundAt() {
		return foundAt;
	}

	public String getFoundBy() {
		return foundBy;
	}

	public Instant getRectificationDue() {
		return rectificationDue;
	}

	public String getRectification() {
		return rectification;
	}

	public Instant getRectifiedAt() {
		return rectifiedAt;
	}

	public String getRectifiedBy() {
		return rectifiedBy;
	}

	public Instant getReplyDue() {
		return replyDue;
	}

	public String getReply() {
		return reply;
	}

	public Instant getRepliedAt() {
		return repliedAt;
	}

	public String getRepliedBy() {
		return repliedBy;
	}
}
