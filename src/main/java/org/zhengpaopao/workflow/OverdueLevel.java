package org.zhengpaopao.workflow;

import java.util.LinkedHashSet;
import java.util.Set;

import org.zhengpaopao.identity.Groups;

/**
 * How late a watched step is, and who hears of it: the same for every process. The group that hears first (the
 * step's workers, or the office watching it) hears at every level; the task force joins at the red card, when the
 * step becomes theirs to chase; the managers at the second level, when it counts against the responsible unit.
 */
public enum OverdueLevel {
	/** 黄牌预警: one working day before the step's deadline */
	YELLOW("黄牌预警", "即将到期，请抓紧办理"),
	/** 红牌超期: the deadline has passed */
	RED("红牌超期", "已超过期限，已移交工作专班督办"),
	/** 二级督办: still open two working days after the deadline */
	LEVEL2("二级督办", "超期两个工作日仍未办结，已升级督办，纳入考核"),
	/** 三级督办: still open five working days after the deadline */
	LEVEL3("三级督办", "超期五个工作日仍未办结，已升级督办，纳入考核");

	private final String label;
	private final String consequence;

	OverdueLevel(String label, String consequence) {
		this.label = label;
		this.consequence = consequence;
	}

	public String label() {
		return label;
	}

	String consequence() {
		return consequence;
	}

	/** The groups that hear of a step this late, {@code firstToHear} first, each once. */
	Set<String> audience(String firstToHear) {
		Set<String> groups = new LinkedHashSet<>();
		groups.add(firstToHear);
		if (this != YELLOW) {
			groups.add(Groups.TASK_FORCE);
		}
		if (this == LEVEL2 || this == LEVEL3) {
			groups.add(Groups.MANAGERS);
		}
		return groups;
	}
}
