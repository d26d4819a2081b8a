package org.zhengpaopao;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/**
 * A login to the Camunda webapps as their login page does it, so that a test can act with the session a Cockpit
 * or Tasklist plugin runs in. Camunda's CSRF prevention filter guards {@code /camunda/api/*}: a GET there opens a
 * session and hands out the token (header and cookie {@code XSRF-TOKEN}); the login POST, and every change after
 * it, must send it back in the {@code X-XSRF-TOKEN} header. A successful login replaces the session (against
 * session fixation), so the session to use is the one its answer sets.
 */
public record WebappSession(String id, String csrfToken) {

	public static final String SESSION_COOKIE = "JSESSIONID";
	public static final String TOKEN_HEADER = "X-XSRF-TOKEN";
	public static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";

	public static WebappSession login(TestRestTemplate http, String user, String app) {
		WebappSession anonymous = visit(http);
		ResponseEntity<String> login = anonymous.logIn(http, user, app);
		assertThat(login.getStatusCode()).as("login of %s to %s", user, app).isEqualTo(HttpStatus.OK);
		String session = setCookie(login, SESSION_COOKIE).map(WebappSession::value).orElseThrow();
		assertThat(session).as("the login starts a fresh session").isNotEqualTo(anonymous.id());

		// it keeps the token, or the next GET hands out a new one
		ResponseEntity<String> next = http.exchange(WHO_AM_I, HttpMethod.GET,
				new HttpEntity<>(new WebappSession(session, null).cookies()), String.class);
		assertThat(next.getStatusCode()).isEqualTo(HttpStatus.OK);
		String renewed = next.getHeaders().getFirst(TOKEN_HEADER);
		return new WebappSession(session, renewed != null ? renewed : anonymous.csrfToken());
	}

	/** The login page's two requests; the login's answer, whatever it is (403 for a user without the app). */
	public static ResponseEntity<String> attempt(TestRestTemplate http, String user, String app) {
		return visit(http).logIn(http, user, app);
	}

	/** The first GET: an anonymous session and its CSRF token. */
	public static WebappSession visit(TestRestTemplate http) {
		ResponseEntity<String> fetch = http.getForEntity(WHO_AM_I, String.class);
		String anonymousSession = setCookie(fetch, SESSION_COOKIE).map(WebappSession::value).orElseThrow();
		String token = fetch.getHeaders().getFirst(TOKEN_HEADER);
		assertThat(token).as("CSRF token handed out with the first GET").isNotBlank();
		return new WebappSession(anonymousSession, token);
	}

	private ResponseEntity<String> logIn(TestRestTemplate http, String user, String app) {
		HttpHeaders headers = cookiesAndToken(csrfToken);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		var form = new LinkedMultiValueMap<String, String>();
		form.add("username", user);
		form.add("password", "demo");
		return http.exchange(WHO_AM_I + "/login/" + app, HttpMethod.POST, new HttpEntity<>(form, headers),
				String.class);
	}

	/** Only the session cookie, as a browser sends it along with any request to this site. */
	public HttpHeaders cookies() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, SESSION_COOKIE + "=" + id);
		return headers;
	}

	/** The session cookie and the given CSRF token, as the webapps' scripts send a change. */
	public HttpHeaders cookiesAndToken(String token) {
		HttpHeaders headers = cookies();
		headers.add(TOKEN_HEADER, token);
		return headers;
	}

	/** The whole Set-Cookie line for the cookie, attributes included. */
	public static Optional<String> setCookie(ResponseEntity<?> response, String name) {
		List<String> setCookies = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
		return setCookies.stream().filter(line -> line.startsWith(name + "=")).findFirst();
	}

	public static String value(String setCookie) {
		return setCookie.split(";", 2)[0].split("=", 2)[1];
	}
}
