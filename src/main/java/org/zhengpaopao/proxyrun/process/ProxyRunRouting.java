package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.zhengpaopao.proxyrun.ProxyRunSupervision;

/**
 * Service task 「登记派单并计算期限」: records the group the routing decision chose and sets the due date that
 * every task and timer of the run uses.
 */
@Component("proxyRunRouting")
class ProxyRunRouting implements JavaDelegate {

	private final ProxyRunSupervision proxyRuns;

	ProxyRunRouting(ProxyRunSupervision proxyRuns) {
		this.proxyRuns = proxyRuns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		RunTasks.setDeadlines(execution,
				proxyRuns.route((String) execution.getVariable(CASE_NO), (String) execution.getVariable(RUNNER_GROUP)));
	}
}
