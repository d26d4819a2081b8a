package org.zhengpaopao.demandreport.process;

import static org.zhengpaopao.demandreport.process.DemandReportVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.zhengpaopao.demandreport.DemandReport;
import org.zhengpaopao.demandreport.DemandReportProcess;
import org.zhengpaopao.demandreport.DemandReports;
import org.zhengpaopao.workflow.StepDeadlines;

@Component
class CamundaDemandReportProcess implements DemandReportProcess {

	private final RuntimeService runtimeService;

	CamundaDemandReportProcess(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@Override
	public void start(DemandReport report, DemandReports.Names names, StepDeadlines verification) {
		runtimeService.startProcessInstanceByKey(PROCESS_KEY, report.getTrackingNumber(),
				Variables.createVariables()
					.putValue(TRACKING_NUMBER, report.getTrackingNumber())
					.putValue(DEPARTMENT_CODE, report.getDepartmentCode())
					.putValue(DEPARTMENT_NAME, names.department())
					.putValue(MATTER_NAME, names.matter())
					.putValue(CERTIFICATE_NAME, names.certificate())
					.putValue(DISPOSITION_LABEL, report.getDisposition().label())
					.putValue(DEMANDED_ON, report.getDemandedOn().toString())
					.putValue(VERIFICATION_DUE, Date.from(verification.dueAt()))
					.putValue(VERIFICATION_YELLOW_AT, Date.from(verification.yellowAt()))
					.putValue(VERIFICATION_LEVEL2_AT, Date.from(verification.level2At())));
	}
}
