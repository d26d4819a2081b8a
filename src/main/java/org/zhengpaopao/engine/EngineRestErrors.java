package org.zhengpaopao.engine;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskAlreadyClaimedException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.spring.boot.starter.webapp.CamundaBpmWebappInitializer;
import org.glassfish.jersey.server.ServerProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.boot.web.servlet.ServletContextInitializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessException;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;
import org.zhengpaopao.web.Problems;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletRegistration;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;

/**
 * Camunda's engine REST answers in Camunda's own error format ({@code type}, {@code message}), not with problem
 * details, and it is there twice: {@code /engine-rest} (the Modeler, other clients) and the webapps' own
 * {@code /camunda/api/engine/engine/{name}/...}, which Tasklist, Cockpit and Admin call. Left to itself it answers
 * 500 to a runner's mistakes: completing a task that is gone or not there yet, claiming a task someone else has, a
 * form value the process refuses (Camunda wraps whatever a task listener throws, and its complete and submit-form
 * turn every engine exception but a form-field validation into a 500, so even a {@code BadUserRequestException}
 * from a listener would be one). Here those become 400, 403, 404 and 409 with the process's own bilingual message,
 * which Tasklist shows; a failure of the database or of the application's code stays a 500 but without its SQL or
 * class names. Everything else keeps Camunda's answer. The same {@link #PROVIDERS}, with the
 * {@link TaskSubmissionGuard}, serve both paths.
 */
@Configuration(proxyBeanMethods = false)
class EngineRestErrors {

	private static final Logger log = LoggerFactory.getLogger(EngineRestErrors.class);

	/** The name under which Camunda's webapp initializer registers the webapps' engine REST servlet. */
	static final String WEBAPP_ENGINE_API = "Engine Api";

	/** Classes, not instances: Jersey makes them for the webapps' servlet from their names. */
	static final List<Class<?>> PROVIDERS = List.of(RestExceptions.class, EngineExceptions.class,
			OtherExceptions.class, TaskSubmissionGuard.class);

	@Bean
	ResourceConfigCustomizer engineRestErrorsAndTaskSubmissions(ObjectProvider<EngineApiProviders> features) {
		return config -> allProviders(features).forEach(config::register);
	}

	/** Ours and the features' ({@link EngineApiProviders}). */
	static List<Class<?>> allProviders(ObjectProvider<EngineApiProviders> features) {
		return Stream.concat(PROVIDERS.stream(), features.orderedStream().flatMap(f -> f.classes().stream())).toList();
	}

	/**
	 * The webapps' engine API is a Jersey servlet that Camunda's {@link CamundaBpmWebappInitializer} registers with
	 * Camunda's application class, out of reach of {@link ResourceConfigCustomizer}s; the servlet's init parameter
	 * {@value ServerProperties#PROVIDER_CLASSNAMES} adds providers to it. It can only be set once that initializer
	 * has run, and no order among servlet context initializers comes after Camunda's (it has the lowest
	 * precedence), so this wraps it. Fails the start if the servlet is not there, rather than leave Tasklist's path
	 * unguarded after an upgrade.
	 */
	@Bean
	static BeanPostProcessor webappEngineApiErrorsAndTaskSubmissions(ObjectProvider<EngineApiProviders> features) {
		return new BeanPostProcessor() {

			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof CamundaBpmWebappInitializer camunda)) {
					return bean;
				}
				return (ServletContextInitializer) context -> {
					camunda.onStartup(context);
					ServletRegistration api = context.getServletRegistration(WEBAPP_ENGINE_API);
					String providers = allProviders(features).stream()
						.map(Class::getName)
						.collect(Collectors.joining(","));
					if (api == null || !api.setInitParameter(ServerProperties.PROVIDER_CLASSNAMES, providers)) {
						throw new IllegalStateException("Camunda's webapp servlet \"" + WEBAPP_ENGINE_API
								+ "\" is missing or has providers already; Tasklist's task completions would go unchecked");
					}
				};
			}
		};
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
