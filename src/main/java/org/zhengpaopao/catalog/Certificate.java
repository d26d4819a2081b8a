package org.zhengpaopao.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "zpp_certificate")
public class Certificate {

	@Id
	@Column(length = 32)
	private String code;

	@Column(nullable = false, length = 128)
	private String name;

	@Column(name = "issuing_department_code", nullable = false, length = 64)
	private String issuingDepartmentCode;

	@Enumerated(EnumType.STRING)
	@Column(name = "issuing_level", nullable = false, length = 16)
	private IssuingLevel issuingLevel;

	/** 设定依据 */
	@Column(name = "legal_basis", length = 512)
	private String legalBasis;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private Disposition disposition;

	/** Why cancelled, which data source, what replaces it, or how it is fetched. */
	@Column(name = "disposition_note", length = 512)
	private String dispositionNote;

	/** Only for {@link Disposition#PROXY}: the proxy-run deadline. */
	@Column(name = "deadline_working_days")
	private Integer deadlineWorkingDays;

	@Column(nullable = false)
	private int batch;

	protected Certificate() {
	}

	Certificate(String code, String name, String issuingDepartmentCode, IssuingLevel issuingLevel, String legalBasis,
			Disposition disposition, String dispositionNote, Integer deadlineWorkingDays, int batch) {
		if (disposition == Disposition.PROXY && (deadlineWorkingDays == null || deadlineWorkingDays < 1)) {
			throw new IllegalArgumentException("A proxy-run certificate needs a deadline in working days: " + code);
		}
		this.code = code;
		this.name = name;
		this.issuingDepartmentCode = issuingDepartmentCode;
		this.issuingLevel = issuingLevel;
		this.legalBasis = legalBasis;
		this.disposition = disposition;
		this.dispositionNote = dispositionNote;
		this.deadlineWorkingDays = deadlineWorkingDays;
		this.batch = batch;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public String getIssuingDepartmentCode() {
		return issuingDepartmentCode;
	}

	public IssuingLevel getIssuingLevel() {
		return issuingLevel;
	}

	public String getLegalBasis() {
		return legalBasis;
	}

	public Disposition getDisposition() {
		return disposition;
	}

	public String getDispositionNote() {
		return dispositionNote;
	}

	public Integer getDeadlineWorkingDays() {
		return deadlineWorkingDays;
	}

	public int getBatch() {
		return batch;
	}

	public boolean isProxyRun() {
		return disposition == Disposition.PROXY;
	}
}
