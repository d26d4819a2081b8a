package org.zhengpaopao.publicguard;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A locked case number or client address on the public pages: 429 with Retry-After. The same answer for a locked
 * number and a locked address, and for numbers that exist and numbers that do not. As an
 * {@link ErrorResponseException} it is rendered, with its headers, by the problem-details handler every controller
 * already has.
 */
public class TooManyAttemptsException extends ErrorResponseException {

	static final URI TYPE = URI.create("https://zhengpaopao.org/problems/too-many-attempts");

	TooManyAttemptsException(Duration retryAfter) {
		this(retryAfter, problem(retryAfter, "输入错误次数过多，请%d分钟后再试；如需帮助，请到办事窗口咨询",
				"Too many failed attempts; please try again in %d %s, or ask at the service window"));
	}

	private TooManyAttemptsException(Duration retryAfter, ProblemDetail problem) {
		super(HttpStatus.TOO_MANY_REQUESTS, problem, null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds(retryAfter)));
	}

	/** Too many reports from one address on the public report page. */
	static TooManyAttemptsException tooManyReports(Duration retryAfter) {
		return new TooManyAttemptsException(retryAfter, problem(retryAfter,
				"同一网络提交举报过于频繁，请%d分钟后再试；也可拨打12345热线反映",
				"Too many reports from this network; please try again in %d %s, or call the 12345 hotline"));
	}

	private static ProblemDetail problem(Duration retryAfter, String zh, String en) {
		long minutes = (seconds(retryAfter) + 59) / 60;
		var problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
				zh.formatted(minutes) + " / " + en.formatted(minutes, minutes == 1 ? "minute" : "minutes"));
		problem.setType(TYPE);
		problem.setTitle("尝试次数过多 / Too many attempts");
		return problem;
	}

	/** Whole seconds, rounded up, at least one: a client that waits exactly this long finds the lock gone. */
	private static long seconds(Duration retryAfter) {
		return Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
	}
}
