package org.zhengpaopao.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A {@link CatalogChange} as a proposal keeps it, column by column. */
@Embeddable
class ProposedChange {

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private CatalogChange.Kind kind;

	@Column(name = "matter_code", nullable = false, length = 32)
	private String matterCode;

	@Column(name = "certificate_code", length = 32)
	private String certificateCode;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Disposition disposition;

	@Enumerated(EnumType.STRING)
	@Column(length = 16)
	private Replacement replacement;

	@Column(length = EntryTerms.MAX_DETAIL)
	private String detail;

	@Column(name = "deadline_working_days")
	private Integer deadlineWorkingDays;

	@Column(name = "legal_basis", length = EntryTerms.MAX_LEGAL_BASIS)
	private String legalBasis;

	private Boolean online;

	@Column(name = "zero_trip")
	private Boolean zeroTrip;

	protected ProposedChange() {
	}

	ProposedChange(CatalogChange change) {
		this.kind = change.kind();
		// as checked: the codes without the spaces around them
		this.matterCode = change.matterCode().strip();
		this.certificateCode = change.certificateCode() == null ? null : change.certificateCode().strip();
		EntryTerms terms = change.terms();
		if (terms != null) {
			this.disposition = terms.disposition();
			this.replacement = terms.replacement();
			this.detail = terms.detail();
			this.deadlineWorkingDays = terms.deadlineWorkingDays();
			this.legalBasis = terms.legalBasis();
		}
		this.online = change.online();
		this.zeroTrip = change.zeroTrip();
	}

	CatalogChange toChange() {
		EntryTerms terms = disposition == null ? null
				: new EntryTerms(disposition, replacement, detail, deadlineWorkingDays, legalBasis);
		return new CatalogChange(kind, matterCode, certificateCode, terms, online, zeroTrip);
	}
}
