package org.zhengpaopao;

import org.camunda.bpm.engine.RepositoryService;

/**
 * A second version of proxy-run that is the same model (with its forms and routing decision, bound by
 * deployment), for tests that need a version to migrate to. Whoever deploys it deletes it again, so that the rest
 * of the suite starts runs on the packaged version.
 */
public final class ProxyRunCopy {

	private ProxyRunCopy() {
	}

	/** @return the copy's deployment id */
	public static String deploy(RepositoryService repositoryService, String name) {
		var current = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("proxy-run")
			.latestVersion()
			.singleResult();
		return repositoryService.createDeployment()
			.name(name)
			.addDeploymentResourcesByName(current.getDeploymentId(), repositoryService
				.getDeploymentResourceNames(current.getDeploymentId())
				.stream()
				.filter(resource -> resource.endsWith("proxy-run.bpmn") || resource.endsWith(".form")
						|| resource.endsWith("runner-routing.dmn"))
				.toList())
			.deploy()
			.getId();
	}
}
