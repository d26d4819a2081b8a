package org.zhengpaopao.identity;

import java.util.Map;

/**
 * The demo profile's users: one per group, named after it ({@code runners-huzhen} has {@code runner-huzhen-1},
 * {@code dept-minzheng} has {@code clerk-minzheng-1}, {@code window-renshe} has {@code window-renshe-1},
 * {@code agents-huzhen-xinghuo} has {@code agent-huzhen-xinghuo-1}). The demo
 * history acts as them; the rule lives next to {@link Groups} so that nobody else parses group names.
 */
public final class DemoUserIds {

	private static final Map<String, String> FIXED = Map.of(Groups.TASK_FORCE, "taskforce-1", Groups.MANAGERS,
			"manager-1", Groups.DESIGNERS, "designer-1", Groups.CATALOG_MAINTAINERS, "catalog-1");

	private DemoUserIds() {
	}

	/** @throws IllegalArgumentException for a group the demo profile gives no user (the admins) */
	public static String of(String groupId) {
		String fixed = FIXED.get(groupId);
		if (fixed != null) {
			return fixed;
		}
		if (!Groups.isWorkGroup(groupId)) {
			throw new IllegalArgumentException("no demo user for group " + groupId);
		}
		if (groupId.startsWith(Groups.RUNNERS)) {
			return "runner-" + groupId.substring(Groups.RUNNERS.length()) + "-1";
		}
		if (Groups.isVillageAgents(groupId)) {
			return "agent-" + groupId.substring(Groups.VILLAGE_AGENTS.length()) + "-1";
		}
		if (Groups.isIssuingClerks(groupId)) {
			return "clerk-" + groupId.substring(Groups.ISSUING_CLERKS.length()) + "-1";
		}
		return groupId + "-1"; // liaison-<department>-1, window-<department>-1
	}
}
