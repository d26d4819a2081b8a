package org.zhengpaopao.coverage;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface CoverageGapRepository extends JpaRepository<CoverageGap, Long> {

	List<CoverageGap> findByClosedAtIsNullOrderByOpenedAt();
}
