/**
 * The Camunda adapter of the application feature: starts {@code certificate-free-application.bpmn} and carries
 * its service tasks, its call of the proxy-run and its user tasks to {@link org.zhengpaopao.application.Applications}.
 */
package org.zhengpaopao.application.process;
