package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.VILLAGE_CODE;
import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.VILLAGE_HAS_AGENTS;

import java.util.Set;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.zhengpaopao.absence.Absences;
import org.zhengpaopao.identity.GroupMembers;
import org.zhengpaopao.identity.Groups;

/**
 * Start listener of 「确定代跑群组」: supplies the facts of the routing table that change while a run waits for its
 * authorization, so they are computed when the run is routed, for every run (also one started before the table
 * asked for them: a missing input fails the decision). {@code villageHasAgents}: the applicant's village has an agent
 * (村代办员) who is not on leave now. An agent on leave has a stand-in for tasks already theirs, but a new run should
 * go where somebody is at work: the township's group.
 */
@Component("runnerRoutingFacts")
class RunnerRoutingFacts implements ExecutionListener {

	private final GroupMembers members;

	private final Absences absences;

	RunnerRoutingFacts(GroupMembers members, Absences absences) {
		this.members = members;
		this.absences = absences;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String village = (String) execution.getVariable(VILLAGE_CODE);
		execution.setVariable(VILLAGE_HAS_AGENTS, village != null && hasAgentAtWork(village));
	}

	private boolean hasAgentAtWork(String villageCode) {
		Set<String> absent = absences.absentNow();
		return members.members(Groups.villageAgents(villageCode)).stream().anyMatch(agent -> !absent.contains(agent));
	}
}
