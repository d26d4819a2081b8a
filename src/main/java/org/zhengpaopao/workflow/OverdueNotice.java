package org.zhengpaopao.workflow;

import java.time.LocalDate;

import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.StaffMessage;

/**
 * The one way an overdue step is announced, whatever the process: the title is the level and the reference, the text
 * names the step, its responsible unit, its deadline, what the level means and, if somebody holds the task, who.
 * The group that works the step gets a link to the late task in Tasklist, the watchers to the case in Cockpit; at the yellow and red card the
 * holder also gets the notice in person (a DingTalk work notice, when they have one).
 *
 * @param level       how late
 * @param what        what is late, e.g. 代跑办件 {caseNo}
 * @param reference   the case or tracking number, in the title and the delivery log
 * @param step        the late step's name, or {@code null} when the whole case is late
 * @param responsible the unit that owes the step, or {@code null}
 * @param deadline    the step's deadline, or {@code null} when it has none
 * @param holder      the user who holds the open task, or {@code null}
 * @param taskLink    the late task in Tasklist, or {@code null}
 * @param caseLink    the case in Cockpit, or {@code null}
 */
public record OverdueNotice(OverdueLevel level, String what, String reference, String step, String responsible,
		LocalDate deadline, String holder, String taskLink, String caseLink) {

	public OverdueNotice(OverdueLevel level, String what, String reference, String step, String responsible,
			LocalDate deadline, String holder) {
		this(level, what, reference, step, responsible, deadline, holder, null, null);
	}

	/** Sends the notice to {@code firstToHear} and whoever else the level brings in. */
	public void send(Notifier notifier, String firstToHear) {
		for (String group : level.audience(firstToHear)) {
			// the group that works the step opens its task; those who watch it (task force, managers) open the case,
			// whose task they may not see; without a task link everybody opens the case
			String link = group.equals(firstToHear) && taskLink != null || caseLink == null ? taskLink : caseLink;
			notifier.send(new GroupMessage(group, title(), text(), reference, link));
		}
		if (holder != null && (level == OverdueLevel.YELLOW || level == OverdueLevel.RED)) {
			// no fallback group: the holder's group has just read the same notice, naming them
			notifier.send(new StaffMessage(holder, title(), text(), taskLink, reference, null));
		}
	}

	String title() {
		return level.label() + " " + reference;
	}

	String text() {
		return what + (responsible == null ? "" : "（" + responsible + "）") + (step == null ? "" : "的「" + step + "」")
				+ level.label() + (deadline == null ? "" : "（期限 " + deadline + " 18:00）") + "，" + level.consequence()
				+ (holder == null ? "" : "（当前办理人 @" + holder + "）") + "。";
	}
}
