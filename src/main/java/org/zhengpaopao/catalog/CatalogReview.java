package org.zhengpaopao.catalog;

import java.util.List;

/**
 * The county's review of catalog changes (docs/catalog-review.md): a department's catalog liaison proposes, the reform
 * office (跑改办) reviews, a cancellation or replacement passes legal review (县司法局), and only then are the changes
 * published as catalog versions. Only published versions apply to new cases.
 */
public interface CatalogReview {

	/**
	 * Starts the review of {@code changes}, checked as a whole first (an unknown matter or certificate, an entry added
	 * twice, …, is refused naming it); nothing in the catalog changes until the review publishes them.
	 *
	 * @param reason   why, e.g. 「导入 清单2026.xlsx」 or the liaison's own words; every published version carries it
	 * @return the proposal's number, e.g. {@code TZ20261207-000001}
	 */
	String propose(List<CatalogChange> changes, String reason, String proposer);
}
