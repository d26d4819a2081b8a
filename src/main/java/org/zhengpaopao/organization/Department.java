package org.zhengpaopao.organization;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "zpp_department")
public class Department {

	@Id
	@Column(length = 64)
	private String code;

	@Column(nullable = false, length = 128)
	private String name;

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 32)
	private DepartmentKind kind;

	/** The department runs its own liaison runner group (部门条块群). */
	@Column(name = "has_liaison", nullable = false)
	private boolean hasLiaison;

	/** The department receives applications at a window and uses certificates. */
	@Column(name = "has_window", nullable = false)
	private boolean hasWindow;

	protected Department() {
	}

	Department(String code, String name, DepartmentKind kind, boolean hasLiaison, boolean hasWindow) {
		this.code = code;
		this.name = name;
		this.kind = kind;
		this.hasLiaison = hasLiaison;
		this.hasWindow = hasWindow;
	}

	public String getCode() {
		return code;
	}

	public String getName() {
		return name;
	}

	public DepartmentKind getKind() {
		return kind;
	}

	public boolean hasLiaison() {
		return hasLiaison;
	}

	public boolean hasWindow() {
		return hasWindow;
	}
}
