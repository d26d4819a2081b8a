package org.zhengpaopao.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogProposalRepository extends JpaRepository<CatalogProposal, Long> {

	Optional<CatalogProposal> findByNumber(String number);

	long countByNumberStartingWith(String prefix);

	List<CatalogProposal> findByProposerOrderByProposedAtDesc(String proposer);

	List<CatalogProposal> findAllByOrderByProposedAtDesc();
}
