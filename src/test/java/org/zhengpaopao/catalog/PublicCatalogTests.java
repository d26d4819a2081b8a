package org.zhengpaopao.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.util.UriComponentsBuilder;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.system.CountyTime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The published catalog as anybody reads it without login ({@code GET /public/api/catalog/matters}): found by
 * pinyin initials, each certificate's fate in plain Chinese, only the entries in force, and nothing of the staff's.
 */
@IntegrationTest
class PublicCatalogTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	Catalog catalog;

	@Autowired
	Clock clock;

	@Autowired
	ObjectMapper json;

	ResponseEntity<String> search(String q) {
		URI uri = UriComponentsBuilder.fromPath("/public/api/catalog/matters")
			.queryParamIfPresent("q", java.util.Optional.ofNullable(q))
			.encode()
			.build()
			.toUri();
		return http.getForEntity(uri, String.class);
	}

	JsonNode found(String q) throws Exception {
		ResponseEntity<String> answer = search(q);
		assertThat(answer.getStatusCode()).as(answer.getBody()).isEqualTo(HttpStatus.OK);
		return json.readTree(answer.getBody());
	}

	JsonNode matter(String q, String code) throws Exception {
		for (JsonNode m : found(q).get("matters")) {
			if (m.get("code").asText().equals(code)) {
				return m;
			}
		}
		throw new AssertionError(code + " not found by " + q);
	}

	static JsonNode certificate(JsonNode matter, String code) {
		for (JsonNode c : matter.get("certificates")) {
			if (c.get("code").asText().equals(code)) {
				return c;
			}
		}
		return null;
	}

	@Test
	void shouldFindTheMinimumLivingAllowanceByItsInitials() throws Exception {
		JsonNode answer = found("zdsh");
		JsonNode first = answer.get("matters").get(0);
		assertThat(first.get("name").asText()).isEqualTo("最低生活保障申请");
		assertThat(first.get("category").asText()).isEqualTo("民生事项");
		assertThat(first.get("department").asText()).isEqualTo("县民政局");
		// a written commitment and a proxy-run: more than the ID card alone
		assertThat(first.get("oneId").asBoolean()).isFalse();
		assertThat(answer.get("total").asInt()).isEqualTo(answer.get("matters").size());
		assertThat(found("最低生活").get("matters").get(0).get("code").asText()).isEqualTo("SX-001");
	}

	@Test
	void shouldSayWhatBecameOfEachCertificateInPlainChinese() throws Exception {
		JsonNode matter = matter("zdsh", "SX-001");

		JsonNode cancelled = certificate(matter, "ZM-0036");
		assertThat(cancelled.get("treatment").asText()).isEqualTo("已取消");
		assertThat(cancelled.get("disposition").asText()).isEqualTo("CANCELLED");
		assertThat(cancelled.get("detail").asText()).isEqualTo("无法律法规依据，直接取消");
		assertThat(cancelled.get("legalBasis").asText()).isEqualTo("无（部门自行设定）");
		assertThat(cancelled.get("changedOn").asText()).isEqualTo("2018-03-01");
		assertThat(certificate(matter, "ZM-0002").get("treatment").asText()).isEqualTo("部门间共享核验（不用提交）");
		assertThat(certificate(matter, "ZM-0002").get("detail").asText()).isEqualTo("省公共数据平台·户籍人口库");
		assertThat(certificate(matter, "ZM-0017").get("treatment").asText()).isEqualTo("以证照替代：营业执照");
		assertThat(certificate(matter, "ZM-0114").get("treatment").asText()).isEqualTo("以告知承诺替代");
		assertThat(certificate(matter, "ZM-0114").get("detail").asText()).startsWith("本人承诺");
		assertThat(certificate(matter, "ZM-0042").get("treatment").asText()).isEqualTo("由证跑跑代跑（2 个工作日）");
		assertThat(certificate(matter, "ZM-0042").get("changedOn").asText()).isEqualTo("2018-09-01");
		assertThat(matter.get("certificates")).extracting(c -> c.get("code").asText()).isSorted();
	}

	@Test
	void shouldShowOnlyTheEntriesInForce() throws Exception {
		JsonNode before = matter("jcflfw", "SX-063");
		assertThat(certificate(before, "ZM-0131").get("treatment").asText()).isEqualTo("已取消");
		assertThat(certificate(before, "ZM-0025").get("treatment").asText()).isEqualTo("以证照替代：毕业证书");
		EntryTerms licence = catalog.entriesInForce("SX-063")
			.stream()
			.filter(e -> e.getCertificateCode().equals("ZM-0025"))
			.findFirst()
			.orElseThrow()
			.terms();
		EntryTerms cancelled = catalog.entriesInForce("SX-063")
			.stream()
			.filter(e -> e.getCertificateCode().equals("ZM-0131"))
			.findFirst()
			.orElseThrow()
			.terms();
		try {
			catalog.retire("SX-063", "ZM-0131", "catalog-1", "内部理由：并入其他事项");
			catalog.change("SX-063", "ZM-0025",
					new EntryTerms(Disposition.SHARED, null, "省公共数据平台·学历信息库", null, "《教育部学历证书电子注册管理暂行规定》"),
					"catalog-1", "内部理由：学历信息已接入");

			JsonNode after = matter("jcflfw", "SX-063");
			assertThat(certificate(after, "ZM-0131")).as("retired: gone from the public list").isNull();
			JsonNode changed = certificate(after, "ZM-0025");
			assertThat(changed.get("treatment").asText()).isEqualTo("部门间共享核验（不用提交）");
			assertThat(changed.get("detail").asText()).isEqualTo("省公共数据平台·学历信息库");
			assertThat(changed.get("legalBasis").asText()).isEqualTo("《教育部学历证书电子注册管理暂行规定》");
			assertThat(changed.get("changedOn").asText())
				.isEqualTo(LocalDate.ofInstant(clock.instant(), CountyTime.ZONE).toString());
			assertThat(after.toString()).doesNotContain("内部理由").doesNotContain("catalog-1");
		}
		finally {
			catalog.add("SX-063", "ZM-0131", cancelled, "catalog-1", "测试后恢复");
			catalog.change("SX-063", "ZM-0025", licence, "catalog-1", "测试后恢复");
		}
	}

	@Test
	void shouldShowNothingInternal() throws Exception {
		JsonNode answer = found(null);
		assertThat(fields(answer)).containsExactlyInAnyOrder("total", "shown", "limit", "matters");
		JsonNode matter = answer.get("matters").get(0);
		assertThat(fields(matter)).containsExactlyInAnyOrder("code", "name", "category", "department", "oneId", "online",
				"zeroTrip", "certificates");
		for (JsonNode m : answer.get("matters")) {
			for (JsonNode c : m.get("certificates")) {
				assertThat(fields(c)).containsExactlyInAnyOrder("code", "name", "disposition", "treatment", "detail",
						"legalBasis", "changedOn");
			}
		}
		String text = answer.toString();
		// the seeder's user and its change reasons (第1批证明清单（2018年3月）) are the staff's
		assertThat(text).doesNotContain("seed").doesNotContain("第1批证明清单").doesNotContain("version");
	}

	@Test
	void shouldListTheFirstMattersWithALimitWithoutAQuery() throws Exception {
		JsonNode all = found(null);
		assertThat(all.get("total").asInt()).isEqualTo(catalog.matters().size()).isGreaterThan(PublicCatalog.LIMIT);
		assertThat(all.get("shown").asInt()).isEqualTo(PublicCatalog.LIMIT);
		assertThat(all.get("limit").asInt()).isEqualTo(PublicCatalog.LIMIT);
		assertThat(all.get("matters")).hasSize(PublicCatalog.LIMIT);
		assertThat(found("").toString()).isEqualTo(all.toString());
		assertThat(found("qqqqq").get("total").asInt()).isZero();
	}

	@Test
	void shouldRefuseAnOversizedOrBrokenQueryInChinese() throws Exception {
		for (String q : List.of("最".repeat(51), "zd\u0001sh")) {
			ResponseEntity<String> answer = search(q);
			assertThat(answer.getStatusCode()).as(q).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
			JsonNode problem = json.readTree(answer.getBody());
			assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("q");
		}
		assertThat(json.readTree(search("最".repeat(51)).getBody()).get("errors").get(0).get("message").asText())
			.startsWith("不超过50个字");
		assertThat(search("最".repeat(50)).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldServeThePageWithoutLogin() {
		ResponseEntity<String> page = http.getForEntity("/public/catalog", String.class);
		assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(page.getBody()).contains("清单之外无证明").contains("/public/catalog.js");
		assertThat(page.getHeaders().getFirst("Content-Security-Policy")).contains("script-src 'self'");
	}

	static List<String> fields(JsonNode node) {
		List<String> names = new java.util.ArrayList<>();
		node.fieldNames().forEachRemaining(names::add);
		return names;
	}

}
