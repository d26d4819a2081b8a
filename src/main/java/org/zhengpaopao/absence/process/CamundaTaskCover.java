package org.zhengpaopao.absence.process;

import static org.zhengpaopao.absence.TaskMovedForAbsence.DIRECT_ASSIGNEE;

import java.util.ArrayList;
import java.util.List;

import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;
import org.zhengpaopao.absence.TaskCover;
import org.zhengpaopao.absence.TaskMovedForAbsence;

/**
 * Moves an absent person's open tasks with the task service, in the caller's transaction. A task counts as a
 * direct assignment when its {@code directAssignee} variable names the assignee (set by whoever assigned it by
 * name); otherwise the assignee claimed it from its candidate groups. Suspended tasks cannot change and stay.
 */
@Component
class CamundaTaskCover implements TaskCover {

	private final TaskService taskService;

	CamundaTaskCover(TaskService taskService) {
		this.taskService = taskService;
	}

	@Override
	public List<TaskMovedForAbsence> moveTasksOf(String userId, String standIn, String comment, String actor) {
		List<TaskMovedForAbsence> moves = new ArrayList<>();
		for (Task task : taskService.createTaskQuery().taskAssignee(userId).active().list()) {
			boolean direct = userId.equals(taskService.getVariableLocal(task.getId(), DIRECT_ASSIGNEE));
			String to;
			String note;
			if (direct && standIn != null) {
				taskService.setAssignee(task.getId(), standIn);
				taskService.setVariableLocal(task.getId(), DIRECT_ASSIGNEE, standIn);
				to = standIn;
				note = comment + "，任务转交代岗人 " + standIn;
			}
			else {
				taskService.setAssignee(task.getId(), null);
				if (direct) {
					taskService.removeVariableLocal(task.getId(), DIRECT_ASSIGNEE);
				}
				to = String.join("、", candidateGroups(task));
				note = comment + "，任务退回群组" + (to.isEmpty() ? "" : " " + to);
			}
			taskService.createComment(task.getId(), task.getProcessInstanceId(), note);
			moves.add(new TaskMovedForAbsence(task.getProcessInstanceId(), task.getId(), task.getName(), userId, to,
					!(direct && standIn != null), actor, note));
		}
		return moves;
	}

	private List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.sorted()
			.toList();
	}
}
