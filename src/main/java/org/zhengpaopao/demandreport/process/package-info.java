/** The Camunda adapter of the demand-report feature: starts {@code demand-report.bpmn} and carries its steps. */
package org.zhengpaopao.demandreport.process;
