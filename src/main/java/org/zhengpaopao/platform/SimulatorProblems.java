package org.zhengpaopao.platform;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The platform simulator's own refusals, as problem details with a Chinese and an English message. */
final class SimulatorProblems {

	private SimulatorProblems() {
	}

	/** 429 with Retry-After: too many codes for a phone, or too many wrong tries of one. */
	static ErrorResponseException tooMany(String zh, String en, Duration retryAfter) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, zh + " / " + en);
		problem.setType(URI.create("https://zhengpaopao.org/problems/too-many-attempts"));
		problem.setTitle("尝试次数过多 / Too many attempts");
		ErrorResponseException e = new ErrorResponseException(HttpStatus.TOO_MANY_REQUESTS, problem, null);
		e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter.toSeconds()));
		return e;
	}

	/** The phone is not (or no longer) confirmed: 401, the page asks for a code again. */
	static ErrorResponseException notConfirmed() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"手机号验证已失效，请重新获取验证码 / the phone confirmation has expired; ask for a new code");
		problem.setTitle("未验证手机号 / Phone not confirmed");
		return new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
	}
}
