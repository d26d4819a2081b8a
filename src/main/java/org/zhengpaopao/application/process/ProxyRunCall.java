package org.zhengpaopao.application.process;

import static org.zhengpaopao.application.process.ApplicationVariables.CERTIFICATE_ITEM;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateVariableMapping;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.VariableMap;
import org.springframework.stereotype.Component;
import org.zhengpaopao.application.CaseCertificates;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * The call activity 「证跑跑代跑」: opens the run for the certificate and hands the proxy-run process exactly the
 * variables it starts with on its own, nothing of the case's. What comes back is read from the run itself.
 */
@Component("proxyRunCall")
class ProxyRunCall implements DelegateVariableMapping {

	private final CaseCertificates applications;
	private final ProxyRuns proxyRuns;

	ProxyRunCall(CaseCertificates applications, ProxyRuns proxyRuns) {
		this.applications = applications;
		this.proxyRuns = proxyRuns;
	}

	@Override
	public void mapInputVariables(DelegateExecution superExecution, VariableMap subVariables) {
		long item = ((Number) superExecution.getVariable(CERTIFICATE_ITEM)).longValue();
		subVariables.putAll(proxyRuns.processVariables(applications.openProxyRun(item)));
	}

	@Override
	public void mapOutputVariables(DelegateExecution superExecution, VariableScope subInstance) {
		// the outcome is the run's state, which 「记录代跑结果」 reads
	}
}
