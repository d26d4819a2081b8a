package org.zhengpaopao.kpi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.SeedFiles;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The county's matter-level figures ({@code GET /api/kpi/matter-rates}): on the seeds, worked out here from the seed
 * files themselves, and at a date before a later change.
 */
@IntegrationTest
class MatterRatesTests {

	/** A date after the last seeded list (September 2018) and before any change a test makes. */
	static final String SEEDS_ONLY = "2019-12-31";

	@Autowired
	TestRestTemplate http;

	@Autowired
	SeedFiles seeds;

	@Autowired
	Catalog catalog;

	@Autowired
	Clock clock;

	JsonNode get(String path) {
		ResponseEntity<JsonNode> response = http.withBasicAuth("manager-1", "demo").getForEntity(path, JsonNode.class);
		assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	@Test
	void shouldCountTheSeededCatalogsMattersFromTheSeedFiles() {
		// worked out from the seed files, independently of the application's code
		Set<String> livelihood = new HashSet<>();
		long all = 0;
		long online = 0;
		long zeroTrip = 0;
		for (CSVRecord matter : seeds.read("matters.csv")) {
			all++;
			if (matter.get("category").equals("LIVELIHOOD")) {
				livelihood.add(matter.get("code"));
			}
			online += Boolean.parseBoolean(matter.get("online")) ? 1 : 0;
			zeroTrip += Boolean.parseBoolean(matter.get("zeroTrip")) ? 1 : 0;
		}
		Set<String> needMoreThanTheIdCard = new HashSet<>();
		Map<String, Map<String, Long>> byBatch = new HashMap<>();
		for (CSVRecord entry : seeds.read("catalog-entries.csv")) {
			String disposition = entry.get("disposition");
			boolean idCardAlone = disposition.equals("CANCELLED") || disposition.equals("SHARED")
					|| entry.get("replacement").equals("LICENCE");
			if (!idCardAlone) {
				needMoreThanTheIdCard.add(entry.get("matterCode"));
			}
			byBatch.computeIfAbsent(entry.get("batch"), b -> new HashMap<>()).merge(disposition, 1L, Long::sum);
		}
		long oneId = livelihood.stream().filter(m -> !needMoreThanTheIdCard.contains(m)).count();

		JsonNode figures = get("/api/kpi/matter-rates?date=" + SEEDS_ONLY);

		assertThat(figures.get("date").asText()).isEqualTo(SEEDS_ONLY);
		assertThat(figures.get("basis").asText()).startsWith("按事项统计");
		assertFigure(figures.get("livelihoodOneIdRate"), "民生事项一证通办率（按事项）", oneId, livelihood.size());
		assertFigure(figures.get("onlineRate"), "可网办率（按事项）", online, all);
		assertFigure(figures.get("zeroTripRate"), "零跑腿率（按事项）", zeroTrip, all);
		// not a figure that cannot fail: the seeds have matters of both kinds
		assertThat(oneId).isBetween(1L, livelihood.size() - 1L);

		// the county's published figures: 192 in 2017, 161 in March and 230 in September 2018, 583 in all
		JsonNode batches = figures.get("batches");
		assertThat(batches).hasSize(3);
		assertBatch(batches.get(0), 0, "2017年清理", "2017-12-01", 192, 192, byBatch.get("0"));
		assertBatch(batches.get(1), 1, "2018年3月第一批", "2018-03-01", 161, 353, byBatch.get("1"));
		assertBatch(batches.get(2), 2, "2018年9月第二批", "2018-09-01", 230, 583, byBatch.get("2"));
		assertThat(figures.get("clearedCumulative").asLong()).isEqualTo(583);
		assertThat(figures.get("laterEntries").asLong()).isZero();
	}

	@Test
	void shouldCountOnlyTheListsPublishedByTheDate() {
		JsonNode figures = get("/api/kpi/matter-rates?date=2018-08-31");

		// the September list was not out yet: neither its batch nor its entries count
		assertThat(figures.get("batches")).extracting(b -> b.get("batch").asInt()).containsExactly(0, 1);
		assertThat(figures.get("clearedCumulative").asLong()).isEqualTo(192 + 161);
		// its first day counts: published at the start of 2018-09-01, Beijing time
		assertThat(get("/api/kpi/matter-rates?date=2018-09-01").get("clearedCumulative").asLong()).isEqualTo(583);
		assertThat(get("/api/kpi/matter-rates?date=2017-11-30").get("batches")).isEmpty();
	}

	@Test
	void shouldNotCountAnEntryAddedAfterTheDateNorAChangeMadeAfterIt() {
		LocalDate today = LocalDate.now(clock.withZone(CountyTime.ZONE));
		String yesterday = "/api/kpi/matter-rates?date=" + today.minusDays(1);
		String now = "/api/kpi/matter-rates?date=" + today;
		JsonNode before = get(yesterday);
		JsonNode beforeToday = get(now);

		// 残疾人就业保障金减免 (2017): one more certificate listed, and the tax certificate's data check turned into a
		// plain cancellation, both today
		catalog.add("SX-174", "ZM-0131",
				new EntryTerms(Disposition.CANCELLED, null, "无法律法规依据，直接取消", null, "无（部门自行设定）"), "catalog-1",
				"补列并取消道德品行证明");
		assertThat(catalog.entriesInForce("SX-174")).anySatisfy(e -> {
			assertThat(e.getCertificateCode()).isEqualTo("ZM-0030");
			assertThat(e.getDisposition()).isEqualTo(Disposition.SHARED);
		});
		catalog.change("SX-174", "ZM-0030",
				new EntryTerms(Disposition.CANCELLED, null, "可通过税务信息内部核查，不再要求提供", null, "《残疾人就业保障金征收使用管理办法》第十九条"),
				"catalog-1", "改为直接取消");

		JsonNode after = get(yesterday);
		assertThat(after.get("laterEntries").asLong()).isEqualTo(before.get("laterEntries").asLong());
		assertThat(after.get("batches").get(0)).as("the 2017 list yesterday, as it was").isEqualTo(before.get("batches").get(0));

		JsonNode afterToday = get(now);
		assertThat(afterToday.get("laterEntries").asLong()).isEqualTo(beforeToday.get("laterEntries").asLong() + 1);
		JsonNode batch0 = afterToday.get("batches").get(0);
		JsonNode batch0Before = beforeToday.get("batches").get(0);
		assertThat(batch0.get("cancelled").asLong()).isEqualTo(batch0Before.get("cancelled").asLong() + 1);
		assertThat(batch0.get("shared").asLong()).isEqualTo(batch0Before.get("shared").asLong() - 1);
		assertThat(batch0.get("cleared").asLong()).as("a changed entry is still one cleared certificate")
			.isEqualTo(batch0Before.get("cleared").asLong());
	}

	@Test
	void shouldRefuseADateThatIsNotOne() {
		var response = http.withBasicAuth("manager-1", "demo")
			.getForEntity("/api/kpi/matter-rates?date=2019-02-30", JsonNode.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getBody().toString()).contains("date");
	}

	private static void assertFigure(JsonNode figure, String label, long numerator, long denominator) {
		assertThat(figure.get("label").asText()).isEqualTo(label);
		assertThat(figure.get("numerator").asLong()).as(label).isEqualTo(numerator);
		assertThat(figure.get("denominator").asLong()).as(label).isEqualTo(denominator);
		assertThat(figure.get("value").asDouble()).as(label).isCloseTo((double) numerator / denominator, within(1e-9));
	}

	private static void assertBatch(JsonNode batch, int number, String name, String publishedOn, long cleared,
			long cumulative, Map<String, Long> fromSeeds) {
		assertThat(batch.get("batch").asInt()).isEqualTo(number);
		assertThat(batch.get("name").asText()).isEqualTo(name);
		assertThat(batch.get("publishedOn").asText()).isEqualTo(publishedOn);
		assertThat(batch.get("cleared").asLong()).as(name).isEqualTo(cleared);
		assertThat(batch.get("cumulative").asLong()).as(name).isEqualTo(cumulative);
		for (String disposition : List.of("CANCELLED", "SHARED", "REPLACED", "PROXY")) {
			String field = disposition.equals("PROXY") ? "proxyRun" : disposition.toLowerCase();
			assertThat(batch.get(field).asLong()).as(name + " " + disposition)
				.isEqualTo(fromSeeds.getOrDefault(disposition, 0L));
		}
	}
}
