package org.zhengpaopao.identity;

import java.util.Arrays;
import java.util.List;

import org.springframework.security.core.Authentication;

/** Group ids follow the organisation; every feature builds them here so the names cannot drift. */
public final class Groups {

	/** 县级代跑群 */
	public static final String COUNTY_RUNNERS = "runners-county";
	/** 工作专班 */
	public static final String TASK_FORCE = "task-force";
	/** 跑改办、督考办 */
	public static final String MANAGERS = "managers";
	public static final String DESIGNERS = "designers";
	/** 证明清单维护人员: propose catalog changes (add, change, retire entries), which the county reviews */
	public static final String CATALOG_MAINTAINERS = "catalog-maintainers";
	/** created by the Camunda starter for the admin user */
	public static final String ADMINS = "camunda-admin";

	// the prefixes of the per-unit groups: built and recognised only in this module
	static final String RUNNERS = "runners-";
	static final String LIAISON = "liaison-";
	static final String ISSUING_CLERKS = "dept-";
	static final String WINDOW = "window-";
	static final String VILLAGE_AGENTS = "agents-";

	private Groups() {
	}

	/** 乡镇联动群 of a township-level division. */
	public static String townshipRunners(String townshipCode) {
		return RUNNERS + townshipCode;
	}

	/** 部门条块群 of a department with its own liaison runners. */
	public static String departmentLiaison(String departmentCode) {
		return LIAISON + departmentCode;
	}

	/** Issuing clerks of a county department, a township government or a village committee (by its code). */
	public static String issuingClerks(String issuerCode) {
		return ISSUING_CLERKS + issuerCode;
	}

	/** 村代办员 of a village: they run their own village committee's certificates. */
	public static String villageAgents(String villageCode) {
		return VILLAGE_AGENTS + villageCode;
	}

	public static boolean isVillageAgents(String groupId) {
		return groupId.startsWith(VILLAGE_AGENTS);
	}

	public static String window(String departmentCode) {
		return WINDOW + departmentCode;
	}

	/**
	 * Groups whose members work tasks in Tasklist: runner groups (乡镇联动群, 县级代跑群, 部门条块群, 村代办员), issuing
	 * clerks and windows. Their members take leave through absence cover (请假代岗).
	 */
	public static boolean isWorkGroup(String groupId) {
		return isRunnerGroup(groupId) || isIssuingClerks(groupId) || isWindow(groupId);
	}

	/**
	 * Who runs: the county proxy group, a township linkage group, a department group (三群) or a village's agents,
	 * who run their own village's certificates like a runner group.
	 */
	public static boolean isRunnerGroup(String groupId) {
		return groupId.startsWith(RUNNERS) || groupId.startsWith(LIAISON) || isVillageAgents(groupId);
	}

	public static boolean isIssuingClerks(String groupId) {
		return groupId.startsWith(ISSUING_CLERKS);
	}

	public static boolean isWindow(String groupId) {
		return groupId.startsWith(WINDOW);
	}

	/** Who watches in Cockpit: 跑改办·督考办, 工作专班, and the designers who look at their models running. */
	public static final List<String> COCKPIT_USERS = List.of(MANAGERS, TASK_FORCE, DESIGNERS);

	/**
	 * Groups whose members have tasks, so Tasklist: the work groups, the task force, managers, the catalog
	 * maintainers (a refused catalog change comes back to its proposer) and village agents (their page shares
	 * Tasklist's login, and village certificates reach them there).
	 */
	public static boolean usesTasklist(String groupId) {
		return isWorkGroup(groupId) || groupId.equals(TASK_FORCE) || groupId.equals(MANAGERS)
				|| groupId.equals(CATALOG_MAINTAINERS) || isVillageAgents(groupId);
	}

	/** Whether the signed-in staff member belongs to one of the groups (both doors into {@code /api} say so). */
	public static boolean memberOfAny(Authentication staff, String... groupIds) {
		return staff != null && staff.getAuthorities()
			.stream()
			.anyMatch(authority -> Arrays.stream(groupIds)
				.anyMatch(group -> group != null && authority.getAuthority().equals("GROUP_" + group)));
	}
}
