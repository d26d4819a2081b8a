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

	/** 代跑时限: the working days a runner gets to fetch it, whenever a case needs it fetched. */
	@Column(name = "fetch_working_days", nullable = false)
	private int fetchWorkingDays;

	protected Certificate() {
	}

	Certificate(String code, String name, String issuingDepartmentCode, IssuingLevel issuingLevel, String legalBasis,
			int fetchWorkingDays) {
		if (fetchWorkingDays < 1) {
			throw new IllegalArgumentException("A certificate needs at least one working day to fetch: " + code);
		}
		this.code = code;
		this.name = name;
		this.issuingDepartmentCode = issuingDepartmentCode;
		this.issuingLevel = issuingLevel;
		this.legalBasis = legalBasis;
		this.fetchWorkingDays = fetchWorkingDays;
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

	public int getFetchWorkingDays() {
		return fetchWorkingDays;
	}
}
