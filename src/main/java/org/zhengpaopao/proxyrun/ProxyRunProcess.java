package org.zhengpaopao.proxyrun;

/**
 * The port through which the domain drives the proxy-run process; the Camunda adapter implements it.
 */
public interface ProxyRunProcess {

	/** @return the process instance's id */
	String start(ProxyRunOpened run);

	/** The applicant confirmed the authorization online. */
	void applicantAuthorized(String caseNo);
}
