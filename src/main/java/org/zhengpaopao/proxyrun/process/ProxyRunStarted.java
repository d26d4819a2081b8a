package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.CASE_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * Ties a run to its process however the process was started: on its own (the business key is the case number
 * already) or called by a case's process, which cannot set the key before the run exists.
 */
@Component("proxyRunStarted")
class ProxyRunStarted implements ExecutionListener {

	private final ProxyRuns proxyRuns;

	ProxyRunStarted(ProxyRuns proxyRuns) {
		this.proxyRuns = proxyRuns;
	}

	@Override
	public void notify(DelegateExecution execution) {
		String caseNo = (String) execution.getVariable(CASE_NO);
		if (execution.getProcessBusinessKey() == null) {
			execution.setProcessBusinessKey(caseNo);
		}
		proxyRuns.processStarted(caseNo, execution.getProcessInstanceId());
	}
}
