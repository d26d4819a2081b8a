package org.zhengpaopao.proxyrun;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A record that a member of staff saw an applicant's full ID number and phone. Written once, never changed. */
@Entity
@Table(name = "zpp_applicant_data_view")
public class ApplicantDataView {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_no", nullable = false, length = 32)
	private String caseNo;

	@Column(name = "viewer", nullable = false, length = 64)
	private String viewer;

	@Column(name = "viewed_at", nullable = false)
	private Instant viewedAt;

	protected ApplicantDataView() {
	}

	ApplicantDataView(String caseNo, String viewer, Instant viewedAt) {
		this.caseNo = caseNo;
		this.viewer = viewer;
		this.viewedAt = viewedAt;
	}

	public String getCaseNo() {
		return caseNo;
	}

	public String getViewer() {
		return viewer;
	}

	public Instant getViewedAt() {
		return viewedAt;
	}
}
