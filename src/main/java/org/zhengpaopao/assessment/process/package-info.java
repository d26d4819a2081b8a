/** The Camunda adapter of the assessment feature: starts {@code rectification.bpmn} and carries its steps. */
package org.zhengpaopao.assessment.process;
