package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.*;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengpaopao.absence.Absences;
import org.zhengpaopao.absence.TaskMovedForAbsence;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.proxyrun.OpenRunnerTask;
import org.zhengpaopao.proxyrun.ProxyRunTask;
import org.zhengpaopao.proxyrun.ProxyRunSupervision;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.workflow.AsSystem;
import org.zhengpaopao.workflow.FormValues;
import org.zhengpaopao.workflow.TaskActor;

/**
 * The service tasks of the deadline watch (yellow and red card, escalation levels) and of the task force's
 * supervision (urge, transfer, extend, close as exception). Each is a thin call into {@link ProxyRunSupervision}.
 */
@Configuration(proxyBeanMethods = false)
class SupervisionDelegates {

	@Bean
	JavaDelegate yellowCard(ProxyRunSupervision proxyRuns) {
		return execution -> proxyRuns.raiseYellowCard(caseNo(execution), RunTasks.held(execution));
	}

	@Bean
	JavaDelegate redCard(ProxyRunSupervision proxyRuns) {
		return execution -> proxyRuns.raiseRedCard(caseNo(execution), RunTasks.held(execution));
	}

	/** Reads the level from the service task's input parameter {@code level}. */
	@Bean
	JavaDelegate overdueEscalation(ProxyRunSupervision proxyRuns) {
		return execution -> proxyRuns.escalate(caseNo(execution),
				Integer.parseInt(String.valueOf(execution.getVariableLocal(LEVEL))), RunTasks.held(execution));
	}

	@Bean
	JavaDelegate overdueRunUrging(ProxyRunSupervision proxyRuns) {
		return execution -> proxyRuns.urge(caseNo(execution), TaskActor.of(execution),
				FormValues.string(execution, URGE_NOTE), RunTasks.held(execution));
	}

	/**
	 * Moves the open runner task: to a group (it becomes that group's unclaimed task, and the run's later runner
	 * tasks go there too) or to one runner (assigned directly, and marked so: absence cover sends a direct assignment
	 * to the stand-in). A runner who is absent now gets it through their stand-in; without one it is refused.
	 */
	@Bean
	JavaDelegate runnerTaskTransfer(ProxyRunSupervision proxyRuns, Absences absences) {
		return execution -> {
			String to = FormValues.string(execution, TRANSFER_TO);
			if (to == null || to.isBlank()) {
				throw new InvalidInputException(TRANSFER_TO, "请填写转办对象", "say whom to transfer to");
			}
			String target = to.strip();
			var identity = execution.getProcessEngineServices().getIdentityService();
			boolean toGroup = identity.createGroupQuery().groupId(target).count() > 0;
			boolean toUser = !toGroup && identity.createUserQuery().userId(target).count() > 0;
			if (!toGroup && !toUser) {
				throw new InvalidInputException(TRANSFER_TO, "没有这个用户或群组：" + target, "no such user or group: " + target);
			}
			if (toUser && identity.createGroupQuery()
				.groupMember(target)
				.list()
				.stream()
				.map(Group::getId)
				.noneMatch(Groups::isRunnerGroup)) {
				throw new InvalidInputException(TRANSFER_TO, target + " 不是代跑员", target + " is not a runner");
			}
			Task task = RunTasks.openRunnerTask(execution);
			if (task == null) {
				throw new InvalidInputException(TRANSFER_TO, "当前没有代跑员待办任务（可能正在出证部门办理），无法转办",
						"no runner task is open now");
			}
			String assignee = toUser ? absences.assigneeFor(target) : null;
			var tasks = RunTasks.taskService(execution);
			AsSystem.run(() -> {
				if (toGroup) {
					tasks.getIdentityLinksForTask(task.getId())
						.stream()
						.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
						.forEach(link -> tasks.deleteCandidateGroup(task.getId(), link.getGroupId()));
					tasks.addCandidateGroup(task.getId(), target);
					tasks.setAssignee(task.getId(), null);
					tasks.removeVariableLocal(task.getId(), TaskMovedForAbsence.DIRECT_ASSIGNEE);
					execution.setVariable(RUNNER_GROUP, target);
				}
				else {
					tasks.setAssignee(task.getId(), assignee);
					tasks.setVariableLocal(task.getId(), TaskMovedForAbsence.DIRECT_ASSIGNEE, assignee);
				}
			});
			proxyRuns.transfer(caseNo(execution), TaskActor.of(execution),
					toGroup || assignee.equals(target) ? target : target + "（请假中，由代岗人 " + assignee + " 接办）", toGroup,
					new OpenRunnerTask(task.getId(), assignee));
		};
	}

	/** A new deadline moves every timer (they are re-armed from the variables) and every open task's due date. */
	@Bean
	JavaDelegate deadlineExtension(ProxyRunSupervision proxyRuns) {
		return execution -> {
			LocalDate newDeadline;
			try {
				String raw = FormValues.string(execution, NEW_DEADLINE);
				newDeadline = raw == null ? null : LocalDate.parse(raw.strip().substring(0, Math.min(10, raw.strip().length())));
			}
			catch (DateTimeParseException e) {
				throw new InvalidInputException(NEW_DEADLINE, "日期格式应为 YYYY-MM-DD", "the date must be YYYY-MM-DD");
			}
			var deadlines = proxyRuns.extendDeadline(caseNo(execution), TaskActor.of(execution), newDeadline,
					FormValues.string(execution, EXTENSION_REASON));
			RunTasks.setDeadlines(execution, deadlines);
			Date due = Date.from(deadlines.dueAt());
			var tasks = RunTasks.taskService(execution);
			AsSystem.run(() -> RunTasks.openTasks(execution)
				.stream()
				.filter(task -> !ProxyRunTask.HANDLE_OVERDUE_RUN.id().equals(task.getTaskDefinitionKey()))
				.forEach(task -> {
					task.setDueDate(due);
					tasks.saveTask(task);
				}));
			execution.setVariable(SUPERVISION_OUTCOME, "extended");
		};
	}

	@Bean
	JavaDelegate exceptionClosure(ProxyRunSupervision proxyRuns) {
		return execution -> {
			proxyRuns.closeAsException(caseNo(execution), TaskActor.of(execution),
					FormValues.string(execution, EXCEPTION_REASON));
			execution.setVariable(SUPERVISION_OUTCOME, "closedAsException");
		};
	}

	private static String caseNo(DelegateExecution execution) {
		return (String) execution.getVariable(CASE_NO);
	}
}
