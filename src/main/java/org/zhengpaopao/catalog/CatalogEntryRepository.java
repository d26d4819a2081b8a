package org.zhengpaopao.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface CatalogEntryRepository extends org.springframework.data.jpa.repository.JpaRepository<CatalogEntry, Long> {

	/** The latest version of every entry of a matter, retired ones included. */
	List<CatalogEntry> findByMatterCodeAndSupersededAtIsNullOrderByCertificateCode(String matterCode);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	Optional<CatalogEntry> findByMatterCodeAndCertificateCodeAndSupersededAtIsNull(String matterCode,
			String certificateCode);

	List<CatalogEntry> findByMatterCodeAndCertificateCodeOrderByVersion(String matterCode, String certificateCode);

	List<CatalogEntry> findBySupersededAtIsNullAndRetiredFalse();

	boolean existsByCertificateCodeAndDispositionAndSupersededAtIsNullAndRetiredFalse(String certificateCode,
			Disposition disposition);

	boolean existsByBatch(Integer batch);

	/** The versions published at {@code at}: taken on before it, not yet superseded then, not a retirement. */
	@Query("select e from CatalogEntry e where e.changedAt < :at and (e.supersededAt is null or e.supersededAt >= :at) "
			+ "and e.retired = false")
	List<CatalogEntry> publishedAt(@org.springframework.data.repository.query.Param("at") java.time.Instant at);

	boolean existsByMatterCodeAndCertificateCode(String matterCode, String certificateCode);

	@Query("select e.batch as batch, e.disposition as disposition, count(e) as entries from CatalogEntry e "
			+ "where e.supersededAt is null and e.retired = false group by e.batch, e.disposition")
	List<Tally> tallies();

	interface Tally {
		Integer getBatch();

		Disposition getDisposition();

		long getEntries();
	}
}
