package org.zhengpaopao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/** The files in bpmn/ reach the engine: processes, decisions and the Camunda Forms the user tasks are bound to. */
@IntegrationTest
class DeploymentTests {

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	FormService formService;

	@Autowired
	TaskService taskService;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldDeployTheProcessTheDecisionAndTheForms() {
		ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("proxy-run")
			.latestVersion()
			.singleResult();
		List<String> resources = repositoryService.getDeploymentResourceNames(definition.getDeploymentId());
		assertThat(resources).anyMatch(r -> r.endsWith("proxy-run.bpmn"))
			.anyMatch(r -> r.endsWith("runner-routing.dmn"))
			.anyMatch(r -> r.endsWith("fetch-certificate.form"))
			.anyMatch(r -> r.endsWith("issue-certificate.form"))
			.anyMatch(r -> r.endsWith("supplement-information.form"))
			.anyMatch(r -> r.endsWith("deliver-certificate.form"));
		assertThat(definition.getHistoryTimeToLive()).isEqualTo(1825);
	}

	@Test
	void shouldBindEachTaskToItsForm() throws IOException {
		String caseNo = proxyRuns.open(new NewProxyRun("钱七", "330825198503121239", "13905700000", "donghua",
				donghuaVillage(), "ZM-0020", "zhujian", true), "window-zhujian-1").getCaseNo();
		String taskId = taskService.createTaskQuery().processInstanceBusinessKey(caseNo).singleResult().getId();

		try (InputStream form = formService.getDeployedTaskForm(taskId)) {
			String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
			assertThat(json).contains("\"id\": \"fetchCertificate\"", "向出证部门调取证明");
		}
	}

	String donghuaVillage() {
		var divisions = http.withBasicAuth("manager-1", "demo").getForObject("/api/divisions", List.class);
		for (Object township : divisions) {
			var map = (java.util.Map<?, ?>) township;
			if ("donghua".equals(map.get("code"))) {
				return (String) ((java.util.Map<?, ?>) ((List<?>) map.get("villages")).get(0)).get("code");
			}
		}
		throw new AssertionError("donghua has no villages");
	}
}
