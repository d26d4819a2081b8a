package org.zhengpaopao.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.zhengpaopao.IntegrationTest;

@IntegrationTest
class ApiDocsTests {

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldDescribeTheApplicationApiInOpenApi() {
		// for those who run the system (OperationsEndpointsTests): the API's shape is no business of strangers
		String docs = http.withBasicAuth("manager-1", "demo").getForObject("/v3/api-docs", String.class);
		assertThat(docs).contains("\"/api/proxy-runs\"", "\"/api/proxy-runs/{caseNo}\"", "\"/api/calendar/deadline\"",
				"\"/api/catalog/certificates\"", "\"/api/divisions\"", "\"/public/api/track\"", "basicAuth");
		assertThat(http.withBasicAuth("manager-1", "demo").getForEntity("/swagger-ui/index.html", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldAnswerUnknownApiPathsWithAProblemDetail() {
		var response = http.withBasicAuth("manager-1", "demo").getForEntity("/api/nothing-here", String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(response.getHeaders().getContentType().toString()).startsWith("application/problem+json");
	}
}
