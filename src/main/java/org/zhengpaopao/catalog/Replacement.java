package org.zhengpaopao.catalog;

/** What replaces a {@link Disposition#REPLACED} certificate. */
public enum Replacement {
	/** 证照: a licence, checked through data sharing like a shared certificate */
	LICENCE,
	/** 告知承诺: the applicant's signed written commitment */
	COMMITMENT
}
