package org.zhengpaopao.application;

/** The port through which the domain starts a case's process; the Camunda adapter implements it. */
public interface ApplicationProcess {

	/**
	 * @param applicantType PERSON or COMPANY, for the window's forms
	 * @return the process instance's id
	 */
	String start(String caseNo, String windowGroup, String applicantType);
}
