package org.zhengpaopao.web;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * Every error of the application API is an RFC 9457 problem detail whose title and detail a clerk can
 * read (Chinese first, then English) and whose {@code errors} name the fields to correct. Errors the framework
 * raises get the same bilingual titles; anything unforeseen is a 500 that names a reference for the log and
 * nothing of the system's inside.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

	static final URI INVALID_INPUT = URI.create("https://zhengpaopao.org/problems/invalid-input");

	/** the one upload's limit, named in the answer to a larger file */
	private final long documentMaxSize;

	ProblemDetailsAdvice(@Value("${zhengpaopao.documents.max-size:10MB}") DataSize documentMaxSize) {
		this.documentMaxSize = documentMaxSize.toBytes();
	}

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException e) {
		return invalid(List.of(new FieldProblem(e.field(), e.bilingualMessage())));
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		return problem(HttpStatus.NOT_FOUND, e.getMessage());
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		return problem(HttpStatus.CONFLICT, e.getMessage());
	}

	/** Two people changed the same thing at once; the second may look again and retry. */
	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(OptimisticLockingFailureException e) {
		return problem(HttpStatus.CONFLICT, "数据刚被他人修改，请刷新后重试 / Someone else changed this just now; reload and try again");
	}

	@ExceptionHandler(RequestSizeLimit.TooLargeException.class)
	ProblemDetail tooLarge(RequestSizeLimit.TooLargeException e) {
		return problem(HttpStatus.PAYLOAD_TOO_LARGE, e.getMessage());
	}

	/** Refusals decided by a controller (a case that is not the caller's to see in full), not by the URL rules. */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		return problem(HttpStatus.FORBIDDEN, e.getMessage());
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		return invalid(List.of(new FieldProblem(e.getName(), "格式不正确 / has the wrong format")));
	}

	/**
	 * An upload beyond {@code spring.servlet.multipart.max-file-size}, which is the document limit: a body sent
	 * without a declared length passes the request size limit and is measured here.
	 */
	@Override
	protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE)
			.body(problem(HttpStatus.PAYLOAD_TOO_LARGE, RequestSizeLimit.fileTooLarge(documentMaxSize)));
	}

	/** A JSON endpoint sent a multipart body that does not even parse as one. */
	@ExceptionHandler(MultipartException.class)
	ProblemDetail notMultipart(MultipartException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, MEDIA_TYPE);
	}

	/**
	 * The last resort: logged in full under a reference that the answer names, so that support can find it,
	 * while the caller learns nothing of the inside. Refusals of the security layer and an unreachable database
	 * go on to the filters that answer them (403/401, and 503).
	 */
	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception e) throws Exception {
		if (e instanceof AccessDeniedException || e instanceof AuthenticationException
				|| DatabaseOutageFilter.databaseUnreachable(e)) {
			throw e;
		}
		String reference = UUID.randomUUID().toString().substring(0, 8);
		log.error("意外错误，参考号 {} / unexpected error, reference {}", reference, reference, e);
		ProblemDetail problem = problem(HttpStatus.INTERNAL_SERVER_ERROR,
				"处理请求时出错，请稍后重试或联系管理员（参考号 " + reference + "） / The request could not be processed; "
						+ "try again later or tell the administrator (reference " + reference + ")");
		problem.setProperty("reference", reference);
		return problem;
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problems = new ArrayList<FieldProblem>();
		for (FieldError error : e.getBindingResult().getFieldErrors()) {
			problems.add(new FieldProblem(error.getField(), error.getDefaultMessage()));
		}
		return ResponseEntity.badRequest().body(invalid(problems));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problems = new ArrayList<FieldProblem>();
		e.getParameterValidationResults().forEach(result -> {
			String name = result.getMethodParameter().getParameterName();
			for (MessageSourceResolvable error : result.getResolvableErrors()) {
				problems.add(new FieldProblem(name, error.getDefaultMessage()));
			}
		});
		return ResponseEntity.badRequest().body(invalid(problems));
	}

	@Override
	protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(invalid(List.of(new FieldProblem(e.getParameterName(), "必填 / is required"))));
	}

	/**
	 * A body that is not JSON, or JSON that does not fit: the answer names the field when there is one (an
	 * unknown field, a value of the wrong type, a field given twice) and says what it should be.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		InvalidInputException invalid = cause(e, InvalidInputException.class);
		if (invalid != null) {
			return ResponseEntity.badRequest().body(invalidInput(invalid));
		}
		RequestSizeLimit.TooLargeException tooLarge = cause(e, RequestSizeLimit.TooLargeException.class);
		if (tooLarge != null) {
			return ResponseEntity.status(HttpStatus.PAYLOAD_TOO_LARGE).body(tooLarge(tooLarge));
		}
		JsonProcessingException json = cause(e, JsonProcessingException.class);
		String field = JsonProblems.field(json);
		String message = JsonProblems.message(json);
		if (field == null || field.isEmpty()) {
			ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, message);
			problem.setType(INVALID_INPUT);
			return ResponseEntity.badRequest().body(problem);
		}
		return ResponseEntity.badRequest().body(invalid(List.of(new FieldProblem(field, message))));
	}

	private static final String MEDIA_TYPE = "请求内容应为 JSON（Content-Type: application/json） / "
			+ "The request body must be JSON (Content-Type: application/json)";

	/**
	 * Whatever the framework answers by itself (unknown address, wrong method or content type, …) gets the same
	 * bilingual title and a detail that does not quote its English internals.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception e, Object body, HttpHeaders headers,
			HttpStatusCode status, WebRequest request) {
		if (body == null && e instanceof ErrorResponse response) {
			body = response.updateAndGetBody(getMessageSource(), LocaleContextHolder.getLocale());
		}
		if (body instanceof ProblemDetail problem) {
			// ours are bilingual already (e.g. the public pages' lock-out); the framework's are English
			if (problem.getTitle() == null || !problem.getTitle().contains(" / ")) {
				problem.setTitle(Problems.title(status.value()));
			}
			if (e instanceof HttpMediaTypeNotSupportedException) {
				problem.setDetail(MEDIA_TYPE);
			}
			else if (e instanceof HttpRequestMethodNotSupportedException method) {
				problem.setDetail("该地址不支持 " + method.getMethod() + " 请求，可用：" + supported(method) + " / "
						+ "This address does not take " + method.getMethod() + "; it takes " + supported(method));
			}
			else if (e instanceof NoResourceFoundException) {
				problem.setDetail(Problems.detail(404));
			}
			else if (problem.getDetail() == null || !problem.getDetail().contains(" / ")) {
				problem.setDetail(Problems.detail(status.value()));
			}
			clean(problem);
		}
		return super.handleExceptionInternal(e, body, headers, status, request);
	}

	private static String supported(HttpRequestMethodNotSupportedException e) {
		return e.getSupportedMethods() == null ? "-" : String.join(", ", e.getSupportedMethods());
	}

	private static <T extends Throwable> T cause(Throwable e, Class<T> type) {
		for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (type.isInstance(cause)) {
				return type.cast(cause);
			}
		}
		return null;
	}

	static ProblemDetail problem(HttpStatus status, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, Problems.clean(detail));
		problem.setTitle(Problems.title(status.value()));
		return problem;
	}

	static ProblemDetail invalid(List<FieldProblem> problems) {
		var detail = new StringBuilder();
		for (FieldProblem p : problems) {
			if (!detail.isEmpty()) {
				detail.append("; ");
			}
			detail.append(p.field()).append(": ").append(p.message());
		}
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, detail.toString());
		problem.setType(INVALID_INPUT);
		problem.setProperty("errors", problems.stream()
			.map(p -> Map.of("field", Problems.clean(p.field()), "message", Problems.clean(p.message())))
			.toList());
		return problem;
	}

	private static void clean(ProblemDetail problem) {
		problem.setDetail(Problems.clean(problem.getDetail()));
	}

	record FieldProblem(String field, String message) {
	}
}
