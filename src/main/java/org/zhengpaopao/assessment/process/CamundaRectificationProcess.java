package org.zhengpaopao.assessment.process;

import java.time.Instant;
import java.util.Date;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.zhengpaopao.assessment.RectificationProcess;

@Component
class CamundaRectificationProcess implements RectificationProcess {

	static final String PROCESS_KEY = "rectification";

	private final RuntimeService runtimeService;

	CamundaRectificationProcess(RuntimeService runtimeService) {
		this.runtimeService = runtimeService;
	}

	@Override
	public void start(String caseNo, String responsibleGroup, Instant callBackDue, Instant rectificationDue) {
		runtimeService.startProcessInstanceByKey(PROCESS_KEY, caseNo,
				Variables.createVariables()
					.putValue("caseNo", caseNo)
					.putValue("responsibleGroup", responsibleGroup)
					.putValue("callBackDue", Date.from(callBackDue))
					.putValue("rectificationDue", Date.from(rectificationDue)));
	}
}
