package org.zhengpaopao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;

/** The seeded catalog and divisions as a window clerk reads them. */
@IntegrationTest
class CatalogApiTests {

	@Autowired
	TestRestTemplate http;

	<T> ResponseEntity<T> get(String path, ParameterizedTypeReference<T> type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth("window-renshe-1", "demo");
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), type);
	}

	@Test
	void shouldListTheSeededCatalogWithEveryFieldAWindowNeeds() {
		var all = get("/api/catalog/certificates", new ParameterizedTypeReference<List<Map<String, Object>>>() {
		}).getBody();
		assertThat(all).hasSizeGreaterThanOrEqualTo(30);
		assertThat(all).allSatisfy(c -> assertThat(c).containsKeys("code", "name", "issuingDepartmentCode",
				"issuingLevel", "legalBasis", "disposition", "deadlineWorkingDays"));
		assertThat(all).extracting(c -> c.get("disposition")).contains("CANCELLED", "SHARED", "REPLACED", "PROXY");
	}

	@Test
	void shouldFilterByDispositionAndIssuingLevel() {
		var villageProxyRuns = get("/api/catalog/certificates?disposition=PROXY&issuingLevel=VILLAGE",
				new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).getBody();
		assertThat(villageProxyRuns).isNotEmpty().allSatisfy(c -> {
			assertThat(c).containsEntry("disposition", "PROXY").containsEntry("issuingLevel", "VILLAGE");
			assertThat((Integer) c.get("deadlineWorkingDays")).isPositive();
		});
		var bad = get("/api/catalog/certificates?disposition=MAYBE", new ParameterizedTypeReference<Map<String, Object>>() {
		});
		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody()).containsEntry("title", "请求数据有误 / Invalid request");
	}

	@Test
	void shouldListTheFifteenTownshipsWithTheirVillages() {
		var townships = get("/api/divisions", new ParameterizedTypeReference<List<Map<String, Object>>>() {
		}).getBody();
		assertThat(townships).hasSize(15);
		assertThat(townships).extracting(t -> t.get("type"))
			.filteredOn("SUBDISTRICT"::equals)
			.hasSize(2);
		assertThat(townships).extracting(t -> t.get("type")).filteredOn("TOWN"::equals).hasSize(6);
		assertThat(townships).extracting(t -> t.get("code")).contains("huzhen", "muchen");
		assertThat(townships).allSatisfy(t -> assertThat((List<?>) t.get("villages")).isNotEmpty());
	}
}
