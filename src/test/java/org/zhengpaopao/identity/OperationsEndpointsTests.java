package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.WebappSession;

/**
 * What the application tells about its inside: metrics, the actuator's other endpoints and the API description are
 * for managers and admins; health and info stay open for load balancers and probes. The same rule holds in every
 * profile, so this demo-profile context checks what production runs (docs/adr/0004-production-exposure.md).
 */
@IntegrationTest
class OperationsEndpointsTests {

	static final List<String> FOR_OPERATORS = List.of("/actuator/prometheus", "/actuator/metrics",
			"/actuator/metrics/jvm.memory.used", "/actuator", "/v3/api-docs", "/v3/api-docs/swagger-config",
			"/swagger-ui.html", "/swagger-ui/index.html");

	static final List<String> OPEN = List.of("/actuator/health", "/actuator/health/readiness",
			"/actuator/health/liveness", "/actuator/info");

	@Autowired
	TestRestTemplate http;

	ResponseEntity<String> get(String user, String path) {
		return (user == null ? http : http.withBasicAuth(user, "demo")).getForEntity(path, String.class);
	}

	@Test
	void shouldAskStrangersToLogIn() {
		for (String path : FOR_OPERATORS) {
			var response = get(null, path);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
			assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).as(path).startsWith("Basic");
			assertThat(response.getBody()).as(path).doesNotContain("jvm_", "/api/proxy-runs");
		}
	}

	@Test
	void shouldRefuseStaffWhoDoNotRunTheSystem() {
		for (String user : new String[] { "runner-huzhen-1", "window-ziranziyuan-1", "taskforce-1", "designer-1" }) {
			for (String path : FOR_OPERATORS) {
				assertThat(get(user, path).getStatusCode()).as("%s %s", user, path).isEqualTo(HttpStatus.FORBIDDEN);
			}
		}
	}

	@Test
	void shouldShowManagersAndAdminsTheMetricsAndTheApiDescription() {
		for (String user : new String[] { "manager-1", "admin" }) {
			assertThat(get(user, "/actuator/prometheus").getBody()).as(user).contains("jvm_memory_used_bytes");
			assertThat(get(user, "/actuator/metrics").getBody()).as(user).contains("\"names\"");
			assertThat(get(user, "/v3/api-docs").getBody()).as(user).contains("\"/api/proxy-runs\"");
			assertThat(get(user, "/swagger-ui/index.html").getStatusCode()).as(user).isEqualTo(HttpStatus.OK);
			// springdoc answers the short address with a redirect to index.html
			assertThat(get(user, "/swagger-ui.html").getStatusCode()).as(user)
				.matches(status -> status.is2xxSuccessful() || status.is3xxRedirection());
		}
	}

	@Test
	void shouldLetAManagersCockpitSessionReadTheApiDescription() {
		WebappSession session = WebappSession.login(http, "manager-1", "cockpit");
		var docs = http.exchange("/v3/api-docs", HttpMethod.GET, new HttpEntity<>(session.cookies()), String.class);
		assertThat(docs.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(docs.getBody()).contains("\"/api/proxy-runs\"");
	}

	@Test
	void shouldKeepHealthOpenForProbes() {
		for (String path : OPEN) {
			assertThat(get(null, path).getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		}
		assertThat(get(null, "/actuator/health").getBody()).contains("\"status\":\"UP\"");
	}
}
