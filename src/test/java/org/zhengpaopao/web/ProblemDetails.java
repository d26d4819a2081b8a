package org.zhengpaopao.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultMatcher;

/**
 * What a client of the API reads in an error (RFC 9457 problem details, docs/security.md, "Bad input"): for the
 * controllers' slice tests, which check the answers the bad-input corpus and the API tests check over HTTP.
 */
public final class ProblemDetails {

	/** Chinese, then English: {@code 请求数据有误 / Invalid request} */
	static final String BILINGUAL = ".*\\p{IsHan}.* / .*[A-Za-z].*";

	private ProblemDetails() {
	}

	/** 400 naming exactly one field, with its message, in the detail and in {@code errors}. */
	public static ResultMatcher invalidField(String field, String message) {
		return ResultMatcher.matchAll(problem(400, "请求数据有误 / Invalid request"),
				jsonPath("$.type").value("https://zhengpaopao.org/problems/invalid-input"),
				jsonPath("$.detail").value(field + ": " + message), jsonPath("$.errors.length()").value(1),
				jsonPath("$.errors[0].field").value(field), jsonPath("$.errors[0].message").value(message));
	}

	/** A problem detail of this status and title, with a detail in Chinese and English. */
	public static ResultMatcher problem(int status, String title) {
		return ResultMatcher.matchAll(status().is(status),
				content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON),
				jsonPath("$.status").value(status), jsonPath("$.title").value(title),
				jsonPath("$.detail").value(matchesPattern(BILINGUAL)));
	}

	/** A problem detail of this status and title whose detail says this. */
	public static ResultMatcher problem(int status, String title, String detailPart) {
		return ResultMatcher.matchAll(problem(status, title), jsonPath("$.detail").value(containsString(detailPart)));
	}
}
