/**
 * The Camunda adapter of the application feature: starts {@code certificate-free-application.bpmn} and carries
 * its service tasks, its call of the proxy-run and its user tasks to
 * {@link org.zhengpaopao.application.CaseCertificates} and {@link org.zhengpaopao.application.CaseDecisions}.
 */
package org.zhengpaopao.application.process;
