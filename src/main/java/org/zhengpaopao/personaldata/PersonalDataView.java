package org.zhengpaopao.personaldata;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A record that a member of staff saw an applicant's full numbers. Written once, never changed. */
@Entity
@Table(name = "zpp_personal_data_view")
public class PersonalDataView {

	/** What the view showed in full. */
	public enum Shown {
		ID_NUMBER_AND_PHONE, PHONE
	}

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	@Column(name = "case_no", nullable = false, length = 32)
	private String caseNo;

	@Column(name = "viewer", nullable = false, length = 64)
	private String viewer;

	@Column(name = "viewed_at", nullable = false)
	private Instant viewedAt;

	@Enumerated(EnumType.STRING)
	@Column(name = "shown", nullable = false)
	private Shown shown;

	protected PersonalDataView() {
	}

	PersonalDataView(String caseNo, String viewer, Instant viewedAt, Shown shown) {
		this.caseNo = caseNo;
		this.viewer = viewer;
		this.viewedAt = viewedAt;
		this.shown = shown;
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

	public Shown getShown() {
		return shown;
	}
}
