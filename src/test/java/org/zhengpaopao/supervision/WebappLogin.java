package org.zhengpaopao.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Logs into the Camunda webapps the way their login page does, so that a test can call {@code /api} with the
 * session a Cockpit plugin runs in. Camunda's CSRF prevention filter guards {@code /camunda/api/*}: a GET there
 * opens a session and hands out the token (cookie {@code XSRF-TOKEN}, response header {@code X-XSRF-TOKEN});
 * the login POST must send it back as the {@code X-XSRF-TOKEN} header on that session. A successful login
 * replaces the session (against session fixation), so the session to use is the one its answer sets.
 */
public final class WebappLogin {

	public static final String SESSION_COOKIE = "JSESSIONID";

	private WebappLogin() {
	}

	/** @return the {@code JSESSIONID} of the logged-in webapp session */
	public static String login(TestRestTemplate http, String user, String app) {
		ResponseEntity<String> login = attempt(http, user, app);
		assertThat(login.getStatusCode()).as("login of %s to %s", user, app).isEqualTo(HttpStatus.OK);
		return cookie(login, SESSION_COOKIE);
	}

	/** The login page's two requests; the answer of the login itself, whatever it is. */
	public static ResponseEntity<String> attempt(TestRestTemplate http, String user, String app) {
		ResponseEntity<String> fetch = http.getForEntity("/camunda/api/admin/auth/user/default", String.class);
		String anonymousSession = cookie(fetch, SESSION_COOKIE);
		String token = fetch.getHeaders().getFirst("X-XSRF-TOKEN");
		assertThat(anonymousSession).as("session opened by the first GET").isNotNull();
		assertThat(token).as("CSRF token handed out with it").isNotBlank();

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, SESSION_COOKIE + "=" + anonymousSession + "; XSRF-TOKEN=" + token);
		headers.add("X-XSRF-TOKEN", token);
		var form = new LinkedMultiValueMap<String, String>();
		form.add("username", user);
		form.add("password", "demo");
		ResponseEntity<String> login = http.exchange("/camunda/api/admin/auth/user/default/login/" + app,
				HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
		if (login.getStatusCode().is2xxSuccessful()) {
			assertThat(cookie(login, SESSION_COOKIE)).as("the login starts a fresh session")
				.isNotNull()
				.isNotEqualTo(anonymousSession);
		}
		return login;
	}

	public static HttpHeaders withSession(String session) {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, SESSION_COOKIE + "=" + session);
		return headers;
	}

	static String cookie(ResponseEntity<?> response, String name) {
		List<String> setCookies = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
		for (String setCookie : setCookies) {
			String pair = setCookie.split(";", 2)[0].trim();
			if (pair.startsWith(name + "=")) {
				return pair.substring(name.length() + 1);
			}
		}
		return null;
	}
}
