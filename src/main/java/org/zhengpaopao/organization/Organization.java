package org.zhengpaopao.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organisation feature's API: read-only views of divisions and departments.
 */
@Service
@Transactional(readOnly = true)
public class Organization {

	private final DivisionRepository divisions;
	private final DepartmentRepository departments;

	Organization(DivisionRepository divisions, DepartmentRepository departments) {
		this.divisions = divisions;
		this.departments = departments;
	}

	/** The 15 township-level divisions (subdistricts, towns, townships). */
	public List<Division> townships() {
		return divisions.findByTypeNotOrderByCode(DivisionType.VILLAGE);
	}

	public Optional<Division> township(String code) {
		return divisions.findById(code).filter(Division::isTownship);
	}

	public Optional<Division> village(String code) {
		return divisions.findById(code).filter(d -> !d.isTownship());
	}

	public List<Division> villagesOf(String townshipCode) {
		return divisions.findByParentCodeOrderByCode(townshipCode);
	}

	public List<Department> departments() {
		return departments.findAll(org.springframework.data.domain.Sort.by("code"));
	}

	public Optional<Department> department(String code) {
		return departments.findById(code);
	}
}
