package org.zhengpaopao.application.process;

import static org.zhengpaopao.application.process.ApplicationVariables.*;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.zhengpaopao.application.ApplicationProcess;

@Component
class CamundaApplicationProcess implements ApplicationProcess {

	private final RuntimeService runtimeService;

	CamundaApplicationProcess(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@Override
	public String start(String caseNo, String windowGroup, String applicantType) {
		return runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseNo, Variables.createVariables()
			.putValue(CASE_NO, caseNo)
			.putValue(WINDOW_GROUP, windowGroup)
			.putValue(APPLICANT_TYPE, applicantType)).getId();
	}
}
