package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.CASE_NO;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;
import org.zhengpaopao.proxyrun.ProxyRunAuthorizations;

/** Service task 「发送授权验证码」. */
@Component("authorizationCodeSender")
class AuthorizationCodeSender implements JavaDelegate {

	private final ProxyRunAuthorizations proxyRuns;

	AuthorizationCodeSender(ProxyRunAuthorizations proxyRuns) {
		this.proxyRuns = proxyRuns;
	}

	@Override
	public void execute(DelegateExecution execution) {
		proxyRuns.sendAuthorizationCode((String) execution.getVariable(CASE_NO));
	}
}
