package org.zhengpaopao.sharing;

/** The port to the provincial data platform. */
public interface DataSharing {

	/**
	 * @throws DataSharingUnavailableException when the platform cannot answer now; the caller retries later
	 */
	Verification verify(VerificationRequest request);

	/**
	 * @param source the data source or licence the catalog names, e.g. 省公共数据平台·户籍人口库
	 */
	record VerificationRequest(String idNumber, String certificateCode, String source) {
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
