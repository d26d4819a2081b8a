package org.zhengpaopao.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;

/**
 * {@code /actuator/health} as a load balancer or an operator reads it (anonymously: details are shown to
 * everyone). The tests run with {@code camunda.bpm.job-execution.enabled=false}, so the job executor reports that
 * it is switched off, without turning the node DOWN.
 */
@IntegrationTest
class HealthEndpointTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Test
	@SuppressWarnings("unchecked")
	void shouldReportTheDatabaseTheProcessEngineAndTheJobExecutor() {
		ResponseEntity<Map<String, Object>> response = http.exchange("/actuator/health", HttpMethod.GET, null, JSON);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(response.getBody()).containsEntry("status", "UP");
		Map<String, Map<String, Object>> components = (Map<String, Map<String, Object>>) response.getBody()
			.get("components");
		assertThat(components).containsKeys("db", "processEngine", "jobExecutor");

		assertThat(components.get("db")).containsEntry("status", "UP");
		assertThat((Map<String, Object>) components.get("db").get("details")).containsEntry("database", "H2");

		assertThat(components.get("processEngine")).containsEntry("status", "UP");
		assertThat((Map<String, Object>) components.get("processEngine").get("details")).containsEntry("name",
				"default");

		assertThat(components.get("jobExecutor")).containsEntry("status", "UP");
		assertThat((Map<String, Object>) components.get("jobExecutor").get("details")).containsEntry("enabled", false)
			.containsEntry("active", false)
			.containsKey("note");
	}
}
