package org.zhengpaopao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.util.unit.DataSize;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * The last resort of the API's error handling, which the bad-input corpus cannot reach (it finds no 500 left): it
 * tells nothing of the inside, and leaves a database outage and the security layer's refusals to those who answer
 * them with 503 and 403.
 */
class ProblemDetailsAdviceTests {

	final ProblemDetailsAdvice advice = new ProblemDetailsAdvice(DataSize.ofMegabytes(10));

	@Test
	void shouldAnswerTheUnexpectedWithAReferenceAndNothingOfTheInside() throws Exception {
		ProblemDetail problem = advice.unexpected(new IllegalStateException("SELECT * FROM zpp_proxy_run WHERE secret"));

		assertThat(problem.getStatus()).isEqualTo(500);
		assertThat(problem.getTitle()).isEqualTo("系统内部错误 / Internal error");
		assertThat(problem.getDetail()).doesNotContain("SELECT", "IllegalStateException")
			.contains((String) problem.getProperties().get("reference"));
	}

	@Test
	void shouldLeaveADatabaseOutageToTheFilterThatAnswers503() {
		var outage = new CannotCreateTransactionException("Could not open JDBC Connection");
		assertThatThrownBy(() -> advice.unexpected(outage)).isSameAs(outage);
	}

	@Test
	void shouldLeaveRefusalsToTheSecurityLayer() {
		var denied = new AccessDeniedException("denied");
		assertThatThrownBy(() -> advice.unexpected(denied)).isSameAs(denied);
	}

	@Test
	void shouldAnswerAnUploadOverTheMultipartLimitWith413() throws Exception {
		var tooLarge = new MaxUploadSizeExceededException(11 * 1024 * 1024);

		var answer = advice.handleException(tooLarge, new ServletWebRequest(new MockHttpServletRequest()));

		assertThat(answer.getStatusCode().value()).isEqualTo(413);
		ProblemDetail problem = (ProblemDetail) answer.getBody();
		assertThat(problem.getTitle()).isEqualTo("请求内容过大 / Request too large");
		assertThat(problem.getDetail()).isEqualTo("文件不能超过 10 MB / The file may not exceed 10 MB");
	}

	@Test
	void shouldQuoteInputOnlyInPartAndWithoutControlCharacters() {
		String detail = Problems.clean("没有这个代跑办件：\u0000\u202e" + "x".repeat(10_000));

		assertThat(detail).hasSizeLessThanOrEqualTo(Problems.MAX_DETAIL + 1).endsWith("…").doesNotContain("\u0000", "\u202e");
	}
}
