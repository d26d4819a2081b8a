package org.zhengpaopao.demandreport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
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
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.Spellings;

/**
 * The public report API as the report page and a citizen use it: what may be reported, what is refused and why,
 * the tracking number, duplicates and the limit per address; and the reform office's list and detail. Each test
 * poses as its own client address (X-Forwarded-For from loopback, which Tomcat believes of a proxy) with its own
 * phone numbers, so that no limit or duplicate reaches another test.
 */
@IntegrationTest
class DemandReportApiTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};
	static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
	};
	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	static final String REPORTS = "/public/api/demand-reports";
	static final String TRACK = "/public/api/demand-reports/track";
	/** 县民政局's 最低生活保障申请: ZM-0036 cancelled, ZM-0002 shared, ZM-0042 fetched by runners */
	static final String DEPARTMENT = "minzheng";
	static final String MATTER = "SX-001";
	static final String CANCELLED = "ZM-0036";
	static final String SHARED = "ZM-0002";
	static final String PROXY = "ZM-0042";
	static final AtomicInteger PHONES = new AtomicInteger();

	@Autowired
	TestRestTemplate http;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	String client;

	@BeforeEach
	void setUp() {
		// a Tuesday morning
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-01T10:00").atZone(SHANGHAI).toInstant()));
		client = "10.77." + PHONES.incrementAndGet() + ".1";
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		identityService.clearAuthentication();
	}

	static String newPhone() {
		return "1370577" + String.format("%04d", PHONES.incrementAndGet());
	}

	static Map<String, Object> report(String phone) {
		Map<String, Object> body = new HashMap<>();
		body.put("departmentCode", DEPARTMENT);
		body.put("matterCode", MATTER);
		body.put("certificateCode", CANCELLED);
		body.put("demandedOn", "2026-11-30");
		body.put("contactName", "钱七");
		body.put("contactPhone", phone);
		body.put("details", "窗口要求先去村里开无房证明");
		return body;
	}

	ResponseEntity<Map<String, Object>> post(String path, Map<String, ?> body) {
		return post(path, client, body);
	}

	ResponseEntity<Map<String, Object>> post(String path, String from, Map<String, ?> body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Forwarded-For", from);
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
	}

	long reports() {
		return jdbc.sql("select count(*) from zpp_demand_report").query(Long.class).single();
	}

	@Test
	void shouldOfferOnlyTheCertificatesTheCatalogCancelledSharesOrReplaces() {
		ResponseEntity<List<Map<String, Object>>> answer = http.exchange(REPORTS + "/choices", HttpMethod.GET, null,
				JSON_LIST);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		Map<String, Object> minzheng = answer.getBody()
			.stream()
			.filter(d -> d.get("code").equals(DEPARTMENT))
			.findFirst()
			.orElseThrow();
		assertThat(minzheng.get("name")).isEqualTo("县民政局");
		@SuppressWarnings("unchecked")
		Map<String, Object> matter = ((List<Map<String, Object>>) minzheng.get("matters")).stream()
			.filter(m -> m.get("code").equals(MATTER))
			.findFirst()
			.orElseThrow();
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> certificates = (List<Map<String, Object>>) matter.get("certificates");
		assertThat(certificates).extracting(c -> c.get("code")).contains(CANCELLED, SHARED).doesNotContain(PROXY);
		assertThat(certificates).filteredOn(c -> c.get("code").equals(CANCELLED))
			.singleElement()
			.satisfies(c -> assertThat(c).containsEntry("disposition", "CANCELLED").containsEntry("dispositionLabel", "砍掉"));
	}

	@Test
	void shouldTakeAReportStartItsCaseAndTrackItByNumberWithoutTheContact() {
		String phone = newPhone();

		ResponseEntity<Map<String, Object>> answer = post(REPORTS, report(phone));

		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
		String number = (String) answer.getBody().get("trackingNumber");
		assertThat(number).matches("JB20261201-[0-9A-HJKMNP-TV-Z]{8}");
		assertThat(answer.getBody()).containsEntry("duplicate", false);
		var instance = runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("demand-report")
			.processInstanceBusinessKey(number)
			.singleResult();
		assertThat(instance).isNotNull();
		assertThat(runtimeService.getVariables(instance.getId()).values()).extracting(String::valueOf)
			.noneMatch(value -> value.contains(phone) || value.contains("钱七") || value.contains("村里"));

		ResponseEntity<Map<String, Object>> tracked = post(TRACK, Map.of("trackingNumber", " " + number.toLowerCase() + " "));

		assertThat(tracked.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tracked.getBody()).containsEntry("trackingNumber", number)
			.containsEntry("status", "SUBMITTED")
			.containsEntry("departmentName", "县民政局")
			.containsEntry("demandedOn", "2026-11-30")
			.containsEntry("finding", null)
			.containsEntry("reply", null);
		assertThat(tracked.getBody().toString()).doesNotContain(phone, phone.substring(7), "钱七", "村里");
	}

	@Test
	void shouldAnswerAnUnknownTrackingNumberWithNotFound() {
		ResponseEntity<Map<String, Object>> answer = post(TRACK, Map.of("trackingNumber", "JB20261201-ZZZZZZZZ"));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat((String) answer.getBody().get("detail")).contains("没有找到", "no report");
	}

	@Test
	void shouldRefuseWhatCannotBeReportedNamingTheFieldInBothLanguages() {
		long before = reports();

		assertRefused(with("departmentCode", "nosuchdepartment"), "departmentCode", "没有这个部门", "unknown department");
		// a matter of 县人力资源和社会保障局, not of 县民政局
		assertRefused(with("matterCode", "SX-016"), "matterCode", "该部门没有这个办事事项", "no such matter");
		assertRefused(with("certificateCode", PROXY), "certificateCode", "代跑", "proxy-run");
		assertRefused(with("certificateCode", "ZM-9999"), "certificateCode", "清单中没有", "does not list");
		assertRefused(with("demandedOn", "2026-12-02"), "demandedOn", "不能晚于今天", "future");
		assertRefused(with("demandedOn", "2025-11-30"), "demandedOn", "一年内", "past year");
		assertRefused(with("contactPhone", "12345"), "contactPhone", "手机号码", "mobile");
		assertRefused(with("details", "x".repeat(501)), "details", "不超过500个字", "at most 500");

		assertThat(reports()).isEqualTo(before);
	}

	Map<String, Object> with(String field, Object value) {
		Map<String, Object> body = report(newPhone());
		body.put(field, value);
		return body;
	}

	void assertRefused(Map<String, Object> body, String field, String zh, String en) {
		ResponseEntity<Map<String, Object>> answer = post(REPORTS, body);
		assertThat(answer.getStatusCode()).as("%s: %s", field, answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(answer.getBody().toString()).contains(field, zh, en);
	}

	long instances(String trackingNumber) {
		return runtimeService.createProcessInstanceQuery()
			.processDefinitionKey("demand-report")
			.processInstanceBusinessKey(trackingNumber)
			.count();
	}

	ResponseEntity<Map<String, Object>> staff(String path) {
		return http.withBasicAuth("manager-1", "demo").exchange(path, HttpMethod.GET, null, JSON);
	}

	static Map<String, Object> without(Map<String, Object> answer, String... fields) {
		Map<String, Object> rest = new HashMap<>(answer);
		List.of(fields).forEach(rest::remove);
		return rest;
	}

	@Test
	void shouldAnswerTheSameDemandReportedAgainExactlyLikeANewReportAndStartNothing() {
		String phone = newPhone();
		String number = (String) post(REPORTS, report(phone)).getBody().get("trackingNumber");

		// a week later, from anywhere: the same phone, department and certificate, in other words; and at the same
		// moment somebody else's first report of the same demand, the answer a caller must not tell it from
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-08T10:00").atZone(SHANGHAI).toInstant()));
		Map<String, Object> again = report(phone);
		again.put("details", "又去了一次，还是要");
		ResponseEntity<Map<String, Object>> answer = post(REPORTS, client.replace(".1", ".2"), again);
		ResponseEntity<Map<String, Object>> fresh = post(REPORTS, client.replace(".1", ".3"), report(newPhone()));

		assertThat(fresh.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(answer.getStatusCode()).isEqualTo(fresh.getStatusCode());
		assertThat(answer.getHeaders().getLocation()).isEqualTo(fresh.getHeaders().getLocation());
		assertThat(without(answer.getBody(), "trackingNumber")).isEqualTo(without(fresh.getBody(), "trackingNumber"));
		String repeated = (String) answer.getBody().get("trackingNumber");
		assertThat(repeated).matches("JB20261208-[0-9A-HJKMNP-TV-Z]{8}").isNotEqualTo(number);
		// one demand, one verification: the repeat starts nothing
		assertThat(instances(number)).isOne();
		assertThat(instances(repeated)).isZero();

		// the earlier report is verified; the repeat's page stays where every new report starts
		var task = taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult();
		identityService.setAuthentication("manager-1", List.of("managers"));
		taskService.claim(task.getId(), "manager-1");
		taskService.complete(task.getId(), Map.of("finding", "confirmed", "findingNote", "已向部门核实"));
		identityService.clearAuthentication();
		ResponseEntity<Map<String, Object>> tracked = post(TRACK, Map.of("trackingNumber", repeated));
		ResponseEntity<Map<String, Object>> trackedFresh = post(TRACK, Map.of("trackingNumber",
				fresh.getBody().get("trackingNumber")));
		assertThat(tracked.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(tracked.getBody()).containsEntry("trackingNumber", repeated)
			.containsEntry("status", "SUBMITTED")
			.containsEntry("finding", null)
			.containsEntry("reply", null);
		assertThat(without(tracked.getBody(), "trackingNumber"))
			.isEqualTo(without(trackedFresh.getBody(), "trackingNumber"));

		// the reform office sees the repeat with the earlier report, and not as a report to work on
		assertThat(staff("/api/demand-reports/" + number).getBody().get("duplicates"))
			.asInstanceOf(InstanceOfAssertFactories.list(Map.class))
			.singleElement()
			.satisfies(d -> assertThat(d).containsEntry("trackingNumber", repeated)
				.containsEntry("submittedAt", "2026-12-08T10:00:00+08:00")
				.containsEntry("details", "又去了一次，还是要"));
		assertThat(staff("/api/demand-reports/" + repeated).getBody()).containsEntry("duplicateOf", number)
			.containsEntry("details", "又去了一次，还是要")
			.containsEntry("verificationDue", null);
		assertThat(staff("/api/demand-reports/" + number).getBody()).containsEntry("duplicateOf", null);
		ResponseEntity<List<Map<String, Object>>> list = http.withBasicAuth("manager-1", "demo")
			.exchange("/api/demand-reports?department=" + DEPARTMENT, HttpMethod.GET, null, JSON_LIST);
		assertThat(list.getBody()).extracting(r -> r.get("trackingNumber")).contains(number).doesNotContain(repeated);

		// asked again after the report: a new demand, a case of its own
		Map<String, Object> askedAgain = report(phone);
		askedAgain.put("demandedOn", "2026-12-07");
		ResponseEntity<Map<String, Object>> repeat = post(REPORTS, askedAgain);
		assertThat(repeat.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(instances((String) repeat.getBody().get("trackingNumber"))).isOne();

		// another certificate of the same demand is a case of its own
		Map<String, Object> other = report(phone);
		other.put("certificateCode", SHARED);
		ResponseEntity<Map<String, Object>> second = post(REPORTS, other);
		assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(instances((String) second.getBody().get("trackingNumber"))).isOne();
	}

	@Test
	void shouldCountAReportOfTheSameDemandAgainstTheAddressesLimitLikeANewOne() {
		String phone = newPhone();
		for (int i = 0; i < 5; i++) {
			assertThat(post(REPORTS, report(phone)).getStatusCode()).as("report %d", i + 1).isEqualTo(HttpStatus.CREATED);
		}

		assertThat(post(REPORTS, report(phone)).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(post(REPORTS, report(newPhone())).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void shouldTakeAPhoneAndATrackingNumberInAnySpellingAsThemselves() {
		String phone = newPhone();
		ResponseEntity<Map<String, Object>> answer = post(REPORTS, report("\u3000" + Spellings.fullWidth(phone)));
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
		String number = (String) answer.getBody().get("trackingNumber");
		assertThat(staff("/api/demand-reports/" + number).getBody()).containsEntry("contactPhone",
				phone.substring(0, 3) + "****" + phone.substring(7));

		// the same phone in plain digits: the same demand, no second case
		String repeated = (String) post(REPORTS, report(phone)).getBody().get("trackingNumber");
		assertThat(instances(repeated)).isZero();

		for (String spelling : Spellings.six(number)) {
			ResponseEntity<Map<String, Object>> tracked = post(TRACK, Map.of("trackingNumber", spelling));
			assertThat(tracked.getStatusCode()).as("%s", spelling).isEqualTo(HttpStatus.OK);
			assertThat(tracked.getBody()).containsEntry("trackingNumber", number);
		}
	}

	@Test
	void shouldTakeTheSameReportAgainAfterThirtyDays() {
		String phone = newPhone();
		String number = (String) post(REPORTS, report(phone)).getBody().get("trackingNumber");

		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2027-01-05T10:00").atZone(SHANGHAI).toInstant()));
		Map<String, Object> again = report(phone);
		again.put("demandedOn", "2027-01-04");
		ResponseEntity<Map<String, Object>> answer = post(REPORTS, again);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(answer.getBody().get("trackingNumber")).isNotEqualTo(number);
	}

	@Test
	void shouldRefuseTheSixthReportFromOneAddressWithinAnHour() {
		for (int i = 0; i < 5; i++) {
			assertThat(post(REPORTS, report(newPhone())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		}
		long before = reports();

		ResponseEntity<Map<String, Object>> sixth = post(REPORTS, report(newPhone()));

		assertThat(sixth.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(Long.parseLong(sixth.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 3600L);
		assertThat((String) sixth.getBody().get("detail")).contains("举报过于频繁", "Too many reports");
		assertThat(reports()).isEqualTo(before);
		// another address is not held up
		assertThat(post(REPORTS, client.replace(".1", ".2"), report(newPhone())).getStatusCode())
			.isEqualTo(HttpStatus.CREATED);
		// an hour later the address may report again
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-01T11:01").atZone(SHANGHAI).toInstant()));
		assertThat(post(REPORTS, report(newPhone())).getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	@Test
	void shouldShowTheReformOfficeTheReportsWithTheContactsPhoneMasked() {
		String phone = newPhone();
		String number = (String) post(REPORTS, report(phone)).getBody().get("trackingNumber");

		ResponseEntity<List<Map<String, Object>>> list = http.withBasicAuth("manager-1", "demo")
			.exchange("/api/demand-reports?status=SUBMITTED&department=" + DEPARTMENT, HttpMethod.GET, null, JSON_LIST);
		assertThat(list.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(list.getBody()).extracting(r -> r.get("trackingNumber")).contains(number);
		assertThat(list.getBody().toString()).doesNotContain(phone);

		ResponseEntity<Map<String, Object>> detail = http.withBasicAuth("manager-1", "demo")
			.exchange("/api/demand-reports/" + number, HttpMethod.GET, null, JSON);
		assertThat(detail.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(detail.getBody()).containsEntry("contactPhone", phone.substring(0, 3) + "****" + phone.substring(7))
			.containsEntry("contactName", "钱七")
			.containsEntry("details", "窗口要求先去村里开无房证明")
			.containsEntry("status", "SUBMITTED");

		assertThat(http.withBasicAuth("runner-huzhen-1", "demo")
			.exchange("/api/demand-reports/" + number, HttpMethod.GET, null, JSON)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	// --- the KPIs: March 2026, a month no other test confirms a report in

	static void at(String localDateTime) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant()));
	}

	/** A report from its own phone, verified by manager-1 with the finding given. */
	void reportFound(String department, String matter, String certificate, String finding) {
		Map<String, Object> body = report(newPhone());
		body.putAll(Map.of("departmentCode", department, "matterCode", matter, "certificateCode", certificate,
				"demandedOn", "2026-02-27"));
		ResponseEntity<Map<String, Object>> answer = post(REPORTS, body);
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
		var task = taskService.createTaskQuery()
			.processInstanceBusinessKey((String) answer.getBody().get("trackingNumber"))
			.singleResult();
		identityService.setAuthentication("manager-1", List.of("managers"));
		try {
			taskService.claim(task.getId(), "manager-1");
			taskService.complete(task.getId(), Map.of("finding", finding, "findingNote", "已向部门核实"));
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	@Test
	void shouldCountConfirmedReportsAgainstTheDepartmentInTheKpisAndTheMonthlyReport() throws Exception {
		at("2026-03-02T10:00");
		reportFound(DEPARTMENT, MATTER, CANCELLED, "confirmed");
		reportFound(DEPARTMENT, MATTER, SHARED, "notConfirmed");
		// 县人力资源和社会保障局's 失业保险金申领, which no longer asks for ZM-0036 either
		reportFound("renshe", "SX-016", CANCELLED, "confirmed");
		// found in April: not March's
		at("2026-03-31T10:00");
		Map<String, Object> april = report(newPhone());
		april.put("demandedOn", "2026-03-30");
		ResponseEntity<Map<String, Object>> aprilAnswer = post(REPORTS, april);
		assertThat(aprilAnswer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String aprilNumber = (String) aprilAnswer.getBody().get("trackingNumber");
		at("2026-04-01T10:00");
		var task = taskService.createTaskQuery().processInstanceBusinessKey(aprilNumber).singleResult();
		identityService.setAuthentication("manager-1", List.of("managers"));
		taskService.claim(task.getId(), "manager-1");
		taskService.complete(task.getId(), Map.of("finding", "confirmed", "findingNote", "属实"));
		identityService.clearAuthentication();

		ResponseEntity<Map<String, Object>> kpi = http.withBasicAuth("manager-1", "demo")
			.exchange("/api/kpi?from=2026-03-01&to=2026-03-31&by=ISSUER", HttpMethod.GET, null, JSON);
		assertThat(kpi.getStatusCode()).isEqualTo(HttpStatus.OK);
		@SuppressWarnings("unchecked")
		Map<String, Object> total = (Map<String, Object>) kpi.getBody().get("total");
		assertThat(total).containsEntry("confirmedDemandReports", 2);
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> rows = (List<Map<String, Object>>) kpi.getBody().get("rows");
		assertThat(rows).filteredOn(row -> DEPARTMENT.equals(row.get("key")))
			.singleElement()
			.satisfies(row -> assertThat(row).containsEntry("name", "县民政局").containsEntry("confirmedDemandReports", 1));
		assertThat(rows).filteredOn(row -> "renshe".equals(row.get("key")))
			.singleElement()
			.satisfies(row -> assertThat(row).containsEntry("confirmedDemandReports", 1));

		ResponseEntity<byte[]> report = http.withBasicAuth("manager-1", "demo")
			.getForEntity("/api/kpi/report.xlsx?month=2026-03", byte[].class);
		assertThat(report.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (Workbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(report.getBody()))) {
			Sheet departments = workbook.getSheet("部门");
			int column = departments.getRow(0).getLastCellNum() - 1;
			assertThat(departments.getRow(0).getCell(column).getStringCellValue()).isEqualTo("属实举报（清单外索要证明）");
			assertThat(rowNamed(departments, "县民政局").getCell(column).getNumericCellValue()).isEqualTo(1.0);
			assertThat(rowNamed(departments, "县人力资源和社会保障局").getCell(column).getNumericCellValue()).isEqualTo(1.0);
			assertThat(rowNamed(departments, "合计").getCell(column).getNumericCellValue()).isEqualTo(2.0);
			assertThat(rowNamed(workbook.getSheet("汇总"), "属实举报（清单外索要证明）").getCell(1).getNumericCellValue())
				.isEqualTo(2.0);
		}
	}

	static Row rowNamed(Sheet sheet, String name) {
		for (Row row : sheet) {
			if (row.getCell(0) != null && row.getCell(0).getCellType() == org.apache.poi.ss.usermodel.CellType.STRING
					&& name.equals(row.getCell(0).getStringCellValue())) {
				return row;
			}
		}
		throw new AssertionError("no row " + name + " in " + sheet.getSheetName());
	}
}
