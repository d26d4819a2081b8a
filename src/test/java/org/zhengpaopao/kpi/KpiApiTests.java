package org.zhengpaopao.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.camunda.bpm.engine.ProcessEngine;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.proxyrun.ProxyRunAuthorizations;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Every KPI of {@code GET /api/kpi} and {@code GET /api/kpi/rates}, counted on {@link KpiFixture}'s March and April
 * 2025, against the answers worked out by hand below (read them with the fixture's table).
 */
@IntegrationTest
class KpiApiTests {

	static final String MARCH = "/api/kpi?month=2025-03";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	ProxyRunAuthorizations authorizations;

	@Autowired
	Applications applications;

	@Autowired
	Assessment assessment;

	@Autowired
	Catalog catalog;

	@Autowired
	RecordingNotifier sms;

	KpiFixture.Cases cases;

	@BeforeEach
	void fixture() {
		cases = KpiFixture.ensureBuilt(engine, proxyRuns, authorizations, applications, assessment, catalog, sms);
	}

	JsonNode get(String path) {
		ResponseEntity<JsonNode> response = http.withBasicAuth("manager-1", "demo").getForEntity(path, JsonNode.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	static JsonNode row(JsonNode report, String key) {
		for (JsonNode row : report.get("rows")) {
			if (Objects.equals(key, row.get("key").isNull() ? null : row.get("key").asText())) {
				return row;
			}
		}
		throw new AssertionError("no row " + key + " in " + report);
	}

	static void assertRate(JsonNode node, String field, double expected) {
		assertThat(node.get(field).isNull()).as(field + " is counted").isFalse();
		assertThat(node.get(field).asDouble()).as(field).isCloseTo(expected, within(1e-9));
	}

	@Test
	void shouldCountTheCountysRunsCardsEscalationsAndRatingsOfMarch() {
		JsonNode total = get(MARCH).get("total");

		// opened in March: R1–R6 and the case's R8 (R7 is April's)
		assertThat(total.get("runsOpened").asLong()).isEqualTo(7);
		// of them R5 a company's
		assertThat(total.get("companyRunsOpened").asLong()).isEqualTo(1);
		// handled: R1, R2, R3 delivered, R6 refused, R5 closed as exception; R4 and R8 expired, nobody handled them
		assertThat(total.get("runsHandled").asLong()).isEqualTo(5);
		assertThat(total.get("delivered").asLong()).isEqualTo(3);
		assertThat(total.get("refused").asLong()).isEqualTo(1);
		assertThat(total.get("exceptions").asLong()).isEqualTo(1);
		assertThat(total.get("authorizationsExpired").asLong()).isEqualTo(2);
		// on time: R1 (05 < 06), R3 (04 < 05), R6 refused 06 < 10; not R2 (red) nor R5 (exception) → 3 / 5
		assertThat(total.get("onTime").asLong()).isEqualTo(3);
		assertRate(total, "onTimeRate", 0.6);
		// working days to delivery: R1 03→05 = 2, R2 03→11 = 6 (4,5,6,7,10,11), R3 same day = 0
		assertRate(total, "averageWorkingDaysToDelivery", 8.0 / 3);
		// nearest rank: ⌈0.9 × 3⌉ = 3rd of (0, 2, 6)
		assertThat(total.get("p90WorkingDaysToDelivery").asInt()).isEqualTo(6);
		// R2 and R5 went yellow, red and to level 2; R5 also to level 3
		assertThat(total.get("yellowCards").asLong()).isEqualTo(2);
		assertThat(total.get("redCards").asLong()).isEqualTo(2);
		assertThat(total.get("escalations").get("level1").asLong()).isEqualTo(2);
		assertThat(total.get("escalations").get("level2").asLong()).isEqualTo(2);
		assertThat(total.get("escalations").get("level3").asLong()).isEqualTo(1);
		// ratings: R1 非常满意, R2 不满意, R3 基本满意, R5 不满意, A1 满意 count; R6's appeal was upheld
		assertThat(total.get("ratings").asLong()).isEqualTo(5);
		assertThat(total.get("excludedRatings").asLong()).isEqualTo(1);
		assertThat(total.get("satisfied").asLong()).isEqualTo(3);
		assertRate(total, "satisfactionRate", 0.6);
		// bad: R2 rectified 03-12 (due 04-01), R5 rectified 04-15 (due 04-08)
		assertThat(total.get("badRatings").asLong()).isEqualTo(2);
		assertThat(total.get("rectifiedOnTime").asLong()).isEqualTo(1);
		assertThat(total.get("rectificationOverdue").asLong()).isEqualTo(1);
		assertThat(total.get("rectificationPending").asLong()).isZero();
		assertRate(total, "rectificationOnTimeRate", 0.5);
	}

	@Test
	void shouldBreakMarchDownByTownship() {
		JsonNode report = get(MARCH + "&by=TOWNSHIP");
		assertThat(report.get("rows")).as("every township, with or without numbers").hasSize(15);

		JsonNode xikou = row(report, "xikou");
		assertThat(xikou.get("name").asText()).isEqualTo("溪口镇");
		// R1, R2, R6 and the case's R8
		assertThat(xikou.get("runsOpened").asLong()).isEqualTo(4);
		assertThat(xikou.get("runsHandled").asLong()).isEqualTo(3);
		assertThat(xikou.get("onTime").asLong()).isEqualTo(2);
		assertRate(xikou, "onTimeRate", 2.0 / 3);
		assertRate(xikou, "averageWorkingDaysToDelivery", 4.0);
		assertThat(xikou.get("p90WorkingDaysToDelivery").asInt()).isEqualTo(6);
		assertThat(xikou.get("yellowCards").asLong()).isEqualTo(1);
		assertThat(xikou.get("escalations").get("level3").asLong()).isZero();
		assertThat(xikou.get("authorizationsExpired").asLong()).isEqualTo(1);
		// R1 非常满意, R2 不满意, A1 满意 (the case is in 溪口 too); R6 excluded
		assertThat(xikou.get("ratings").asLong()).isEqualTo(3);
		assertRate(xikou, "satisfactionRate", 2.0 / 3);
		assertThat(xikou.get("rectifiedOnTime").asLong()).isEqualTo(1);

		JsonNode tashi = row(report, "tashi");
		// R3, R4, R5, the last a company's
		assertThat(tashi.get("runsOpened").asLong()).isEqualTo(3);
		assertThat(tashi.get("companyRunsOpened").asLong()).isEqualTo(1);
		assertThat(xikou.get("companyRunsOpened").asLong()).isZero();
		assertThat(tashi.get("runsHandled").asLong()).isEqualTo(2);
		assertRate(tashi, "onTimeRate", 0.5);
		assertRate(tashi, "averageWorkingDaysToDelivery", 0.0);
		assertThat(tashi.get("exceptions").asLong()).isEqualTo(1);
		assertThat(tashi.get("escalations").get("level3").asLong()).isEqualTo(1);
		assertRate(tashi, "satisfactionRate", 0.5);
		assertThat(tashi.get("rectificationOverdue").asLong()).isEqualTo(1);
		assertRate(tashi, "rectificationOnTimeRate", 0.0);

		JsonNode muchen = row(report, "muchen");
		assertThat(muchen.get("runsOpened").asLong()).isZero();
		assertThat(muchen.get("onTimeRate").isNull()).as("nothing handled, no rate").isTrue();
	}

	@Test
	void shouldBreakMarchDownByIssuingDepartment() {
		JsonNode report = get(MARCH + "&by=ISSUER");

		JsonNode minzheng = row(report, "minzheng");
		assertThat(minzheng.get("name").asText()).isEqualTo("县民政局");
		// ZM-0009: R1, R2, R5, R6
		assertThat(minzheng.get("runsOpened").asLong()).isEqualTo(4);
		assertThat(minzheng.get("runsHandled").asLong()).isEqualTo(4);
		assertRate(minzheng, "onTimeRate", 0.5);
		assertRate(minzheng, "averageWorkingDaysToDelivery", 4.0);
		assertThat(minzheng.get("redCards").asLong()).isEqualTo(2);
		// R1 非常满意, R2 and R5 不满意
		assertThat(minzheng.get("ratings").asLong()).isEqualTo(3);
		assertRate(minzheng, "satisfactionRate", 1.0 / 3);
		assertThat(minzheng.get("excludedRatings").asLong()).isEqualTo(1);

		// village certificates are issued by the village committees: R3 (泽随村), R4 (洞头村, never authorized)
		JsonNode zesui = row(report, "tashi-zesui");
		assertThat(zesui.get("name").asText()).isEqualTo("泽随村民委员会");
		assertThat(zesui.get("runsOpened").asLong()).isEqualTo(1);
		assertThat(zesui.get("runsHandled").asLong()).isEqualTo(1);
		assertRate(zesui, "onTimeRate", 1.0);
		assertRate(zesui, "satisfactionRate", 1.0);
		JsonNode dongtou = row(report, "tashi-dongtou");
		assertThat(dongtou.get("name").asText()).isEqualTo("洞头村民委员会");
		assertThat(dongtou.get("runsOpened").asLong()).isEqualTo(1);
		assertThat(dongtou.get("runsHandled").asLong()).isZero();

		// a case's rating has no issuing department
		JsonNode none = row(report, null);
		assertThat(none.get("runsOpened").asLong()).isZero();
		assertThat(none.get("ratings").asLong()).isEqualTo(1);
		assertThat(none.get("satisfied").asLong()).isEqualTo(1);
	}

	@Test
	void shouldBreakMarchDownByRunner() {
		JsonNode report = get(MARCH + "&by=RUNNER");

		// delivered R1 and R2, took R6 to the issuer
		JsonNode county = row(report, "runner-county-1");
		assertThat(county.get("runsOpened").asLong()).isEqualTo(3);
		assertThat(county.get("runsHandled").asLong()).isEqualTo(3);
		assertRate(county, "onTimeRate", 2.0 / 3);
		assertThat(county.get("p90WorkingDaysToDelivery").asInt()).isEqualTo(6);
		assertThat(county.get("ratings").asLong()).isEqualTo(2);

		JsonNode tashi = row(report, "runner-tashi-1");
		assertThat(tashi.get("runsHandled").asLong()).isEqualTo(1);
		assertThat(tashi.get("p90WorkingDaysToDelivery").asInt()).isZero();

		// nobody fetched R4, R5 or R8; A1's rating has no runner either
		JsonNode nobody = row(report, null);
		assertThat(nobody.get("runsOpened").asLong()).isEqualTo(3);
		assertThat(nobody.get("runsHandled").asLong()).isEqualTo(1);
		assertThat(nobody.get("exceptions").asLong()).isEqualTo(1);
		assertThat(nobody.get("ratings").asLong()).isEqualTo(2);
		assertRate(nobody, "satisfactionRate", 0.5);
	}

	@Test
	void shouldPutEachEventInTheMonthItHappened() {
		JsonNode report = get("/api/kpi?from=2025-03-01&to=2025-04-30&by=month");
		List<String> months = new ArrayList<>();
		report.get("rows").forEach(r -> months.add(r.get("key").asText()));
		assertThat(months).containsExactly("2025-03", "2025-04");

		JsonNode april = row(report, "2025-04");
		// R7: opened 04-01, delivered 04-02 (1 working day), rated 满意
		assertThat(april.get("runsOpened").asLong()).isEqualTo(1);
		assertThat(april.get("runsHandled").asLong()).isEqualTo(1);
		assertRate(april, "onTimeRate", 1.0);
		assertRate(april, "averageWorkingDaysToDelivery", 1.0);
		assertThat(april.get("ratings").asLong()).isEqualTo(1);
		// R5's late rectification belongs to its March rating, not to April
		assertThat(april.get("badRatings").asLong()).isZero();
		assertThat(row(report, "2025-03").get("runsHandled").asLong()).isEqualTo(5);

		JsonNode total = report.get("total");
		assertThat(total.get("runsOpened").asLong()).isEqualTo(8);
		assertThat(total.get("runsHandled").asLong()).isEqualTo(6);
		// (2 + 6 + 0 + 1) / 4
		assertRate(total, "averageWorkingDaysToDelivery", 9.0 / 4);
		// ⌈0.9 × 4⌉ = 4th of (0, 1, 2, 6)
		assertThat(total.get("p90WorkingDaysToDelivery").asInt()).isEqualTo(6);
		assertRate(total, "satisfactionRate", 4.0 / 6);
	}

	@Test
	void shouldWorkOutTheCountyRatesOfMarch() {
		JsonNode rates = get("/api/kpi/rates?month=2025-03");

		// A1 (all cancelled) and A2 (shared) are one-ID; A3 needs a signature, A4 an authorization
		assertThat(rates.get("oneIdRate").get("numerator").asLong()).isEqualTo(2);
		assertThat(rates.get("oneIdRate").get("denominator").asLong()).isEqualTo(4);
		assertRate(rates.get("oneIdRate"), "value", 0.5);
		// all four decided; A1 submitted online with its result online, A2 online with its result by post: no trip.
		// A3 was submitted online, but its result is collected at the window; A4 was taken at the window
		assertThat(rates.get("zeroTripRate").get("numerator").asLong()).isEqualTo(2);
		assertThat(rates.get("zeroTripRate").get("denominator").asLong()).isEqualTo(4);
		assertRate(rates.get("zeroTripRate"), "value", 0.5);
		assertThat(rates.get("applicationsInProgress").asLong()).isZero();
		// A1 a company's, A2–A4 persons'
		assertThat(rates.get("applications").get("companies").asLong()).isEqualTo(1);
		assertThat(rates.get("applications").get("persons").asLong()).isEqualTo(3);
		// cases taken: A1, A2, A3 on the provincial platform, A4 at the window → 3 / 4 (stand-alone runs are no cases)
		assertThat(rates.get("onlineRate").get("numerator").asLong()).isEqualTo(3);
		assertThat(rates.get("onlineRate").get("denominator").asLong()).isEqualTo(4);
		assertRate(rates.get("onlineRate"), "value", 0.75);
		// 3 satisfied of 5 counted ratings
		assertRate(rates.get("satisfactionRate"), "value", 0.6);

		List<Catalog.Tally> tallies = catalog.tallies();
		assertThat(rates.get("catalog")).hasSize(tallies.size());
		JsonNode first = rates.get("catalog").get(0);
		assertThat(first.get("batch").asInt()).isEqualTo(tallies.get(0).batch());
		assertThat(first.get("batchName").asText()).isEqualTo("2017年清理");
		assertThat(first.get("disposition").asText()).isEqualTo(tallies.get(0).disposition().name());
		assertThat(first.get("entries").asLong()).isEqualTo(tallies.get(0).entries());
	}

	@Test
	void shouldGiveTheRatesMonthByMonth() {
		JsonNode months = get("/api/kpi/rates?from=2025-03-01&to=2025-04-30").get("months");
		assertThat(months).hasSize(2);
		JsonNode april = months.get(1);
		assertThat(april.get("month").asText()).isEqualTo("2025-04");
		assertThat(april.get("oneIdRate").get("value").isNull()).as("no case taken in April").isTrue();
		// nor decided: nothing to divide by (R7, a stand-alone run, is no case)
		assertThat(april.get("onlineRate").get("value").isNull()).isTrue();
		assertThat(april.get("zeroTripRate").get("value").isNull()).isTrue();
		assertRate(april.get("satisfactionRate"), "value", 1.0);
		assertRate(months.get(0).get("onlineRate"), "value", 0.75);
		assertRate(months.get(0).get("zeroTripRate"), "value", 0.5);
	}

	@Test
	void shouldDescribeEveryRateInTheApiDocs() {
		String docs = http.withBasicAuth("manager-1", "demo").getForObject("/v3/api-docs", String.class);
		assertThat(docs).contains("\"/api/kpi\"", "\"/api/kpi/rates\"", "\"/api/kpi/report.xlsx\"",
				"\"/api/kpi/matter-rates\"", "一证通办率（按办件统计）= ", "零跑腿率（按办件统计）= ", "网上办率（按办件统计）= ", "且审批结果网上送达或邮寄送达",
				"满意率（按评价统计）= ", "按时办结率 = ", "民生事项一证通办率（按事项统计）= ", "可网办率（按事项统计）= ",
				"零跑腿率（按事项统计）= ");
	}

	@Test
	void shouldRefuseAMalformedPeriodOrBreakdown() {
		var manager = http.withBasicAuth("manager-1", "demo");
		assertThat(manager.getForEntity("/api/kpi?month=2025-13", String.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(manager.getForEntity("/api/kpi?from=2025-04-01&to=2025-03-01", String.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		var byWhat = manager.getForEntity(MARCH + "&by=VILLAGE", String.class);
		assertThat(byWhat.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(byWhat.getBody()).contains("分组维度");
		assertThat(manager.getForEntity("/api/kpi/report.xlsx", String.class).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}
}
