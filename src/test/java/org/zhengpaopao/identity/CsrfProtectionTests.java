package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.WebappSession;
import org.zhengpaopao.proxyrun.ProxyRunStatistics;

/**
 * Forged requests change nothing. The webapps check Camunda's CSRF token on every change; on {@code /api} the webapp
 * session reads, and changes only where a staff page sends them (the window opening a case) with the session's own
 * token, so a change riding on the cookie alone finds no one logged in; and a change the browser marks as coming
 * from another site is refused even with HTTP Basic credentials, which a browser replays like cookies.
 */
@IntegrationTest
class CsrfProtectionTests {

	static final String PROBE_USER = "csrf-probe";
	static final String CREATE_USER = "/camunda/api/engine/engine/default/user/create";
	static final String CATALOG_ENTRY = "/api/catalog/matters/SX-001/entries/ZM-0042";

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentityService identityService;

	@Autowired
	ProxyRunStatistics statistics;

	@AfterEach
	void removeProbeUser() {
		if (probeUserExists()) {
			identityService.deleteUser(PROBE_USER);
		}
	}

	boolean probeUserExists() {
		return identityService.createUserQuery().userId(PROBE_USER).count() > 0;
	}

	static Map<String, Object> newUser() {
		return Map.of("profile", Map.of("id", PROBE_USER, "firstName", "探", "lastName", "针", "email", "probe@example.cn"),
				"credentials", Map.of("password", "Probe-password-2026"));
	}

	static Map<String, Object> proxyRun() {
		return Map.of("applicantName", "钱七", "idNumber", "330825199001014569", "phone", "13905706612",
				"townshipCode", "muchen", "villageCode", "muchen-shuangdai", "certificateCode", "ZM-0032",
				"usingDepartmentCode", "minzheng", "authorizedAtWindow", true);
	}

	static HttpHeaders json(HttpHeaders headers) {
		headers.setContentType(MediaType.APPLICATION_JSON);
		return headers;
	}

