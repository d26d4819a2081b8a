package org.zhengpaopao.catalog;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;

/**
 * One version of a catalog entry (matter × certificate). Versions are never changed: a change closes the version
 * in force and adds the next one, so that a case keeps pointing at the version it was taken under.
 */
@Entity
@Table(name = "zpp_catalog_entry",
		uniqueConstraints = @UniqueConstraint(name = "uk_catalog_entry_version",
				columnNames = { "matter_code", "certificate_code", "version" }),
		indexes = @Index(name = "ix_catalog_entry_matter", columnList = "matter_code, superseded_at"))
public class CatalogEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "matter_code", nullable = false, length = 32)
	private String matterCode;

	@Column(name = "certificate_code", nullable = false, length = 32)
	private String certificateCode;

	@Column(nullable = false)
	private int version;

	/** The published list ({@link CatalogBatch}): 0 = 2017, 1 and 2 = 2018; null for later adjustments. */
	private Integer batch;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Disposition disposition;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Replacement replacement;

	@Column(nullable = false, length = EntryTerms.MAX_DETAIL)
	private String detail;

	@Column(name = "deadline_working_days")
	private Integer deadlineWorkingDays;

	@Column(name = "legal_basis", length = EntryTerms.MAX_LEGAL_BASIS)
	private String legalBasis;

	/** The entry was taken off the list with this version. */
	@Column(nullable = false)
	private boolean retired;

	@Column(name = "changed_by", nullable = false, length = 64)
	private String changedBy;

	@Column(name = "changed_at", nullable = false)
	private Instant changedAt;

	@Column(name = "change_reason", nullable = false, length = 512)
	private String changeReason;

	/** When the next version took over; null while this one is the latest. */
	@Column(name = "superseded_at")
	private Instant supersededAt;

	protected CatalogEntry() {
	}

	private CatalogEntry(String matterCode, String certificateCode, int version, Integer batch, EntryTerms terms,
			boolean retired, String changedBy, Instant changedAt, String changeReason) {
		this.matterCode = matterCode;
		this.certificateCode = certificateCode;
		this.version = version;
		this.batch = batch;
		this.disposition = terms.disposition();
		this.replacement = terms.replacement();
		this.detail = terms.detail();
		this.deadlineWorkingDays = terms.deadlineWorkingDays();
		this.legalBasis = terms.legalBasis();
		this.retired = retired;
		this.changedBy = changedBy;
		this.changedAt = changedAt;
		this.changeReason = changeReason;
	}

	static CatalogEntry first(String matterCode, String certificateCode, Integer batch, EntryTerms terms,
			String changedBy, Instant changedAt, String reason) {
		return new CatalogEntry(matterCode, certificateCode, 1, batch, terms, false, changedBy, changedAt, reason);
	}

	/** Closes this version and returns the next one with the new terms. */
	CatalogEntry change(EntryTerms terms, String changedBy, Instant changedAt, String reason) {
		supersede(changedAt);
		return new CatalogEntry(matterCode, certificateCode, version + 1, batch, terms, false, changedBy, changedAt,
				reason);
	}

	/** Closes this version and returns the one that records the retirement. */
	CatalogEntry retire(String changedBy, Instant changedAt, String reason) {
		supersede(changedAt);
		return new CatalogEntry(matterCode, certificateCode, version + 1, batch, terms(), true, changedBy, changedAt,
				reason);
	}

	private void supersede(Instant at) {
		if (supersededAt != null) {
			throw new IllegalStateException("version " + version + " of " + matterCode + "/" + certificateCode
					+ " is already superseded");
		}
		supersededAt = at;
	}

	public EntryTerms terms() {
		return new EntryTerms(disposition, replacement, detail, deadlineWorkingDays, legalBasis);
	}

	public boolean isInForce() {
		return supersededAt == null && !retired;
	}

	public Long getId() {
		return id;
	}

	public String getMatterCode() {
		return matterCode;
	}

	public String getCertificateCode() {
		return certificateCode;
	}

	public int getVersion() {
		return version;
	}

	public Integer getBatch() {
		return batch;
	}

	public Disposition getDisposition() {
		return disposition;
	}

	public Replacement getReplacement() {
		return replacement;
	}

	public String getDetail() {
		return detail;
	}

	public Integer getDeadlineWorkingDays() {
		return deadlineWorkingDays;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public boolean isRetired() {
		return retired;
	}

	public String getChangedBy() {
		return changedBy;
	}

	public Instant getChangedAt() {
		return changedAt;
	}

	public String getChangeReason() {
		return changeReason;
	}

	public Instant getSupersededAt() {
		return supersededAt;
	}
}
