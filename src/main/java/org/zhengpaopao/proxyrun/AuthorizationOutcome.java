package org.zhengpaopao.proxyrun;

/** What an applicant's attempt to confirm the authorization online came to. */
public enum AuthorizationOutcome {
	CONFIRMED, WRONG_CODE, LOCKED, NOT_PENDING
}
