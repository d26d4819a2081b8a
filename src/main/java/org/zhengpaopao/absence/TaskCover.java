package org.zhengpaopao.absence;

import java.util.List;

/**
 * Moves an absent person's open tasks; implemented by the Camunda adapter ({@code absence.process}), so that this
 * feature's domain does not know the engine.
 */
public interface TaskCover {

	/**
	 * Every open task assigned to {@code userId}: a claimed one goes back to its candidate groups, a direct
	 * assignment (see {@link TaskMovedForAbsence#DIRECT_ASSIGNEE}) to {@code standIn} when one is given, else back
	 * to its groups too. Each task gets {@code comment} plus where it went as a task comment.
	 *
	 * @param standIn who takes direct assignments, or null
	 * @return what moved where
	 */
	List<TaskMovedForAbsence> moveTasksOf(String userId, String standIn, String comment, String actor);
}
