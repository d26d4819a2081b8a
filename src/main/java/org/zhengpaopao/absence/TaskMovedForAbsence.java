package org.zhengpaopao.absence;

/**
 * One task moved because its assignee's absence started: back to its group ({@code toGroup}) or to the stand-in.
 * Published once per task, within the transaction that moved it, so that the process's owner can add it to the
 * case's own history (the proxy-run does).
 *
 * @param taskId the engine's id of the moved task, for a link to it
 * @param note ready to show: whose absence, the days, the reason, and where the task went
 */
public record TaskMovedForAbsence(String processInstanceId, String taskId, String taskName, String absentUser, String movedTo,
		boolean toGroup, String actor, String note) {

	/**
	 * The task-local variable a process adapter sets to the assignee when it assigns a task to a person by name
	 * (e.g. the task force's 转办 to a runner) rather than the person claiming it from a group. Absence cover
	 * sends such tasks to the stand-in; claimed ones go back to the group.
	 */
	public static final String DIRECT_ASSIGNEE = "directAssignee";
}
