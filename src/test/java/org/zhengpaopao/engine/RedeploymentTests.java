package org.zhengpaopao.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.engine.ModelDeployment.Model;

/**
 * A restart deploys the files in bpmn/ through {@link ModelDeployment}, the engine plugin that ran when this test's
 * engine started: calling it again with the packaged files is what the next start does.
 */
@IntegrationTest
class RedeploymentTests {

	@Autowired
	RepositoryService repositoryService;

	@Test
	void shouldDeployEachProcessWithItsFormsAndDecisions() {
		var proxyRun = repositoryService.createDeploymentQuery().deploymentName("proxy-run.bpmn")
			.orderByDeploymentTime().desc().list().get(0);
		assertThat(repositoryService.getDeploymentResourceNames(proxyRun.getId())).containsExactlyInAnyOrder(
				"proxy-run.bpmn", "fetch-certificate.form", "issue-certificate.form", "supplement-information.form",
				"deliver-certificate.form", "sign-for-certificate.form", "overdue-run.form", "runner-routing.dmn");
		var catalogChange = repositoryService.createDeploymentQuery().deploymentName("catalog-change.bpmn")
			.orderByDeploymentTime().desc().list().get(0);
		assertThat(repositoryService.getDeploymentResourceNames(catalogChange.getId())).containsExactlyInAnyOrder(
				"catalog-change.bpmn", "review-catalog-proposal.form", "review-catalog-legality.form",
				"revise-catalog-proposal.form");
	}

	@Test
	void shouldCreateNoVersionWhenRestartedWithUnchangedFiles() {
		Map<String, Integer> before = versions();
		long deployments = repositoryService.createDeploymentQuery().count();

		List<String> deployed = ModelDeployment.deploy(repositoryService, ModelDeployment.packagedModels());

		assertThat(deployed).isEmpty();
		assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(deployments);
		assertThat(versions()).isEqualTo(before);
	}

	@Test
	void shouldCreateExactlyOneVersionOfTheChangedFileOnly() {
		Map<String, Integer> before = versions();

		// a designer's change that does not alter behaviour: the suite goes on with this version as the latest
		List<Model> changed = ModelDeployment.packagedModels().stream()
			.map(model -> model.name().equals("rectification.bpmn") ? withComment(model) : model)
			.toList();
		List<String> deployed = ModelDeployment.deploy(repositoryService, changed);

		assertThat(deployed).hasSize(1);
		Map<String, Integer> expected = new TreeMap<>(before);
		expected.put("process:rectification", before.get("process:rectification") + 1);
		assertThat(versions()).isEqualTo(expected);
		// the forms go along, so that the new version's tasks find them (formRefBinding="deployment")
		assertThat(repositoryService.getDeploymentResourceNames(deployed.get(0))).contains("rectification.bpmn",
				"call-back-applicant.form", "review-appeal.form", "rectify-issue.form");

		// the same changed files again, as on the next restart: nothing new
		assertThat(ModelDeployment.deploy(repositoryService, changed)).isEmpty();
		assertThat(versions()).isEqualTo(expected);

		// a changed decision: one new version of it and of proxy-run, which binds it by deployment; no other
		List<Model> changedDecision = changed.stream()
			.map(model -> model.name().equals("runner-routing.dmn") ? withComment(model) : model)
			.toList();
		assertThat(ModelDeployment.deploy(repositoryService, changedDecision)).hasSize(1);
		expected.put("decision:runner-routing", before.get("decision:runner-routing") + 1);
		expected.put("process:proxy-run", before.get("process:proxy-run") + 1);
		assertThat(versions()).isEqualTo(expected);

		// back to the packaged files (one more version of each of the two), as the rest of the suite expects them
		assertThat(ModelDeployment.deploy(repositoryService, ModelDeployment.packagedModels())).hasSize(2);
	}

	/** Latest version of every process and decision, by key. */
	Map<String, Integer> versions() {
		Map<String, Integer> versions = new TreeMap<>();
		for (ProcessDefinition definition : repositoryService.createProcessDefinitionQuery().latestVersion().list()) {
			versions.put("process:" + definition.getKey(), definition.getVersion());
		}
		for (DecisionDefinition definition : repositoryService.createDecisionDefinitionQuery().latestVersion().list()) {
			versions.put("decision:" + definition.getKey(), definition.getVersion());
		}
		return versions;
	}

	static Model withComment(Model model) {
		String text = model.text() + "<!-- 设计人员的修改 -->\n";
		return new Model(model.name(), text.getBytes(StandardCharsets.UTF_8));
	}
}
