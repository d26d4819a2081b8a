package org.zhengpaopao.sharing;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The port to the provincial data platform. */
public interface DataSharing {

	/**
	 * @throws DataSharingUnavailableException when the platform cannot answer now; the caller retries later
	 */
	Verification verify(VerificationRequest request);

	/**
	 * Who is asked about: a person by the ID number, a company by its credit code; the other is null and not sent,
	 * so that a person's request is what it was before companies could apply.
	 *
	 * @param source the data source or licence the catalog names, e.g. 省公共数据平台·户籍人口库
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record VerificationRequest(String idNumber, String creditCode, String certificateCode, String source) {

		/** A person's request. */
		public VerificationRequest(String idNumber, String certificateCode, String source) {
			this(idNumber, null, certificateCode, source);
		}

		/** The ID number or the credit code, whichever the applicant has. */
		public String applicantId() {
			return idNumber != null ? idNumber : creditCode;
		}
	}

	/** @param detail what the platform said, for the case's record */
	record Verification(Result result, String detail) {

		public boolean verified() {
			return result == Result.VERIFIED;
		}
	}

	enum Result {
		/** on record and valid */
		VERIFIED,
		/** no record for this applicant */
		NOT_FOUND,
		/** on record but not valid (expired, revoked, contradicts the application) */
		INVALID
	}
}
