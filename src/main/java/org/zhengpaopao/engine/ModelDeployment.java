package org.zhengpaopao.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Deploys the models in {@code bpmn/} when the engine starts, instead of the starter's auto-deployment
 * ({@code camunda.bpm.auto-deployment-enabled: false}).
 * <p>
 * The starter puts every file into one deployment and, when any file changed, deploys all of them again, so one
 * changed form gave every process a new version. Here each BPMN file is a deployment of its own, together with the
 * forms its user tasks name and the decisions its business rule tasks name: {@code formRefBinding} and
 * {@code decisionRefBinding="deployment"} look only in the process's own deployment. A file no process names is a
 * deployment of its own. Each is duplicate-filtered by name: a restart with unchanged files deploys nothing, a
 * changed BPMN deploys exactly that process again, and a changed form or DMN the processes that bind it.
 */
@Component
class ModelDeployment extends AbstractProcessEnginePlugin {

	private static final Logger log = LoggerFactory.getLogger(ModelDeployment.class);

	/** Marks our deployments: duplicate filtering compares with earlier deployments of the same name and source only,
	 * so a designer's deployment from Modeler (source "Camunda Modeler") never hides a changed packaged file. */
	static final String SOURCE = "zhengpaopao bpmn/";

	static final String LOCATION = "classpath*:bpmn/**/*.";

	private static final Pattern FORM_REF = Pattern.compile("camunda:formRef=\"([^\"]+)\"");
	private static final Pattern DECISION_REF = Pattern.compile("camunda:decisionRef=\"([^\"]+)\"");
	private static final Pattern DECISION_ID = Pattern.compile("<(?:\\w+:)?decision\\s[^>]*?\\bid=\"([^\"]+)\"");
	private static final ObjectMapper JSON = new ObjectMapper();

	/** A model file: its name relative to {@code bpmn/}, as Modeler names it when it deploys, and its bytes. */
	record Model(String name, byte[] content) {

		String text() {
			return new String(content, StandardCharsets.UTF_8);
		}
	}

	@Override
	public void postProcessEngineBuild(ProcessEngine processEngine) {
		deploy(processEngine.getRepositoryService(), packagedModels());
	}

	/** The files in {@code bpmn/} on the classpath, sorted by name so that every start groups them alike. */
	static List<Model> packagedModels() {
		var resolver = new PathMatchingResourcePatternResolver();
		List<Model> models = new ArrayList<>();
		try {
			for (String extension : List.of("bpmn", "dmn", "form")) {
				for (Resource resource : resolver.getResources(LOCATION + extension)) {
					String url = resource.getURL().toString();
					String name = url.substring(url.lastIndexOf("/bpmn/") + "/bpmn/".length());
					try (InputStream in = resource.getInputStream()) {
						models.add(new Model(name, in.readAllBytes()));
					}
				}
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException("bpmn/ on the classpath cannot be read", e);
		}
		models.sort(Comparator.comparing(Model::name));
		return models;
	}

	/** The form's own id, the one {@code camunda:formRef} names (its components have ids too, further down). */
	private static String formId(Model form) {
		try {
			return JSON.readTree(form.content()).path("id").asText();
		}
		catch (IOException e) {
			throw new UncheckedIOException(form.name() + " is not JSON", e);
		}
	}

	/**
	 * Deployment name → its files: each BPMN with the forms it names, then each file no BPMN took.
	 */
	static Map<String, List<Model>> deployments(List<Model> models) {
		Map<String, Model> formsById = new LinkedHashMap<>();
		for (Model model : models) {
			if (model.name().endsWith(".form")) {
				formsById.put(formId(model), model);
			}
		}
		Map<String, Model> decisionsById = new LinkedHashMap<>();
		for (Model model : models) {
			if (model.name().endsWith(".dmn")) {
				Matcher id = DECISION_ID.matcher(model.text());
				while (id.find()) {
					decisionsById.put(id.group(1), model);
				}
			}
		}
		Map<String, List<Model>> deployments = new LinkedHashMap<>();
		Set<Model> taken = new LinkedHashSet<>();
		for (Model model : models) {
			if (!model.name().endsWith(".bpmn")) {
				continue;
			}
			List<Model> files = new ArrayList<>(List.of(model));
			Matcher ref = FORM_REF.matcher(model.text());
			while (ref.find()) {
				Model form = formsById.get(ref.group(1));
				if (form == null) {
					throw new IllegalStateException(model.name() + " names the form " + ref.group(1)
							+ ", which no .form file in bpmn/ has as its id");
				}
				if (!files.contains(form)) {
					files.add(form);
				}
			}
			// proxy-run binds its routing decision by deployment too; a decision bound to its latest version would
			// not need to go along, but taking it costs only a process version more when it changes
			Matcher decisionRef = DECISION_REF.matcher(model.text());
			while (decisionRef.find()) {
				Model decision = decisionsById.get(decisionRef.group(1));
				if (decision != null && !files.contains(decision)) {
					files.add(decision);
				}
			}
			taken.addAll(files);
			deployments.put(model.name(), files);
		}
		for (Model model : models) {
			if (!taken.contains(model)) {
				deployments.put(model.name(), List.of(model));
			}
		}
		return deployments;
	}

	/** Deploys what changed since the last deployment of the same name; returns the ids of the new deployments. */
	static List<String> deploy(RepositoryService repositoryService, List<Model> models) {
		List<String> deployed = new ArrayList<>();
		for (var deployment : deployments(models).entrySet()) {
			DeploymentBuilder builder = repositoryService.createDeployment()
				.name(deployment.getKey())
				.source(SOURCE)
				// false: when one file of the deployment changed, deploy all of them, so the forms stay with the
				// process that binds them by deployment
				.enableDuplicateFiltering(false);
			for (Model model : deployment.getValue()) {
				builder.addInputStream(model.name(), new ByteArrayInputStream(model.content()));
			}
			long before = repositoryService.createDeploymentQuery().deploymentName(deployment.getKey()).count();
			// an unchanged deployment answers with the existing one
			String id = builder.deploy().getId();
			if (repositoryService.createDeploymentQuery().deploymentName(deployment.getKey()).count() > before) {
				deployed.add(id);
				log.info("Deployed {} with {}", deployment.getKey(),
						deployment.getValue().stream().map(Model::name).toList());
			}
		}
		return deployed;
	}
}
