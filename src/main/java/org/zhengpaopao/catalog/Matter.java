package org.zhengpaopao.catalog;

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

	protected Matter() {
	}

	Matter(String code, String name, MatterCategory category, String usingDepartmentCode) {
		this.code = code;
		this.name = name;
		this.category = category;
		this.usingDepartmentCode = usingDepartmentCode;
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
}
