package org.zhengpaopao.identity;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhengpaopao.web.BodyReplayingRequest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * In front of the three doors staff log in through: HTTP Basic on {@code /api} and {@code /engine-rest}, and the
 * webapps' login form ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}}). A request that carries a user
 * name and password is first asked of {@link LoginFailures}: while its address, or its account on that address, has to
 * wait, it is answered 429 before the password is checked, whatever the password. Afterwards a 401 (the door's answer
 * to a wrong password) counts as a failure and anything else as a success. Requests without credentials pass
 * untouched: a 401 for them is no guess.
 * <p>
 * A servlet filter, not part of one security chain, because the three doors are three different mechanisms (Spring
 * Security, Camunda's engine REST filter, the webapps' JAX-RS login); it runs right after the request size limit and
 * the database outage filter. The password is never read here, let alone logged.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class LoginThrottle extends OncePerRequestFilter {

	static final String WEBAPP_LOGIN = "/camunda/api/admin/auth/user/";
	/** A login form is a user name and a password; anything this large is no login. */
	static final int MAX_LOGIN_FORM = 8 * 1024;

	private final LoginFailures failures;

	LoginThrottle(LoginFailures failures) {
		this.failures = failures;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return !(path.startsWith("/api/") || path.equals("/api") || path.startsWith("/engine-rest/")
				|| path.startsWith(WEBAPP_LOGIN));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// on the webapps' auth resource only the login form checks a password (its other answers may be 401 for a
		// visitor not yet logged in, whatever Basic header a browser replays)
		boolean webapps = request.getRequestURI().substring(request.getContextPath().length()).startsWith(WEBAPP_LOGIN);
		String account = webapps ? null : basicUser(request);
		if (webapps && isWebappLogin(request)) {
			byte[] form = request.getInputStream().readNBytes(MAX_LOGIN_FORM + 1);
			if (form.length > MAX_LOGIN_FORM) {
				SecurityConfiguration.problem(response, HttpStatus.PAYLOAD_TOO_LARGE, "请求内容过大 / Request too large",
						"登录表单过大 / The login form is too large");
				return;
			}
			account = formUser(new String(form, StandardCharsets.UTF_8));
			request = new BodyReplayingRequest(request, form);
		}
		if (account == null) {
			chain.doFilter(request, response);
			return;
		}
		LoginFailures.Attempt attempt = failures.begin(account, request.getRemoteAddr());
		if (!attempt.allowed()) {
			refuse(response, attempt.retryAfter());
			return;
		}
		chain.doFilter(request, response);
		// an exception on the way counts neither way: a claim the attempt holds runs out by itself
		if (response.getStatus() == HttpStatus.UNAUTHORIZED.value()) {
			failures.failed(attempt);
		}
		else {
			failures.succeeded(attempt);
		}
	}

	/** The user name of the request's HTTP Basic credentials; {@code null} without (or with undecodable ones). */
	static String basicUser(HttpServletRequest request) {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			// every door refuses credentials without a colon before checking any password
			return colon < 0 ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException notBase64) {
			return null;
		}
	}

	static boolean isWebappLogin(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return "POST".equals(request.getMethod()) && path.startsWith(WEBAPP_LOGIN) && path.contains("/login/");
	}

	/**
	 * The login form's user name, read as Camunda's login resource reads it ({@code @FormParam}); {@code null} unless
	 * the form has a user name and a password. Read from the body here rather than with {@code getParameter}, which
	 * would leave Jersey an empty body and a warning in the log for every login.
	 */
	static String formUser(String form) {
		String user = null;
		boolean password = false;
		for (String field : form.split("&")) {
			int equals = field.indexOf('=');
			String name = equals < 0 ? field : field.substring(0, equals);
			String value = equals < 0 ? "" : field.substring(equals + 1);
			try {
				name = URLDecoder.decode(name, StandardCharsets.UTF_8);
				if (name.equals("username") && user == null) {
					user = URLDecoder.decode(value, StandardCharsets.UTF_8);
				}
				password |= name.equals("password");
			}
			catch (IllegalArgumentException malformed) {
				// as Jersey: a field it cannot decode is no field
			}
		}
		return password ? user : null;
	}

	static void refuse(HttpServletResponse response, Duration retryAfter) throws IOException {
		long seconds = Math.max(1, retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0));
		response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
		String zh = seconds < 120 ? seconds + "秒" : (seconds + 59) / 60 + "分钟";
		String en = seconds < 120 ? seconds + " seconds" : (seconds + 59) / 60 + " minutes";
		SecurityConfiguration.problem(response, HttpStatus.TOO_MANY_REQUESTS, "登录失败次数过多 / Too many failed logins",
				"从此地址登录失败次数过多，请" + zh + "后再试；忘记密码请联系系统管理员 / Too many failed logins from this "
						+ "address; try again in " + en + ", or ask an administrator to reset your password");
	}
}
