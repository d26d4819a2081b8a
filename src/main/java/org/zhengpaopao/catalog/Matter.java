package org.zhengpaopao.catalog;

import org.zhengpaopao.system.InvalidInputException;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** 事项: a service applied for at a using department's window. */
@Entity
@Table(name = "zpp_matter")
public class Matter {

	@Id
	@Column(length = 32)
	private String code;

	@Column(nullable = false, length = 128)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private MatterCategory category;

	@Column(name = "using_department_code", nullable = false, length = 64)
	private String usingDepartmentCode;

	/** 可网办: can be applied for online (the provincial platform) */
	@Column(nullable = false)
	private boolean online;

	/** 零跑腿: can be done without any trip to a window */
	@Column(name = "zero_trip", nullable = false)
	private boolean zeroTrip;

	protected Matter() {
	}

	Matter(String code, String name, MatterCategory category, String usingDepartmentCode, boolean online,
			boolean zeroTrip) {
		this.code = code;
		this.name = name;
		this.category = category;
		this.usingDepartmentCode = usingDepartmentCode;
		changeCapabilities(online, zeroTrip);
	}

	/** What the matter can be done as; no trip at all implies online. */
	void changeCapabilities(boolean online, boolean zeroTrip) {
		if (zeroTrip && !online) {
			throw new InvalidInputException("zeroTrip", "「零跑腿」的事项必须「可网办」", "a zero-trip matter must be online");
		}
		this.online = online;
		this.zeroTrip = zeroTrip;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public MatterCategory getCategory() {
		return category;
	}

	public String getUsingDepartmentCode() {
		return usingDepartmentCode;
	}

	public boolean isOnline() {
		return online;
	}

	public boolean isZeroTrip() {
		return zeroTrip;
	}
}
