package org.zhengpaopao.proxyrun;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.applicant.IntakeChannel;
import org.zhengpaopao.system.NotFoundException;

/**
 * The runs village agents took (intake {@code AGENT}, the village as its reference): the village's list, the runs
 * still waiting for the villager's code, and the result handed back in the village (docs/village-agents.md).
 */
@Service
@Transactional(readOnly = true)
public class RunsInVillage {

	private final ProxyRunRepository runs;
	private final Clock clock;

	RunsInVillage(ProxyRunRepository runs, Clock clock) {
		this.runs = runs;
		this.clock = clock;
	}

	/** Every run the villages' agents took, those of their cases (办件) included; newest first. */
	public List<ProxyRun> takenIn(Collection<String> villageCodes) {
		if (villageCodes.isEmpty()) {
			return List.of();
		}
		return runs.findByIntakeChannelAndIntakeReferenceInOrderByCreatedAtDesc(IntakeChannel.AGENT.name(),
				villageCodes);
	}

	/** The villages' runs waiting for the villager's one-time code; newest first. */
	public List<ProxyRun> awaitingAuthorization(Collection<String> villageCodes) {
		return takenIn(villageCodes).stream().filter(run -> run.getState() == ProxyRunState.AWAITING_AUTHORIZATION).toList();
	}

	/** The agent handed the run's result back to the villager (a step of its history, with who and when). */
	@Transactional
	public ProxyRun handBack(String caseNo, String agent) {
		ProxyRun run = runs.findForUpdateByCaseNo(caseNo)
			.orElseThrow(() -> new NotFoundException("没有这个代跑办件：" + caseNo, "no proxy-run " + caseNo));
		run.handBackInVillage(agent, clock.instant());
		return run;
	}
}
