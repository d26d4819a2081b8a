package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.*;

import java.util.Date;
import java.util.Objects;
import java.util.Optional;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Component;
import org.zhengpaopao.proxyrun.ProxyRunOpened;
import org.zhengpaopao.proxyrun.ProxyRunProcess;
import org.zhengpaopao.proxyrun.ProxyRunTask;

@Component
class CamundaProxyRunProcess implements ProxyRunProcess {

	private final RuntimeService runtimeService;
	private final TaskService taskService;

	CamundaProxyRunProcess(RuntimeService runtimeService, TaskService taskService) {
		this.runtimeService = runtimeService;
		this.taskService = taskService;
	}

	@Override
	public void start(ProxyRunOpened run) {
		runtimeService.startProcessInstanceByKey(PROCESS_KEY, run.caseNo(), variables(run));
	}

	@Override
	public VariableMap variables(ProxyRunOpened run) {
		VariableMap variables = Variables.createVariables()
			.putValue(CASE_NO, run.caseNo())
			.putValue(PROXY_RUN_ID, run.proxyRunId())
			.putValue(APPLICANT_TYPE, run.applicantType())
			.putValue(AUTHORIZED_AT_WINDOW, run.authorizedAtWindow())
			.putValue(CERTIFICATE_CODE, run.certificateCode())
			.putValue(CERTIFICATE_NAME, run.certificateName())
			.putValue(ISSUING_LEVEL, run.issuingLevel())
			.putValue(ISSUING_DEPARTMENT_CODE, run.issuingDepartmentCode())
			.putValue(ISSUER_HAS_LIAISON, run.issuerHasLiaison())
			.putValue(ISSUER_NAME, run.issuerName())
			.putValue(ISSUER_GROUP, run.issuerGroup())
			.putValue(TOWNSHIP_CODE, run.townshipCode())
			.putValue(VILLAGE_CODE, run.villageCode());
		if (run.authorizationDue() != null) {
			variables.putValue(AUTHORIZATION_DUE, Date.from(run.authorizationDue()));
		}
		return variables;
	}

	@Override
	public void applicantAuthorized(String caseNo) {
		runtimeService.createMessageCorrelation(APPLICANT_AUTHORIZED).processInstanceBusinessKey(caseNo).correlate();
	}

	@Override
	public Optional<String> holderOf(String caseNo, ProxyRunTask task) {
		return taskService.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(task.id())
			.active()
			.list()
			.stream()
			.map(Task::getAssignee)
			.filter(Objects::nonNull)
			.findFirst();
	}
}
