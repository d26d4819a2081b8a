package org.zhengpaopao.organization;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

interface DivisionRepository extends JpaRepository<Division, String> {

	List<Division> findByTypeNotOrderByCode(DivisionType type);

	List<Division> findByParentCodeOrderByCode(String parentCode);

	List<Division> findByTypeOrderByCode(DivisionType type);
}
