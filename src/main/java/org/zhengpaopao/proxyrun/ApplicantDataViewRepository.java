package org.zhengpaopao.proxyrun;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface ApplicantDataViewRepository extends JpaRepository<ApplicantDataView, Long> {

	List<ApplicantDataView> findByCaseNoOrderByViewedAtAsc(String caseNo);
}
