package org.zhengpaopao.engine;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * What Tasklist may send when a task is completed through engine REST, {@code /engine-rest} or the webapps'
 * {@code /camunda/api/engine} (which Tasklist itself calls), checked against the task's Camunda Form before the
 * engine sees it. Camunda completes a task with whatever variables the request carries; Tasklist
 * sends the form's fields, but any other client could set any process variable this way: the issuing clerks'
 * group of a run (and so issue a certificate as a runner), its case number, the delivery confirmation while the
 * certificate is still being fetched. So:
 * <ul>
 * <li>only the assignee completes a claimed task (Camunda lets every candidate do it); admins may;</li>
 * <li>every variable must be a field of the task's form;</li>
 * <li>the form's read-only fields (the case number, the certificate, …), which Tasklist sends back as shown,
 * must keep their values.</li>
 * </ul>
 * What a value means (the choices, the lengths, a refusal needs a reason) is the process's to check, in its task
 * listeners. Runs on the engine the path names (the default one without a name), as Camunda's resource does, and
 * as the caller, whom Camunda's authentication filter (the webapps' session filter on their path) has set on that
 * engine: a task the caller may not see is left for the engine to refuse.
 */
class TaskSubmissionGuard implements ContainerRequestFilter {

	private static final Pattern COMPLETION = Pattern
		.compile("^/?(?:engine/([^/]+)/)?task/([^/]+)/(?:complete|submit-form|resolve)/?$");
	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void filter(ContainerRequestContext request) throws IOException {
		Matcher completion = COMPLETION.matcher(request.getUriInfo().getPath());
		if (!request.getMethod().equals("POST") || !completion.matches()) {
			return;
		}
		byte[] body = request.getEntityStream().readAllBytes();
		request.setEntityStream(new ByteArrayInputStream(body));
		ProcessEngine engine = EngineUtil.lookupProcessEngine(completion.group(1));
		if (engine == null) {
			return; // Camunda answers an unknown engine itself
		}
		Task task = engine.getTaskService().createTaskQuery().taskId(completion.group(2)).singleResult();
		Authentication caller = engine.getIdentityService().getCurrentAuthentication();
		if (task == null || caller == null) {
			return;
		}
		boolean admin = caller.getGroupIds() != null && caller.getGroupIds().contains(Groups.CAMUNDA_ADMIN);
		if (task.getAssignee() != null && !task.getAssignee().equals(caller.getUserId()) && !admin) {
			request.abortWith(EngineRestErrors.error(403, "AuthorizationException", "该任务已由 " + task.getAssignee()
					+ " 认领，只有认领人可以办理 / The task has been claimed by " + task.getAssignee()
					+ "; only they may complete it"));
			return;
		}
		JsonNode variables;
		try {
			variables = body.length == 0 ? JSON.createObjectNode() : JSON.readTree(body).path("variables");
		}
		catch (IOException e) {
			return; // not JSON: Camunda answers that itself
		}
		Map<String, Boolean> fields = formFields(engine, task);
		if (fields == null) {
			return;
		}
		List<String> readOnly = new ArrayList<>();
		for (Iterator<String> names = variables.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!fields.containsKey(name)) {
				request.abortWith(EngineRestErrors.error(400, "InvalidRequestException", name + ": 不是「" + task.getName()
						+ "」表单中的字段 / is not a field of the form of \"" + task.getName() + "\""));
				return;
			}
			if (fields.get(name)) {
				readOnly.add(name);
			}
		}
		if (!readOnly.isEmpty()) {
			VariableMap current = engine.getFormService().getTaskFormVariables(task.getId(), readOnly, true);
			for (String name : readOnly) {
				if (!same(current.get(name), variables.get(name).path("value"))) {
					request.abortWith(EngineRestErrors.error(400, "InvalidRequestException",
							name + ": 只读字段，不能修改 / is read-only and may not be changed"));
					return;
				}
			}
		}
	}

	private static boolean same(Object current, JsonNode submitted) {
		String sent = submitted.isMissingNode() || submitted.isNull() ? "" : submitted.asText();
		return Objects.toString(current, "").equals(sent);
	}

	/**
	 * The keys of the task's Camunda Form, each with whether it is read-only; null when the task has no such form
	 * (then there is nothing to hold the request against).
	 */
	private static Map<String, Boolean> formFields(ProcessEngine engine, Task task) throws IOException {
		InputStream form;
		try {
			form = engine.getFormService().getDeployedTaskForm(task.getId());
		}
		catch (ProcessEngineException e) {
			return null;
		}
		try (form) {
			Map<String, Boolean> fields = new HashMap<>();
			collect(JSON.readTree(form), fields);
			return fields;
		}
	}

	private static void collect(JsonNode node, Map<String, Boolean> fields) {
		for (JsonNode component : node.path("components")) {
			if (component.hasNonNull("key")) {
				fields.put(component.get("key").asText(),
						component.path("readonly").asBoolean(false) || component.path("disabled").asBoolean(false));
			}
			collect(component, fields);
		}
	}
}
