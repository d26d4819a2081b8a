package org.zhengpaopao.organization;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.system.InvalidInputException;

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

	// a missing code is an unknown one: the caller names the field to correct

	public Optional<Division> township(String code) {
		return code == null ? Optional.empty() : divisions.findById(code).filter(Division::isTownship);
	}

	public Optional<Division> village(String code) {
		return code == null ? Optional.empty() : divisions.findById(code).filter(d -> !d.isTownship());
	}

	/**
	 * Where an applicant lives, as a window enters it: a known township and one of its villages.
	 *
	 * @throws org.zhengpaopao.system.InvalidInputException naming the field to correct
	 */
	public Residence residence(String townshipCode, String villageCode) {
		Division township = township(townshipCode).orElseThrow(
				() -> new InvalidInputException("townshipCode", "没有这个乡镇（街道）", "unknown township"));
		Division village = village(villageCode)
			.orElseThrow(() -> new InvalidInputException("villageCode", "没有这个村（社区）", "unknown village"));
		if (!township.getCode().equals(village.getParentCode())) {
			throw new InvalidInputException("villageCode", "该村（社区）不属于所选乡镇（街道）",
					"the village does not belong to that township");
		}
		return new Residence(township, village);
	}

	public record Residence(Division township, Division village) {
	}

	/** Every village (村, 社区) of the county, by code: each has its committee's clerks and its agents. */
	public List<Division> villages() {
		return townships().stream().flatMap(township -> villagesOf(township.getCode()).stream()).toList();
	}

	public List<Division> villagesOf(String townshipCode) {
		return divisions.findByParentCodeOrderByCode(townshipCode);
	}

	public List<Department> departments() {
		return departments.findAll(org.springframework.data.domain.Sort.by("code"));
	}

	public Optional<Department> department(String code) {
		return code == null ? Optional.empty() : departments.findById(code);
	}
}
