package org.zhengpaopao.application;

import java.time.Instant;

import org.zhengpaopao.applicant.Applicant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;

/** A credit flag (失信记录) of a person or a company: a written commitment the post-verification found false. */
@Entity
@Table(name = "zpp_false_commitment", indexes = {
		@Index(name = "ix_false_commitment_id_number", columnList = "id_number"),
		@Index(name = "ix_false_commitment_credit_code", columnList = "credit_code") })
class FalseCommitment {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	/** the person who committed; null for a company */
	@Column(name = "id_number", length = 18)
	private String idNumber;

	/** the company that committed; null for a person */
	@Column(name = "credit_code", length = 18)
	private String creditCode;

	@Column(name = "case_no", nullable = false, length = 32)
	private String caseNo;

	@Column(name = "certificate_code", nullable = false, length = 32)
	private String certificateCode;

	@Column(length = 1000)
	private String finding;

	@Column(name = "recorded_by", nullable = false, length = 64)
	private String recordedBy;

	@Column(name = "recorded_at", nullable = false)
	private Instant recordedAt;

	protected FalseCommitment() {
	}

	FalseCommitment(Applicant applicant, String caseNo, String certificateCode, String finding, String recordedBy,
			Instant recordedAt) {
		this.idNumber = applicant.idNumber();
		this.creditCode = applicant.creditCode();
		this.caseNo = caseNo;
		this.certificateCode = certificateCode;
		this.finding = finding;
		this.recordedBy = recordedBy;
		this.recordedAt = recordedAt;
	}
}
