package org.zhengpaopao.personaldata;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface PersonalDataViewRepository extends JpaRepository<PersonalDataView, Long> {

	List<PersonalDataView> findByCaseNoOrderByViewedAtAscIdAsc(String caseNo);
}
