package org.zhengpaopao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.zhengpaopao.TasklistUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;

/** The seeded catalog as a window clerk reads it, and its maintenance as a catalog maintainer does it. */
@IntegrationTest
class CatalogApiTests {

	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};
	static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Catalog catalog;

	<T> ResponseEntity<T> call(String user, HttpMethod method, String path, Object body,
			ParameterizedTypeReference<T> type) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		return http.exchange(path, method, new HttpEntity<>(body, headers), type);
	}

	<T> ResponseEntity<T> get(String path, ParameterizedTypeReference<T> type) {
		return call("window-renshe-1", HttpMethod.GET, path, null, type);
	}

	@Test
	void shouldCountThePublishedTalliesFromTheCatalogItself() {
		var tallies = get("/api/catalog/tallies", LIST).getBody();

		assertThat(tallies).filteredOn(t -> Integer.valueOf(1).equals(t.get("batch")))
			.singleElement()
			.satisfies(first -> assertThat(first).containsEntry("list", "2018年3月第一批")
				.containsEntry("cancelled", 23)
				.containsEntry("shared", 50)
				.containsEntry("replaced", 88)
				.containsEntry("proxyRun", 0)
				.containsEntry("total", 161));
		assertThat(tallies).filteredOn(t -> Integer.valueOf(2).equals(t.get("batch")))
			.singleElement()
			.satisfies(second -> assertThat(second).containsEntry("list", "2018年9月第二批")
				.containsEntry("cancelled", 76)
				.containsEntry("shared", 54)
				.containsEntry("replaced", 77)
				.containsEntry("proxyRun", 23)
				.containsEntry("total", 230));
	}

	@Test
	void shouldListMattersOfBothKindsWithTheirOneIdFlag() {
		var matters = get("/api/catalog/matters", LIST).getBody();
		assertThat(matters).hasSizeGreaterThanOrEqualTo(100);
		assertThat(matters).extracting(m -> m.get("category")).contains("LIVELIHOOD", "ENTERPRISE");

		var oneId = get("/api/catalog/matters?oneId=true", LIST).getBody();
		assertThat(oneId).isNotEmpty().allSatisfy(m -> assertThat(m).containsEntry("oneId", true));
		assertThat(oneId.size()).isLessThan(matters.size());
		// a one-ID matter lists nothing that the ID card alone does not satisfy
		var details = get("/api/catalog/matters/" + oneId.get(0).get("code"), OBJECT).getBody();
		assertThat((List<Map<String, Object>>) details.get("entries")).allSatisfy(e -> assertThat(
				e.get("disposition").equals("CANCELLED") || e.get("disposition").equals("SHARED")
						|| "LICENCE".equals(e.get("replacement")))
			.isTrue());

		var notOneId = get("/api/catalog/matters?oneId=false", LIST).getBody();
		var other = get("/api/catalog/matters/" + notOneId.get(0).get("code"), OBJECT).getBody();
		assertThat((List<Map<String, Object>>) other.get("entries"))
			.anySatisfy(e -> assertThat(e.get("disposition").equals("PROXY") || "COMMITMENT".equals(e.get("replacement")))
				.isTrue());
	}

	@Test
	void shouldListEveryCertificateWithItsIssuerAndFetchingTime() {
		var all = get("/api/catalog/certificates", LIST).getBody();
		assertThat(all).hasSizeGreaterThanOrEqualTo(46);
		assertThat(all).allSatisfy(c -> {
			assertThat(c).containsKeys("code", "name", "issuingDepartmentCode", "issuingLevel", "legalBasis");
			assertThat((Integer) c.get("fetchWorkingDays")).isPositive();
		});
	}

	@Test
	void shouldFindAMatterByPartOfItsNameItsPinyinOrItsInitials() {
		for (String q : List.of("zdsh", "zuidi", "ZUI DI", "最低生活")) {
			var found = get("/api/catalog/matters?q=" + q, LIST).getBody();
			assertThat(found).as(q).first().satisfies(m -> assertThat(m).containsEntry("code", "SX-001")
				.containsEntry("name", "最低生活保障申请")
				.containsEntry("category", "LIVELIHOOD")
				.containsKey("oneId"));
			assertThat(found).as(q).extracting(m -> (String) m.get("name")).allMatch(name -> name.startsWith("最低"));
		}
		assertThat(get("/api/catalog/matters?q=低生活", LIST).getBody()).extracting(m -> m.get("code"))
			.containsExactly("SX-001", "SX-002");
		// the filters still apply to what was found
		assertThat(get("/api/catalog/matters?q=zdsh&category=ENTERPRISE", LIST).getBody()).isEmpty();
		assertThat(get("/api/catalog/matters?q=qqqqq", LIST).getBody()).isEmpty();
		assertThat(get("/api/catalog/matters?q= ", LIST).getBody()).as("blank: everything, as without q")
			.isEqualTo(get("/api/catalog/matters", LIST).getBody());
	}

	@Test
	void shouldFindACertificateByNameOrPinyinBestMatchFirst() {
		assertThat(get("/api/catalog/certificates?q=wfzjl", LIST).getBody()).first()
			.satisfies(c -> assertThat(c).containsEntry("code", "ZM-0001")
				.containsEntry("name", "无犯罪记录证明")
				.containsEntry("issuingDepartmentCode", "gongan"));
		// the name that is exactly what was typed, then the names that begin with it
		assertThat(get("/api/catalog/certificates?q=户籍证明", LIST).getBody()).extracting(c -> c.get("name"))
			.first()
			.isEqualTo("户籍证明");
		assertThat(get("/api/catalog/certificates?q=hk", LIST).getBody()).extracting(c -> (String) c.get("name"))
			.contains("户口注销证明", "户口迁移证明");
	}

	@Test
	void shouldRefuseASearchTooLongOrWithControlCharactersNamingTheParameter() {
		Map<String, String> refusals = Map.of("/api/catalog/matters?q=" + "z".repeat(51),
				"q: 不超过50个字 / at most 50 characters", "/api/catalog/certificates?q=zd\u0007sh",
				"q: 不能含换行或控制字符 / no line breaks or control characters");
		refusals.forEach((path, detail) -> {
			var refused = get(path, OBJECT);
			assertThat(refused.getStatusCode()).as(path).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
			assertThat(refused.getBody()).containsEntry("detail", detail);
		});
	}

	@Test
	void shouldProposeAChangeAndKeepItAsANewVersionWithWhoWhenAndWhyOncePublished() {
		String matter = "/api/catalog/matters/SX-100";
		String certificate = unlistedCertificate("SX-100");

		var proposed = call("catalog-1", HttpMethod.POST, matter + "/entries",
				Map.of("certificateCode", certificate, "disposition", "SHARED", "detail", "省公共数据平台",
						"legalBasis", "县政府办公室文件", "reason", "部门申请增列"),
				OBJECT);
		assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String number = (String) proposed.getBody().get("number");
		assertThat(proposed.getHeaders().getLocation()).hasToString("/api/catalog/proposals/" + number);
		// a proposal is not a version: the matter does not list it yet
		assertThat(call("catalog-1", HttpMethod.GET, matter + "/entries/" + certificate + "/history", null, OBJECT)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		var proposal = call("catalog-1", HttpMethod.GET, "/api/catalog/proposals/" + number, null, OBJECT).getBody();
		assertThat((Map<String, Object>) proposal.get("proposal")).containsEntry("state", "REFORM_REVIEW")
			.containsEntry("proposer", "catalog-1")
			.containsEntry("needsLegalReview", false);
		assertThat((List<Map<String, Object>>) proposal.get("changes")).singleElement()
			.satisfies(change -> assertThat(change).containsEntry("kind", "ADD_ENTRY")
				.containsEntry("certificateCode", certificate)
				.containsEntry("disposition", "SHARED"));
		assertThat(call("catalog-1", HttpMethod.GET, "/api/catalog/proposals", null, LIST).getBody())
			.extracting(p -> p.get("number"))
			.contains(number);
		// another member of staff sees no proposals; the reform office sees them all
		assertThat(call("window-renshe-1", HttpMethod.GET, "/api/catalog/proposals/" + number, null, OBJECT)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(call("manager-1", HttpMethod.GET, "/api/catalog/proposals", null, LIST).getBody())
			.extracting(p -> p.get("number"))
			.contains(number);

		Task reviewTask = engine.getTaskService().createTaskQuery().processInstanceBusinessKey(number).singleResult();
		TasklistUser.claimAndComplete(engine, "manager-1", reviewTask.getId(), Map.of("reviewDecision", "approved"));

		var history = get(matter + "/entries/" + certificate + "/history", LIST).getBody();
		assertThat(history).singleElement()
			.satisfies(v -> assertThat(v).containsEntry("version", 1)
				.containsEntry("disposition", "SHARED")
				.containsEntry("changedBy", "catalog-1")
				.containsEntry("changeReason", "变更申请 " + number + "：部门申请增列"));
		assertThat((Map<String, Object>) call("catalog-1", HttpMethod.GET, "/api/catalog/proposals/" + number, null,
				OBJECT).getBody().get("proposal")).containsEntry("state", "PUBLISHED");
		catalog.retire("SX-100", certificate, "catalog-1", "测试复原");
	}

	@Test
	void shouldTakeAChangeSetForIntegrators() {
		var proposed = call("catalog-1", HttpMethod.POST, "/api/catalog/proposals", Map.of("reason", "导入 清单2026.xlsx",
				"changes", List.of(Map.of("kind", "SET_CAPABILITIES", "matterCode", "SX-100", "online", true, "zeroTrip",
						false), Map.of("kind", "RETIRE_ENTRY", "matterCode", "SX-100", "certificateCode",
								((List<Map<String, Object>>) get("/api/catalog/matters/SX-100", OBJECT).getBody()
									.get("entries")).get(0).get("certificateCode")))),
				OBJECT);
		assertThat(proposed.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		assertThat((String) proposed.getBody().get("number")).matches("TZ\\d{8}-\\d{6}");

		var twice = call("catalog-1", HttpMethod.POST, "/api/catalog/proposals", Map.of("reason", "重复",
				"changes", List.of(Map.of("kind", "SET_CAPABILITIES", "matterCode", "SX-100", "online", true, "zeroTrip",
						false), Map.of("kind", "SET_CAPABILITIES", "matterCode", "SX-100", "online", false, "zeroTrip",
								false))),
				OBJECT);
		assertThat(twice.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(twice.getBody().get("detail").toString()).contains("只能调整一次");
	}

	@Test
	void shouldLetOnlyCatalogMaintainersChangeTheCatalog() {
		var refused = call("window-renshe-1", HttpMethod.POST, "/api/catalog/matters/SX-001/entries",
				Map.of("certificateCode", "ZM-0014", "disposition", "CANCELLED", "detail", "x", "reason", "y"), OBJECT);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldExplainTermsThatDoNotFitTheDisposition() {
		String certificate = unlistedCertificate("SX-002");
		var noDeadline = call("catalog-1", HttpMethod.POST, "/api/catalog/matters/SX-002/entries",
				Map.of("certificateCode", certificate, "disposition", "PROXY", "detail", "代为调取", "reason", "增列"),
				OBJECT);
		assertThat(noDeadline.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noDeadline.getBody().get("detail").toString()).contains("办结时限");

		var noReason = call("catalog-1", HttpMethod.POST, "/api/catalog/matters/SX-002/entries",
				Map.of("certificateCode", certificate, "disposition", "CANCELLED", "detail", "无依据"), OBJECT);
		assertThat(noReason.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(noReason.getBody().get("detail").toString()).contains("调整理由");

		var unknownMatter = call("catalog-1", HttpMethod.PUT, "/api/catalog/matters/SX-999/entries/ZM-0001",
				Map.of("disposition", "CANCELLED", "detail", "无依据", "reason", "清理"), OBJECT);
		assertThat(unknownMatter.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknownMatter.getBody().get("detail").toString()).contains("没有这个事项");
		// nothing was stored by the refused requests
		assertThat(call("catalog-1", HttpMethod.GET, "/api/catalog/matters/SX-002/entries/" + certificate + "/history",
				null, OBJECT).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	/** A certificate the matter does not list yet, so that a test can add it without touching the seeded list. */
	String unlistedCertificate(String matterCode) {
		var listed = ((List<Map<String, Object>>) get("/api/catalog/matters/" + matterCode, OBJECT).getBody()
			.get("entries")).stream().map(e -> e.get("certificateCode")).toList();
		return get("/api/catalog/certificates", LIST).getBody()
			.stream()
			.map(c -> (String) c.get("code"))
			.filter(code -> !listed.contains(code))
			.reduce((first, second) -> second) // the last: least likely to be in a hand-made example
			.orElseThrow();
	}
}
