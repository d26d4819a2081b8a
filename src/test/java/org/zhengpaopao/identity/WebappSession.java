package org.zhengpaopao.identity;

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
 * A login to the Camunda webapps as their login page does it (see supervision.WebappLogin), keeping the session's
 * CSRF token too: a GET under {@code /camunda/api} hands it out (header and cookie {@code XSRF-TOKEN}) and every
 * change must send it back in the {@code X-XSRF-TOKEN} header.
 */
record WebappSession(String id, String csrfToken) {

	static final String SESSION_COOKIE = "JSESSIONID";
	static final String TOKEN_HEADER = "X-XSRF-TOKEN";
	static final String WHO_AM_I = "/camunda/api/admin/auth/user/default";

	static WebappSession login(TestRestTemplate http, String user, String app) {
		ResponseEntity<String> fetch = http.getForEntity(WHO_AM_I, String.class);
		String anonymousSession = setCookie(fetch, SESSION_COOKIE).map(WebappSession::value).orElseThrow();
		String token = fetch.getHeaders().getFirst(TOKEN_HEADER);
		assertThat(token).as("CSRF token handed out with the first GET").isNotBlank();

		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, SESSION_COOKIE + "=" + anonymousSession);
		headers.add(TOKEN_HEADER, token);
		var form = new LinkedMultiValueMap<String, String>();
		form.add("username", user);
		form.add("password", "demo");
		ResponseEntity<String> login = http.exchange(WHO_AM_I + "/login/" + app, HttpMethod.POST,
				new HttpEntity<>(form, headers), String.class);
		assertThat(login.getStatusCode()).as("login of %s to %s", user, app).isEqualTo(HttpStatus.OK);
		String session = setCookie(login, SESSION_COOKIE).map(WebappSession::value).orElseThrow();

		// the login starts a fresh session; it keeps the token, or the next GET hands out a new one
		ResponseEntity<String> next = http.exchange(WHO_AM_I, HttpMethod.GET,
				new HttpEntity<>(new WebappSession(session, null).cookies()), String.class);
		assertThat(next.getStatusCode()).isEqualTo(HttpStatus.OK);
		String renewed = next.getHeaders().getFirst(TOKEN_HEADER);
		return new WebappSession(session, renewed != null ? renewed : token);
	}

	/** Only the session cookie, as a browser sends it along with any request to this site. */
	HttpHeaders cookies() {
		HttpHeaders headers = new HttpHeaders();
		headers.add(HttpHeaders.COOKIE, SESSION_COOKIE + "=" + id);
		return headers;
	}

	/** The session cookie and the given CSRF token, as the webapps' scripts send a change. */
	HttpHeaders cookiesAndToken(String token) {
		HttpHeaders headers = cookies();
		headers.add(TOKEN_HEADER, token);
		return headers;
	}

	/** The whole Set-Cookie line for the cookie, attributes included. */
	static Optional<String> setCookie(ResponseEntity<?> response, String name) {
		List<String> setCookies = response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE);
		return setCookies.stream().filter(line -> line.startsWith(name + "=")).findFirst();
	}

	static String value(String setCookie) {
		return setCookie.split(";", 2)[0].split("=", 2)[1];
	}
}
