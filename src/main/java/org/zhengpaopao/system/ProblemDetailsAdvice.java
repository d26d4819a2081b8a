package org.zhengpaopao.system;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Every error of the application API is an RFC 9457 problem detail whose title and detail a clerk can
 * read (Chinese first, then English) and whose {@code errors} name the fields to correct.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

	static final URI INVALID_INPUT = URI.create("https://zhengpaopao.org/problems/invalid-input");

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalidInput(InvalidInputException e) {
		return invalid(List.of(new FieldProblem(e.field(), e.bilingualMessage())));
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
		problem.setTitle("未找到 / Not found");
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
		problem.setTitle("当前状态不允许此操作 / Not allowed in the current state");
		return problem;
	}

	/** Refusals decided by a controller (a case that is not the caller's to see in full), not by the URL rules. */
	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException e) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
		problem.setTitle("无权操作 / Forbidden");
		return problem;
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
		return invalid(List.of(new FieldProblem(e.getName(), "格式不正确 / has the wrong format")));
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

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"请求内容不是有效的 JSON，或字段类型不对 / The request body is not valid JSON or a field has the wrong type");
		problem.setType(INVALID_INPUT);
		problem.setTitle("请求数据有误 / Invalid request");
		return ResponseEntity.badRequest().body(problem);
	}

	static ProblemDetail invalid(List<FieldProblem> problems) {
		var detail = new StringBuilder();
		for (FieldProblem p : problems) {
			if (!detail.isEmpty()) {
				detail.append("; ");
			}
			detail.append(p.field()).append(": ").append(p.message());
		}
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, detail.toString());
		problem.setType(INVALID_INPUT);
		problem.setTitle("请求数据有误 / Invalid request");
		problem.setProperty("errors", problems.stream()
			.map(p -> Map.of("field", p.field(), "message", p.message()))
			.toList());
		return problem;
	}

	record FieldProblem(String field, String message) {
	}
}
