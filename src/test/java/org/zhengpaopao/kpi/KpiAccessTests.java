package org.zhengpaopao.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.WebappSession;

/**
 * The KPIs are for 跑改办 and 督考办 ({@code managers}) and admins only: with HTTP Basic, or with the webapp session
 * the dashboard page runs in. The page itself is served to anyone and holds no data.
 */
@IntegrationTest
class KpiAccessTests {

	static final List<String> PATHS = List.of("/api/kpi?month=2025-01", "/api/kpi/rates?month=2025-01",
			"/api/kpi/report.xlsx?month=2025-01", "/api/kpi/matter-rates?date=2025-01-31");

	@Autowired
	TestRestTemplate http;

	HttpStatus basic(String user, String path) {
		return HttpStatus.valueOf(http.withBasicAuth(user, "demo").getForEntity(path, byte[].class).getStatusCode().value());
	}

	@Test
	void shouldRefuseAnonymousCallers() {
		for (String path : PATHS) {
			var response = http.getForEntity(path, String.class);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	@Test
	void shouldRefuseEveryoneButManagersAndAdmins() {
		for (String path : PATHS) {
			for (String user : List.of("window-renshe-1", "runner-huzhen-1", "clerk-minzheng-1", "taskforce-1",
					"designer-1", "catalog-1")) {
				assertThat(basic(user, path)).as(user + " " + path).isEqualTo(HttpStatus.FORBIDDEN);
			}
			assertThat(basic("manager-1", path)).as("manager-1 " + path).isEqualTo(HttpStatus.OK);
			assertThat(basic("admin", path)).as("admin " + path).isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void shouldLetAManagerLoggedIntoCockpitReadTheKpisLikeTheDashboardDoes() {
		WebappSession session = WebappSession.login(http, "manager-1", "cockpit");
		for (String path : PATHS) {
			var response = http.exchange(path, HttpMethod.GET, new HttpEntity<>(session.cookies()), byte[].class);
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		}
	}

	@Test
	void shouldRefuseTheKpisToARunnersTasklistSession() {
		WebappSession session = WebappSession.login(http, "runner-huzhen-1", "tasklist");
		var response = http.exchange(PATHS.get(0), HttpMethod.GET, new HttpEntity<>(session.cookies()),
				String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldServeTheDashboardPageInChinese() {
		var page = http.getForEntity("/kpi/", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
		assertThat(page.getBody()).contains("<html lang=\"zh-CN\"", "证跑跑考核指标看板", "dashboard.js");
		assertThat(http.getForEntity("/kpi/dashboard.js", String.class).getBody()).contains("/api/kpi");
		assertThat(http.getForEntity("/kpi/dashboard.css", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
		// a short address to hand out: /kpi redirects to the page (the test client follows the redirect)
		var bare = http.getForEntity("/kpi", String.class);
		assertThat(bare.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(bare.getBody()).contains("证跑跑考核指标看板");
	}
}
