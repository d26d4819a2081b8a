package org.zhengpaopao.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

/**
 * Who may read the overdue runs: 督考办, 工作专班 and admins, with HTTP Basic or, for reading, the webapp session
 * the Cockpit plugin runs in. The controller is not here yet, so a let-through shows as anything but 401/403.
 */
@IntegrationTest
class SupervisionAccessTests {

	static final String OVERDUE = "/api/supervision/overdue?page=0&size=20";

	@Autowired
	TestRestTemplate http;

	ResponseEntity<String> getWithBasic(String user, String path) {
		return http.withBasicAuth(user, "demo").getForEntity(path, String.class);
	}

	ResponseEntity<String> getWithSession(WebappSession session, String path) {
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(session.cookies()), String.class);
	}

	@Test
	void shouldRefuseAnonymousCallers() {
		var response = http.getForEntity(OVERDUE, String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
	}

	@Test
	void shouldShowOverdueRunsOnlyToManagersTaskForceAndAdmins() {
		assertThat(getWithBasic("runner-huzhen-1", OVERDUE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(getWithBasic("window-minzheng-1", OVERDUE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(getWithBasic("clerk-huzhen-1", OVERDUE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		for (String watcher : new String[] { "manager-1", "taskforce-1", "admin" }) {
			assertThat(getWithBasic(watcher, OVERDUE).getStatusCode()).as(watcher)
				.isNotIn(HttpStatus.UNAUTHORIZED, HttpStatus.FORBIDDEN);
		}
	}

	@Test
	void shouldLetAManagersCockpitSessionReadTheApi() {
		WebappSession session = WebappSession.login(http, "manager-1", "cockpit");
		assertThat(getWithSession(session, OVERDUE).getStatusCode()).isNotIn(HttpStatus.UNAUTHORIZED,
				HttpStatus.FORBIDDEN);
		var again = getWithSession(session, "/api/divisions");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getHeaders().get(HttpHeaders.SET_COOKIE)).as("the webapp session keeps its id").isNull();
	}

	@Test
	void shouldRefuseTheOverdueListToARunnersTasklistSession() {
		WebappSession session = WebappSession.login(http, "runner-huzhen-1", "tasklist");
		assertThat(getWithSession(session, OVERDUE).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(getWithSession(session, "/api/divisions").getStatusCode()).as("the runner is known, just not allowed")
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldNotLetAWebappSessionChangeAnything() {
		WebappSession session = WebappSession.login(http, "window-minzheng-1", "tasklist");
		HttpHeaders headers = session.cookies();
		headers.setContentType(MediaType.APPLICATION_JSON);
		var body = Map.of("applicantName", "李四", "idNumber", "330825199001014569", "phone", "13905705678",
				"townshipCode", "muchen", "villageCode", "muchen-shuangdai", "certificateCode", "ZM-0032",
				"usingDepartmentCode", "minzheng", "authorizedAtWindow", true);
		var response = http.exchange("/api/proxy-runs", HttpMethod.POST, new HttpEntity<>(body, headers),
				String.class);
		assertThat(response.getStatusCode()).as("a window clerk with Basic may open runs; with the session not")
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldIgnoreASessionThatNeverLoggedIn() {
		assertThat(getWithSession(WebappSession.visit(http), OVERDUE).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}
}
