package org.zhengpaopao.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.rest.util.EngineUtil;
import org.camunda.bpm.engine.task.Task;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Both doors of the engine REST ({@code /engine-rest}, the webapps' {@code /camunda/api/engine}) for everybody but
 * admins: a request not on {@link EngineRequests} is a 403 before Jersey even looks for its resource. Camunda's
 * {@code TASK_WORK} lets a candidate do more than Tasklist offers (throw a BPMN error with any variables, claim for
 * somebody else, unclaim a colleague), and a list of what is forbidden always misses the next endpoint.
 * <p>
 * A claimed task is its holder's: a claim is only for oneself, and only the holder or the task force gives a claim
 * back. Camunda's unclaim needs {@code TASK_ASSIGN}, which nobody but admins has (it would also let them hand the task
 * to anyone), so for them the guard gives it back itself, with Camunda's claim to nobody, which {@code TASK_WORK}
 * allows; the engine still checks that the caller works on the task.
 * <p>
 * Runs on the engine the path names and as the caller that Camunda's authentication filter (the webapps' session
 * filter on their path) has set on it, as {@code TaskSubmissionGuard} does.
 */
@PreMatching
@Priority(Priorities.AUTHORIZATION)
class EngineAccessGuard implements ContainerRequestFilter {

	private static final Pattern ENGINE = Pattern.compile("^/?engine(?:/([^/]+))?(/.*)?$");
	private static final Pattern CLAIM = Pattern.compile("^/task/([^/;]+)/(claim|unclaim)$");
	private static final ObjectMapper JSON = new ObjectMapper();

	@Override
	public void filter(ContainerRequestContext request) throws IOException {
		String path = request.getUriInfo().getPath(false);
		String engineName = null;
		String below = path.startsWith("/") ? path : "/" + path;
		Matcher engine = ENGINE.matcher(path);
		if (engine.matches()) {
			engineName = engine.group(1);
			below = engineName == null ? "/engine" : engine.group(2) == null ? "/" : engine.group(2);
		}
		ProcessEngine processEngine = EngineUtil.lookupProcessEngine(engineName);
		if (processEngine == null) {
			return; // no engine to reach: Camunda answers that itself
		}
		Authentication caller = processEngine.getIdentityService().getCurrentAuthentication();
		List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
		if (groups.contains(Groups.ADMINS)) {
			return;
		}
		if (!EngineRequests.allows(request.getMethod(), below, EngineRequests.Audience.of(groups))) {
			request.abortWith(notAllowed(request.getMethod(), below));
			return;
		}
		Matcher claim = CLAIM.matcher(below);
		if (caller != null && request.getMethod().equals("POST") && claim.matches()) {
			holdClaim(request, processEngine, caller, claim.group(1), claim.group(2).equals("unclaim"));
		}
	}

	private void holdClaim(ContainerRequestContext request, ProcessEngine engine, Authentication caller, String taskId,
			boolean unclaim) throws IOException {
		String claimant = null;
		if (!unclaim) {
			byte[] body = request.getEntityStream().readAllBytes();
			request.setEntityStream(new ByteArrayInputStream(body));
			try {
				JsonNode userId = body.length == 0 ? null : JSON.readTree(body).get("userId");
				claimant = userId == null || userId.isNull() ? null : userId.asText();
			}
			catch (IOException e) {
				return; // not JSON: Camunda answers that itself
			}
			if (claimant != null) {
				if (!claimant.equals(caller.getUserId())) {
					request.abortWith(refusal("只能为自己认领任务 / You may claim a task only for yourself"));
				}
				return;
			}
		}
		// giving a claim back (Camunda's claim without a user is the same)
		Task task = engine.getTaskService().createTaskQuery().taskId(taskId).singleResult();
		if (task == null || task.getAssignee() == null) {
			return; // the engine answers a task the caller may not see, or has nothing to give back
		}
		boolean taskForce = caller.getGroupIds().contains(Groups.TASK_FORCE);
		if (!task.getAssignee().equals(caller.getUserId()) && !taskForce) {
			request.abortWith(refusal("该任务已由 " + task.getAssignee() + " 认领，只有认领人或工作专班可以取消认领 / The task "
					+ "has been claimed by " + task.getAssignee() + "; only they or the task force may give it back"));
			return;
		}
		if (unclaim) {
			engine.getTaskService().claim(taskId, null);
			request.abortWith(Response.noContent().build());
		}
	}

	/** In Camunda's error format, which Tasklist shows. */
	private static Response refusal(String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "AuthorizationException");
		body.put("message", message);
		return Response.status(403).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}

	/**
	 * A problem detail; {@code message} repeats the detail because that is the field Tasklist and Cockpit show in
	 * their error notice.
	 */
	private static Response notAllowed(String method, String path) throws IOException {
		if (path.length() > 200) {
			path = path.substring(0, 200) + "…";
		}
		String detail = "您的岗位不能通过引擎接口发送此请求（" + method + " " + path + "） / Your role may not send this request to "
				+ "the engine (" + method + " " + path + ")";
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", "不允许的引擎请求 / Engine request not allowed");
		body.put("status", 403);
		body.put("detail", detail);
		body.put("message", detail);
		return Response.status(403).type("application/problem+json").entity(JSON.writeValueAsString(body)).build();
	}
}
