package org.zhengpaopao.catalog.workbook;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

import jakarta.persistence.LockModeType;

interface CatalogImportRepository extends JpaRepository<CatalogImport, Long> {

	/** The import, locked: two confirmations of one import never both pass. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select i from CatalogImport i where i.id = ?1")
	Optional<CatalogImport> findForDecision(Long id);
}
