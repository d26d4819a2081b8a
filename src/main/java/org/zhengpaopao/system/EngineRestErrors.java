package org.zhengpaopao.system;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * The engine REST API that Tasklist uses answers in Camunda's own error format ({@code type}, {@code message}),
 * not with problem details. Left to itself it answers 500 to a runner's mistakes: completing a task that is gone
 * or not there yet, claiming a task someone else has, a form value the process refuses (Camunda wraps whatever a
 * task listener throws, and its complete and submit-form turn every engine exception but a form-field validation
 * into a 500, so even a {@code BadUserRequestException} from a listener would be one). Here those become 400, 403,
 * 404 and 409 with the process's own bilingual message, which Tasklist shows; a failure of the database or of
 * the application's code stays a 500 but without its SQL or class names. Everything else keeps Camunda's answer.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

	private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

	@Bean
	ResourceConfigCustomizer engineRestErrorsAndTaskSubmissions(ProcessEngine engine) {
		return config -> config.register(RestExceptions.class)
			.register(EngineExceptions.class)
			.register(OtherExceptions.class)
			.register(new TaskSubmissionGuard(engine));
	}

	/** Before Camunda's mappers of the same exception types. */
	@Priority(1)
	static class RestExceptions implements ExceptionMapper<RestException> {

		@Override
		public Response toResponse(RestException e) {
			return answer(e);
		}
	}

	@Priority(1)
	static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {

		@Override
		public Response toResponse(ProcessEngineException e) {
			return answer(e);
		}
	}

	/** What a delegate throws as it is (it is no engine exception), and failures outside the engine. */
	@Priority(1)
	static class OtherExceptions implements ExceptionMapper<RuntimeException> {

		@Override
		public Response toResponse(RuntimeException e) {
			return answer(e);
		}
	}

	static Response answer(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof InvalidInputException invalid) {
				return error(400, "InvalidRequestException", invalid.field() + ": " + invalid.bilingualMessage());
			}
			if (cause instanceof ConflictException || cause instanceof NotFoundException) {
				return error(cause instanceof ConflictException ? 409 : 404, cause.getClass().getSimpleName(),
						cause.getMessage());
			}
			if (cause instanceof TaskAlreadyClaimedException claimed) {
				return error(409, "TaskAlreadyClaimedException", "该任务已由 " + claimed.getTaskAssignee()
						+ " 认领 / The task has been claimed by " + claimed.getTaskAssignee());
			}
			if (cause instanceof NullValueException && cause.getMessage() != null
					&& cause.getMessage().contains("Cannot find task")) {
				return error(404, "NotFoundException", "任务不存在或已办结（可能已由他人办理，或代跑已结束） / "
						+ "The task does not exist or is done (someone else may have completed it, or the run has ended)");
			}
			if (cause instanceof DataAccessException || cause instanceof SQLException) {
				String reference = UUID.randomUUID().toString().substring(0, 8);
				log.error("引擎接口意外错误，参考号 {} / unexpected engine REST error, reference {}", reference, reference, e);
				return error(500, "InternalError", "处理请求时出错，请稍后重试或联系管理员（参考号 " + reference + "） / "
						+ "The request could not be processed; try again later or tell the administrator (reference "
						+ reference + ")");
			}
		}
		return ExceptionHandlerHelper.getInstance().getResponse(e);
	}

	static Response error(int status, String type, String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", type);
		body.put("message", Problems.clean(message));
		body.put("code", null);
		return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
	}
}
