package org.zhengpaopao.demandreport;

/** The port through which a report starts {@code demand-report.bpmn}; the Camunda adapter implements it. */
public interface DemandReportProcess {

	void start(DemandReport report, DemandReports.Names names, StepDeadline verification);
}
