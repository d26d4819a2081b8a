package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.CASE_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.zhengpaopao.proxyrun.ProxyRunAuthorizations;

/** Service task 「登记授权过期」. */
@Component("authorizationExpiry")
class AuthorizationExpiry implements JavaDelegate {

	private final ProxyRunAuthorizations proxyRuns;

	AuthorizationExpiry(ProxyRunAuthorizations proxyRuns) {
		this.proxyRuns = proxyRuns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		proxyRuns.expireAuthorization((String) execution.getVariable(CASE_NO));
	}
}
