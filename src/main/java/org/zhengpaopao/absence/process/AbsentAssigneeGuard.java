package org.zhengpaopao.absence.process;

import java.util.ArrayList;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.zhengpaopao.absence.Absences;
import org.zhengpaopao.system.ConflictException;

/**
 * "While absent, new tasks are not assigned to them": every user task of every process gets an {@code assignment}
 * listener when the engine parses the model, so a claim or an assignment to an absent person fails, however it is
 * made (Tasklist, engine REST, a delegate). The listener is added at parse time, not in the BPMN files, so the
 * models stay as designers draw them and processes deployed before keep working.
 * <p>
 * A {@link ConflictException}: engine REST answers 409 with its message (EngineRestErrors).
 */
@Component
class AbsentAssigneeGuard extends AbstractProcessEnginePlugin {

	/** the service is looked up when needed: it is built after the engine this plugin configures */
	private final ObjectProvider<Absences> absences;

	AbsentAssigneeGuard(ObjectProvider<Absences> absences) {
		this.absences = absences;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		if (configuration.getCustomPostBPMNParseListeners() == null) {
			configuration.setCustomPostBPMNParseListeners(new ArrayList<>());
		}
		TaskListener guard = this::refuseAbsentAssignee;
		configuration.getCustomPostBPMNParseListeners().add(new AbstractBpmnParseListener() {
			@Override
			public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
				((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
					.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, guard);
			}
		});
	}

	void refuseAbsentAssignee(DelegateTask task) {
		String assignee = task.getAssignee();
		if (assignee == null) {
			return;
		}
		absences.getObject().currentAbsenceOf(assignee).ifPresent(absence -> {
			throw new ConflictException(
					assignee + " 正在请假（" + absence.getFrom() + " 至 " + absence.getTo() + "），请假期间不能认领或分派任务给其本人",
					assignee + " is absent from " + absence.getFrom() + " to " + absence.getTo()
							+ "; tasks cannot be claimed by or assigned to them meanwhile");
		});
	}
}
