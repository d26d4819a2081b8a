package org.zhengpaopao.catalog;

/**
 * One change a proposal makes to the published catalog: an entry added, changed or retired, or a matter's
 * capabilities (可网办, 零跑腿) set. Nothing applies until the review publishes it ({@link CatalogReview}).
 *
 * @param terms    for {@link Kind#ADD_ENTRY} and {@link Kind#CHANGE_ENTRY}; null otherwise
 * @param online   for {@link Kind#SET_CAPABILITIES}; null otherwise
 * @param zeroTrip for {@link Kind#SET_CAPABILITIES}; null otherwise
 */
public record CatalogChange(Kind kind, String matterCode, String certificateCode, EntryTerms terms, Boolean online,
		Boolean zeroTrip) {

	public enum Kind {
		ADD_ENTRY, CHANGE_ENTRY, RETIRE_ENTRY, SET_CAPABILITIES
	}

	public static CatalogChange add(String matterCode, String certificateCode, EntryTerms terms) {
		return new CatalogChange(Kind.ADD_ENTRY, matterCode, certificateCode, terms, null, null);
	}

	public static CatalogChange change(String matterCode, String certificateCode, EntryTerms terms) {
		return new CatalogChange(Kind.CHANGE_ENTRY, matterCode, certificateCode, terms, null, null);
	}

	public static CatalogChange retire(String matterCode, String certificateCode) {
		return new CatalogChange(Kind.RETIRE_ENTRY, matterCode, certificateCode, null, null, null);
	}

	public static CatalogChange capabilities(String matterCode, boolean online, boolean zeroTrip) {
		return new CatalogChange(Kind.SET_CAPABILITIES, matterCode, null, null, online, zeroTrip);
	}

	/** A certificate cancelled or replaced needs the county's legal review (县司法局) before it is public. */
	public boolean needsLegalReview() {
		return terms != null && (terms.disposition() == Disposition.CANCELLED || terms.disposition() == Disposition.REPLACED);
	}
}
