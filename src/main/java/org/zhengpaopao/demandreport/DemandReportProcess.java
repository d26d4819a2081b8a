package org.zhengpaopao.demandreport;

import org.zhengpaopao.workflow.StepDeadlines;

/** The port through which a report starts {@code demand-report.bpmn}; the Camunda adapter implements it. */
public interface DemandReportProcess {

	void start(DemandReport report, DemandReports.Names names, StepDeadlines verification);
}