	static HttpHeaders basic(String user) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		return headers;
	}

	static void assertProblem(ResponseEntity<String> response, HttpStatus status) {
		assertThat(response.getStatusCode()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(response.getBody()).contains("\"status\":" + status.value());
	}

	// --- the webapps: Camunda's synchronizer token

	@Test
	void shouldRefuseAWebappPostWithoutCsrfToken() {
		WebappSession admin = WebappSession.login(http, "admin", "admin");

		var response = http.exchange(CREATE_USER, HttpMethod.POST, new HttpEntity<>(newUser(), json(admin.cookies())),
				String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(response.getHeaders().getFirst(WebappSession.TOKEN_HEADER)).isEqualTo("Required");
		assertThat(probeUserExists()).isFalse();
	}

	@Test
	void shouldRefuseAWebappPostWithAWrongCsrfToken() {
		WebappSession admin = WebappSession.login(http, "admin", "admin");
		String wrong = admin.csrfToken().startsWith("0") ? "1" + admin.csrfToken().substring(1)
				: "0" + admin.csrfToken().substring(1);

		var response = http.exchange(CREATE_USER, HttpMethod.POST,
				new HttpEntity<>(newUser(), json(admin.cookiesAndToken(wrong))), String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(probeUserExists()).isFalse();
	}

	@Test
	void shouldAcceptAWebappPostWithItsCsrfTokenFromTheSameOrigin() {
		WebappSession admin = WebappSession.login(http, "admin", "admin");
		HttpHeaders headers = json(admin.cookiesAndToken(admin.csrfToken()));
		headers.add(CrossSiteRequestRefusal.FETCH_SITE, "same-origin");

		var response = http.exchange(CREATE_USER, HttpMethod.POST, new HttpEntity<>(newUser(), headers), String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		assertThat(probeUserExists()).isTrue();
	}

	// --- /api: the webapp session reads, never writes

	@Test
	void shouldRefuseAnApiPostThatCarriesOnlyTheWebappSession() {
		WebappSession window = WebappSession.login(http, "window-minzheng-1", "tasklist");
		assertThat(http.exchange("/api/divisions", HttpMethod.GET, new HttpEntity<>(window.cookies()), String.class)
			.getStatusCode()).as("the session itself is good for reading").isEqualTo(HttpStatus.OK);
		long opened = statistics.countOpened();

		// even with the webapps' CSRF token: it means nothing to /api
		var response = http.exchange("/api/proxy-runs", HttpMethod.POST,
				new HttpEntity<>(proxyRun(), json(window.cookiesAndToken(window.csrfToken()))), String.class);

		assertProblem(response, HttpStatus.UNAUTHORIZED);
		assertThat(response.getBody()).contains("需要登录 / Authentication required");
		assertThat(statistics.countOpened()).isEqualTo(opened);
	}

	@Test
	void shouldRefuseAnApiPutThatCarriesOnlyTheWebappSession() {
		// the welcome page: a webapp every member of staff may log into
		WebappSession maintainer = WebappSession.login(http, "catalog-1", "welcome");
		int versions = catalogVersions();

		var response = http.exchange(CATALOG_ENTRY, HttpMethod.PUT,
				new HttpEntity<>(Map.of("disposition", "CANCELLED", "detail", "伪造的修改", "reason", "CSRF"),
						json(maintainer.cookies())),
				String.class);

		assertProblem(response, HttpStatus.UNAUTHORIZED);
		assertThat(catalogVersions()).isEqualTo(versions);
	}

	int catalogVersions() {
		var history = http.exchange(CATALOG_ENTRY + "/history", HttpMethod.GET, new HttpEntity<>(basic("catalog-1")),
				List.class);
		assertThat(history.getStatusCode()).isEqualTo(HttpStatus.OK);
		return history.getBody().size();
	}

	// --- /api: the window page's changes, with the session's own token

	@Test
	void shouldOpenARunFromTheWindowPageWithTheSessionsToken() {
		WebappSession window = WebappSession.login(http, "window-minzheng-1", "tasklist");
		String token = staffToken(window);
		long opened = statistics.countOpened();

		HttpHeaders headers = json(window.cookies());
		headers.add(StaffPageToken.HEADER, token);
		headers.add(CrossSiteRequestRefusal.FETCH_SITE, "same-origin");
		var response = http.exchange("/api/proxy-runs", HttpMethod.POST, new HttpEntity<>(proxyRun(), headers),
				String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(response.getBody()).contains("\"createdBy\":\"window-minzheng-1\"");
		assertThat(statistics.countOpened()).isEqualTo(opened + 1);
	}

	@Test
	void shouldRefuseAPageChangeWithAnotherSessionsTokenOrOffTheList() {
		WebappSession window = WebappSession.login(http, "window-minzheng-1", "tasklist");
		WebappSession other = WebappSession.login(http, "window-minzheng-1", "tasklist");
		String otherToken = staffToken(other);
		staffToken(window);
		long opened = statistics.countOpened();

		HttpHeaders foreign = json(window.cookies());
		foreign.add(StaffPageToken.HEADER, otherToken);
		assertProblem(http.exchange("/api/proxy-runs", HttpMethod.POST, new HttpEntity<>(proxyRun(), foreign),
				String.class), HttpStatus.UNAUTHORIZED);
		assertThat(statistics.countOpened()).isEqualTo(opened);

		// its own token, on a change no staff page sends: still needs HTTP Basic
		WebappSession maintainer = WebappSession.login(http, "catalog-1", "welcome");
		HttpHeaders offTheList = json(maintainer.cookies());
		offTheList.add(StaffPageToken.HEADER, staffToken(maintainer));
		int versions = catalogVersions();
		assertProblem(http.exchange(CATALOG_ENTRY, HttpMethod.PUT, new HttpEntity<>(
				Map.of("disposition", "CANCELLED", "detail", "伪造的修改", "reason", "CSRF"), offTheList), String.class),
				HttpStatus.UNAUTHORIZED);
		assertThat(catalogVersions()).isEqualTo(versions);
	}

	@Test
	void shouldImportACatalogWorkbookFromTheCatalogPageOnlyWithTheSessionsToken() {
		WebappSession maintainer = WebappSession.login(http, "catalog-1", "welcome");
		byte[] workbook = http.exchange("/api/catalog/export.xlsx", HttpMethod.GET, new HttpEntity<>(maintainer.cookies()),
				byte[].class).getBody();
		var form = new org.springframework.util.LinkedMultiValueMap<String, Object>();
		form.add("file", new HttpEntity<>(new org.springframework.core.io.ByteArrayResource(workbook) {
			@Override
			public String getFilename() {
				return "清单.xlsx";
			}
		}));

		HttpHeaders cookieOnly = maintainer.cookies();
		cookieOnly.setContentType(MediaType.MULTIPART_FORM_DATA);
		assertProblem(http.exchange("/api/catalog/imports", HttpMethod.POST, new HttpEntity<>(form, cookieOnly),
				String.class), HttpStatus.UNAUTHORIZED);

		HttpHeaders page = maintainer.cookies();
		page.setContentType(MediaType.MULTIPART_FORM_DATA);
		page.add(StaffPageToken.HEADER, staffToken(maintainer));
		page.add(CrossSiteRequestRefusal.FETCH_SITE, "same-origin");
		assertThat(http.exchange("/api/catalog/imports", HttpMethod.POST, new HttpEntity<>(form, page), String.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void shouldGiveNoTokenWithoutAWebappSession() {
		var anonymous = http.getForEntity("/api/session", Map.class);
		assertThat(anonymous.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(anonymous.getBody()).containsEntry("loggedIn", false).containsEntry("token", null);

		var basic = http.exchange("/api/session", HttpMethod.GET, new HttpEntity<>(basic("window-minzheng-1")), Map.class);
		assertThat(basic.getBody()).containsEntry("loggedIn", true).containsEntry("userId", "window-minzheng-1")
			.containsEntry("token", null);
	}

	String staffToken(WebappSession session) {
		var answer = http.exchange("/api/session", HttpMethod.GET, new HttpEntity<>(session.cookies()), Map.class);
		assertThat(answer.getBody()).containsEntry("loggedIn", true);
		return (String) answer.getBody().get("token");
	}

	// --- any door: what the browser says came from another site changes nothing

	@Test
	void shouldRefuseACrossSiteApiPostEvenWithBasicCredentials() {
		long opened = statistics.countOpened();

		for (String site : new String[] { "cross-site", "same-site" }) {
			HttpHeaders headers = json(basic("window-minzheng-1"));
			headers.add(CrossSiteRequestRefusal.FETCH_SITE, site);
			var response = http.exchange("/api/proxy-runs", HttpMethod.POST, new HttpEntity<>(proxyRun(), headers),
					String.class);
			assertProblem(response, HttpStatus.FORBIDDEN);
			assertThat(response.getBody()).contains("拒绝跨站请求 / Cross-site request refused");
		}
		assertThat(statistics.countOpened()).isEqualTo(opened);

		HttpHeaders own = json(basic("window-minzheng-1"));
		own.add(CrossSiteRequestRefusal.FETCH_SITE, "same-origin");
		assertThat(http.exchange("/api/proxy-runs", HttpMethod.POST, new HttpEntity<>(proxyRun(), own), String.class)
			.getStatusCode()).as("the same request from our own origin").isEqualTo(HttpStatus.CREATED);
		assertThat(statistics.countOpened()).isEqualTo(opened + 1);
	}

	@Test
	void shouldRefuseACrossSiteEngineRestPostEvenWithBasicCredentials() {
		HttpHeaders headers = json(basic("admin"));
		headers.add(CrossSiteRequestRefusal.FETCH_SITE, "cross-site");

		var response = http.exchange("/engine-rest/user/create", HttpMethod.POST, new HttpEntity<>(newUser(), headers),
				String.class);

		assertProblem(response, HttpStatus.FORBIDDEN);
		assertThat(probeUserExists()).isFalse();
	}
}
