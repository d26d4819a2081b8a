package org.zhengpaopao.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A township-level division (街道, 镇, 乡 — "township" in the code) or a village under one.
 */
@Entity
@Table(name = "zpp_division")
public class Division {

	@Id
	@Column(length = 64)
	private String code;

	@Column(nullable = false, length = 64)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 16)
	private DivisionType type;

	@Column(name = "parent_code", length = 64)
	private String parentCode;

	protected Division() {
	}

	Division(String code, String name, DivisionType type, String parentCode) {
		this.code = code;
		this.name = name;
		this.type = type;
		this.parentCode = parentCode;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public DivisionType getType() {
		return type;
	}

	public String getParentCode() {
		return parentCode;
	}

	public boolean isTownship() {
		return type.isTownshipLevel();
	}

	/**
	 * A village's committee, which issues its certificates: 社区 → 居民委员会, 村 → 村民委员会 (下库村 → 下库村民委员会, the
	 * 村 read twice).
	 */
	public String committeeName() {
		return name + (name.endsWith("社区") ? "居民委员会" : "民委员会");
	}
}
