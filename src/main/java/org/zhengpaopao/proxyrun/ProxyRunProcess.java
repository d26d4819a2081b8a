package org.zhengpaopao.proxyrun;

/**
 * The port through which the domain drives the proxy-run process; the Camunda adapter implements it.
 */
public interface ProxyRunProcess {

	void start(ProxyRunOpened run);

	/** What the process starts with, for a process that calls it. */
	java.util.Map<String, Object> variables(ProxyRunOpened run);

	/** The applicant confirmed the authorization online. */
	void applicantAuthorized(String caseNo);

	/** @return who has claimed (or was assigned) the run's open task {@code task}, if it is open and held */
	java.util.Optional<String> holderOf(String caseNo, ProxyRunTask task);
}
