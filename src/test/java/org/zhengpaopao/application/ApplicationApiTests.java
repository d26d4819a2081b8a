package org.zhengpaopao.application;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Matter;

/** Intake over HTTP as a window's front-end sends it. */
@IntegrationTest
class ApplicationApiTests {

	static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	Matter mixed() {
		return new Matters(catalog).with(Matters.allFour(), 1);
	}

	Map<String, Object> request(Matter matter) {
		Map<String, Object> request = new HashMap<>();
		request.put("applicantName", "王建国");
		request.put("idNumber", "330825198001011232");
		request.put("phone", "13905700001");
		request.put("townshipCode", "muchen");
		request.put("villageCode", "muchen-shuangdai");
		request.put("matterCode", matter.getCode());
		request.put("commitments", catalog.entriesInForce(matter.getCode())
			.stream()
			.filter(Matters.commitment())
			.map(CatalogEntry::getCertificateCode)
			.toList());
		return request;
	}

	ResponseEntity<Map<String, Object>> post(String user, Object body, String idempotencyKey) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (idempotencyKey != null) {
			headers.set("Idempotency-Key", idempotencyKey);
		}
		return http.exchange("/api/applications", HttpMethod.POST, new HttpEntity<>(body, headers), OBJECT);
	}

	String windowOf(Matter matter) {
		return "window-" + matter.getUsingDepartmentCode() + "-1";
	}

	long cases() {
		return jdbc.queryForObject("select count(*) from zpp_application", Long.class);
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldAnswerWithTheCaseNumberAndWhatWillHappenToEachCertificate() {
		Matter matter = mixed();

		var response = post(windowOf(matter), request(matter), null);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Map<String, Object> body = response.getBody();
		assertThat((String) body.get("caseNo")).matches("BJ\\d{8}-\\d{6}");
		assertThat(response.getHeaders().getLocation()).hasPath("/api/applications/" + body.get("caseNo"));
		assertThat(body).containsEntry("matterCode", matter.getCode()).containsEntry("idNumber", "330***********1232");
		var certificates = (List<Map<String, Object>>) body.get("certificates");
		assertThat(certificates).hasSize(catalog.entriesInForce(matter.getCode()).size());
		assertThat(certificates).extracting(c -> c.get("handling"))
			.contains("NOT_NEEDED", "VERIFY", "COMMITMENT", "PROXY");
		assertThat(certificates).allSatisfy(c -> assertThat((String) c.get("plan")).isNotBlank());
		assertThat(certificates).filteredOn(c -> "PROXY".equals(c.get("handling")))
			.allSatisfy(c -> assertThat((String) c.get("proxyRunCaseNo")).startsWith("DP"));
	}

	@Test
	void shouldTakeTheSameIntakeOnlyOnceForTheSameIdempotencyKey() {
		Matter matter = mixed();
		String key = UUID.randomUUID().toString();

		var first = post(windowOf(matter), request(matter), key);
		long afterFirst = cases();
		var again = post(windowOf(matter), request(matter), key);

		assertThat(first.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("caseNo")).isEqualTo(first.getBody().get("caseNo"));
		assertThat(cases()).isEqualTo(afterFirst);

		Map<String, Object> different = request(matter);
		different.put("phone", "13905700002");
		var conflict = post(windowOf(matter), different, key);
		assertThat(conflict.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(conflict.getBody().get("detail").toString()).contains(first.getBody().get("caseNo").toString());
		assertThat(cases()).isEqualTo(afterFirst);
	}

	@Test
	void shouldRefuseACertificateTheCatalogDoesNotKeepForTheMatter() {
		Matter matter = mixed();
		Map<String, Object> request = request(matter);
		request.put("requiredCertificates", List.of("ZM-9999"));
		long before = cases();

		var refused = post(windowOf(matter), request, null);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").toString()).contains("清单之外无证明");
		assertThat(refused.getBody().get("errors").toString()).contains("field=requiredCertificates");
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void shouldExplainBadInputAndStoreNothing() {
		Matter matter = mixed();
		long before = cases();
		Map<String, Object> badId = request(matter);
		badId.put("idNumber", "330825198001011233");
		Map<String, Object> unknownMatter = request(matter);
		unknownMatter.put("matterCode", "SX-999");
		Map<String, Object> wrongCommitment = request(matter);
		wrongCommitment.put("commitments", List.of(catalog.entriesInForce(matter.getCode())
			.stream()
			.filter(Matters.proxy())
			.findFirst()
			.orElseThrow()
			.getCertificateCode()));

		for (var body : List.of(badId, unknownMatter, wrongCommitment)) {
			var response = post(windowOf(matter), body, null);
			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(response.getHeaders().getContentType().toString()).contains("application/problem+json");
			assertThat(response.getBody().get("detail").toString()).isNotBlank();
		}
		var malformed = post(windowOf(matter), "{\"matterCode\": ", null);
		assertThat(malformed.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(cases()).isEqualTo(before);
	}

	@Test
	void shouldLetOnlyWindowStaffTakeApplications() {
		Matter matter = mixed();
		assertThat(post("runner-county-1", request(matter), null).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(post("nobody", request(matter), null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}
}
