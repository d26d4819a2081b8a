package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

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
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * The security headers on real answers: our pages under a strict Content-Security-Policy and framed by no one, the
 * webapps under Camunda's own policy, answers with personal data never stored by the browser or a proxy.
 */
@IntegrationTest
class SecurityHeadersTests {

	static final String STRICT_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
			+ "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	/** What the strict policy would block: inline scripts, event-handler attributes, style attributes and elements. */
	static final Pattern INLINE_CODE = Pattern
		.compile("<script(?![^>]*\\bsrc=)[^>]*>|\\son[a-z]+\\s*=|\\sstyle\\s*=|<style", Pattern.CASE_INSENSITIVE);

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	ResponseEntity<String> get(String path, HttpHeaders headers) {
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
	}

	static void assertEveryAnswersHeaders(ResponseEntity<?> response, String frameOptions) {
		HttpHeaders headers = response.getHeaders();
		assertThat(headers.get("X-Content-Type-Options")).as("nosniff").isNotEmpty().allMatch("nosniff"::equals);
		assertThat(headers.get("X-Frame-Options")).as("frame options").containsExactly(frameOptions);
		assertThat(headers.getFirst("Referrer-Policy")).isEqualTo("same-origin");
	}

	static void assertNotStored(ResponseEntity<?> response) {
		assertThat(response.getHeaders().getCacheControl()).contains("no-store");
	}

	@Test
	void shouldServeThePublicPagesUnderTheStrictPolicyWithoutInlineCode() {
		for (String page : List.of("/public/authorize", "/public/track", "/public/rate")) {
			var response = get(page, new HttpHeaders());

			assertThat(response.getStatusCode()).as(page).isEqualTo(HttpStatus.OK);
			assertThat(response.getHeaders().get("Content-Security-Policy")).as(page).containsExactly(STRICT_POLICY);
			assertEveryAnswersHeaders(response, "DENY");
			assertThat(INLINE_CODE.matcher(response.getBody()).find()).as("inline code in %s", page).isFalse();
			String script = page + ".js";
			assertThat(response.getBody()).contains("<script src=\"" + script + "\"></script>");
			var code = get(script, new HttpHeaders());
			assertThat(code.getStatusCode()).as(script).isEqualTo(HttpStatus.OK);
			assertThat(code.getHeaders().getContentType().toString()).startsWith("text/javascript");
			assertThat(code.getBody()).contains("'/public/api/");
		}
	}

	@Test
	void shouldServeTheKpiPageUnderTheStrictPolicyWithoutInlineCode() {
		for (String path : List.of("/kpi/", "/kpi/dashboard.js")) {
			var response = get(path, new HttpHeaders());
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
			assertThat(response.getHeaders().get("Content-Security-Policy")).as(path).containsExactly(STRICT_POLICY);
			assertEveryAnswersHeaders(response, "DENY");
		}
		assertThat(INLINE_CODE.matcher(get("/kpi/", new HttpHeaders()).getBody()).find()).isFalse();
		assertThat(get("/kpi/dashboard.js", new HttpHeaders()).getBody()).as("style attributes are refused")
			.doesNotContain("style:");
	}

	@Test
	void shouldServeTheWindowPagesUnderTheStrictPolicyWithoutInlineCode() {
		for (String path : List.of("/window/", "/window/window.js", "/window/receipts/BJ20261201-000001",
				"/window/receipt.js")) {
			var response = get(path, new HttpHeaders());
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
			assertThat(response.getHeaders().get("Content-Security-Policy")).as(path).containsExactly(STRICT_POLICY);
			assertEveryAnswersHeaders(response, "DENY");
		}
		assertThat(INLINE_CODE.matcher(get("/window/", new HttpHeaders()).getBody()).find()).isFalse();
		assertThat(INLINE_CODE.matcher(get("/window/receipts/BJ20261201-000001", new HttpHeaders()).getBody()).find())
			.isFalse();
	}

	@Test
	void shouldServeTheCatalogPageUnderTheStrictPolicyWithoutInlineCode() {
		for (String path : List.of("/catalog/", "/catalog/catalog.js", "/catalog/catalog.css")) {
			var response = get(path, new HttpHeaders());
			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
			assertThat(response.getHeaders().get("Content-Security-Policy")).as(path).containsExactly(STRICT_POLICY);
			assertEveryAnswersHeaders(response, "DENY");
		}
		assertThat(INLINE_CODE.matcher(get("/catalog/", new HttpHeaders()).getBody()).find()).isFalse();
		assertThat(get("/catalog/catalog.js", new HttpHeaders()).getBody()).as("style attributes are refused")
			.doesNotContain("style.");
	}

	@Test
	void shouldNeverLetAnApiAnswerBeStored() {
		HttpHeaders manager = new HttpHeaders();
		manager.setBasicAuth("manager-1", "demo");
		var response = get("/api/divisions", manager);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertNotStored(response);
		assertEveryAnswersHeaders(response, "DENY");
	}

	@Test
	void shouldNeverLetAPublicApiAnswerBeStored() {
		String phone = "13905706621";
		String caseNo = proxyRuns.open(new NewProxyRun("孙八", "330825199001014569", phone, "muchen", "muchen-shuangdai",
				"ZM-0032", "minzheng", true), "window-minzheng-1").getCaseNo();
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);

		var response = http.exchange("/public/api/track", HttpMethod.POST,
				new HttpEntity<>(Map.of("caseNo", caseNo, "phone", phone), headers), String.class);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).contains(caseNo);
		assertNotStored(response);
		assertEveryAnswersHeaders(response, "DENY");
	}

	@Test
	void shouldLeaveTheWebappsUnderCamundasOwnPolicy() {
		var tasklist = get("/camunda/app/tasklist/default/", new HttpHeaders());

		assertThat(tasklist.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<String> policies = tasklist.getHeaders().get("Content-Security-Policy");
		assertThat(policies).as("Camunda's policy alone, with a nonce for its own scripts").singleElement()
			.asString()
			.contains("script-src 'nonce-", "object-src 'none'", "base-uri 'self'")
			.isNotEqualTo(STRICT_POLICY);
		assertEveryAnswersHeaders(tasklist, "SAMEORIGIN");
	}

	@Test
	void shouldGiveSwaggerUiAPolicyOfItsOwn() {
		HttpHeaders manager = new HttpHeaders();
		manager.setBasicAuth("manager-1", "demo");
		var swagger = get("/swagger-ui/index.html", manager);

		assertThat(swagger.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(swagger.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self';",
				"style-src 'self' 'unsafe-inline';", "frame-ancestors 'none'");
		assertEveryAnswersHeaders(swagger, "DENY");
	}
}
