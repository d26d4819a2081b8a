package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.WebappSession;

/**
 * The attributes of the cookies the webapps set, read from real Set-Cookie headers. The session: HttpOnly, SameSite
 * Lax, Secure whenever the request came over HTTPS (here through a proxy on this machine that says so with
 * X-Forwarded-Proto, which Tomcat believes from private addresses). The CSRF token: SameSite Lax and readable by the
 * webapps' scripts, which copy it into the X-XSRF-TOKEN header. (Secure always in prod:
 * ProductionSettingsCheckTests.)
 */
@IntegrationTest
class SessionCookieTests {

	@Autowired
	TestRestTemplate http;

	ResponseEntity<String> firstVisit(HttpHeaders headers) {
		return http.exchange(WebappSession.WHO_AM_I, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	/** The cookie's attributes after its value, as written ("HttpOnly", "SameSite=Lax"), in lower case. */
	static List<String> attributes(String setCookie) {
		return Arrays.stream(setCookie.split(";")).skip(1).map(String::trim).map(String::toLowerCase).toList();
	}

	/** Only one SameSite attribute, or a browser is left to pick one. */
	static void assertLax(List<String> attributes) {
		assertThat(attributes.stream().filter(a -> a.startsWith("samesite"))).containsExactly("samesite=lax");
	}

	static String sessionCookie(ResponseEntity<?> response) {
		return WebappSession.setCookie(response, WebappSession.SESSION_COOKIE)
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.getHeaders()));
	}

	static String tokenCookie(ResponseEntity<?> response) {
		return WebappSession.setCookie(response, "XSRF-TOKEN")
			.orElseThrow(() -> new AssertionError("no XSRF-TOKEN cookie in " + response.getHeaders()));
	}

	@Test
	void shouldKeepTheSessionCookieFromScriptsAndOtherSitesOverPlainHttp() {
		List<String> session = attributes(sessionCookie(firstVisit(new HttpHeaders())));

		assertThat(session).contains("httponly");
		assertLax(session);
		assertThat(session).as("plain HTTP: a Secure cookie would not come back").doesNotContain("secure");
	}

	@Test
	void shouldMarkTheSessionCookieSecureWhenTheProxySaysHttps() {
		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Forwarded-Proto", "https");
		var response = firstVisit(headers);

		assertThat(attributes(sessionCookie(response))).contains("secure", "httponly");
		assertLax(attributes(sessionCookie(response)));
		assertThat(response.getHeaders().getFirst("Strict-Transport-Security")).as("HTTPS from now on")
			.startsWith("max-age=");
	}

	@Test
	void shouldKeepTheCsrfTokenCookieReadableByTheWebappsButNotByOtherSites() {
		var response = firstVisit(new HttpHeaders());
		String token = tokenCookie(response);

		assertThat(attributes(token)).contains("path=/camunda");
		assertLax(attributes(token));
		assertThat(attributes(token)).as("the webapps' scripts read it").doesNotContain("httponly");
		assertThat(WebappSession.value(token)).isEqualTo(response.getHeaders().getFirst(WebappSession.TOKEN_HEADER));
	}

	@Test
	void shouldGiveTheLoggedInSessionTheSameAttributes() {
		HttpHeaders proxied = new HttpHeaders();
		proxied.add("X-Forwarded-Proto", "https");
		var fetch = firstVisit(proxied);
		String anonymous = WebappSession.value(sessionCookie(fetch));

		HttpHeaders headers = new HttpHeaders();
		headers.add("X-Forwarded-Proto", "https");
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		headers.add(HttpHeaders.COOKIE, WebappSession.SESSION_COOKIE + "=" + anonymous);
		headers.add(WebappSession.TOKEN_HEADER, fetch.getHeaders().getFirst(WebappSession.TOKEN_HEADER));
		var form = new LinkedMultiValueMap<String, String>();
		form.add("username", "runner-huzhen-1");
		form.add("password", "demo");
		var login = http.exchange(WebappSession.WHO_AM_I + "/login/tasklist", HttpMethod.POST,
				new HttpEntity<>(form, headers), String.class);

		assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
		String session = sessionCookie(login);
		assertThat(WebappSession.value(session)).as("a fresh session after login").isNotEqualTo(anonymous);
		assertThat(attributes(session)).contains("secure", "httponly");
		assertLax(attributes(session));
	}
}
