package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
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
import org.zhengpaopao.TestNotifications;
import org.zhengpaopao.WebappSession;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Replacement;

/**
 * The applicant's ID number and phone: masked for those who don't need them, shown in full to the issuing clerk
 * with a record of each view, and never in a log line or a process variable, whichever way a case goes.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataTests {

	static final ParameterizedTypeReference<Map<String, Object>> OBJECT = new ParameterizedTypeReference<>() {
	};
	static final ParameterizedTypeReference<List<Map<String, Object>>> LIST = new ParameterizedTypeReference<>() {
	};

	/** used by no other test, so that finding it anywhere means this test put it there */
	static final String ID_NUMBER = "330825198805123424";
	static final String PHONE = "13905771234";
	static final String MASKED_ID = "330***********3424";
	static final String MASKED_PHONE = "139****1234";
	static final String COMPANY_CODE = "91330825MA2DB10002";
	static final String CONTACT_PHONE = "13905775678";

	@Autowired
	TestRestTemplate http;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Catalog catalog;

	@Autowired
	TestNotifications.RecordingNotifier sms;


	@Test
	void shouldShowTheFullIdentityOnlyToTheIssuingClerkAndRecordEachView() {
		String caseNo = openRun(true);
		complete("runner-huzhen-1", caseNo, "fetchCertificate", Map.of("fetchNote", "已提交"));

		assertThat(get("runner-huzhen-1", "/api/proxy-runs/" + caseNo).getBody())
			.containsEntry("idNumber", MASKED_ID)
			.containsEntry("phone", MASKED_PHONE)
			.containsEntry("applicantRevealable", false);
		assertThat(get("clerk-huzhen-mabaoqiao-1", "/api/proxy-runs/" + caseNo).getBody())
			.containsEntry("idNumber", MASKED_ID)
			.containsEntry("applicantRevealable", true);
		assertThat(get("runner-huzhen-1", "/api/proxy-runs/" + caseNo + "/applicant").getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(get("clerk-muchen-1", "/api/proxy-runs/" + caseNo + "/applicant").getStatusCode())
			.as("another issuer's clerk").isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(views(caseNo)).as("refused requests are no views").isEmpty();

		var full = get("clerk-huzhen-mabaoqiao-1", "/api/proxy-runs/" + caseNo + "/applicant");
		assertThat(full.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(full.getBody()).containsEntry("idNumber", ID_NUMBER).containsEntry("phone", PHONE);
		// the same again, e.g. from the 「申请人」 tab in Tasklist, read with the webapp session
		WebappSession session = WebappSession.login(http, "clerk-huzhen-mabaoqiao-1", "tasklist");
		assertThat(http.exchange("/api/proxy-runs/" + caseNo + "/applicant", HttpMethod.GET,
				new HttpEntity<>(session.cookies()), OBJECT).getBody()).containsEntry("idNumber", ID_NUMBER);

		assertThat(views(caseNo)).hasSize(2).allSatisfy(view -> {
			assertThat(view).containsEntry("viewer", "clerk-huzhen-mabaoqiao-1").containsEntry("shown", "ID_NUMBER_AND_PHONE");
			assertThat(view.get("viewedAt")).isNotNull();
		});
		assertThat(get("clerk-huzhen-mabaoqiao-1", "/api/personal-data-views/" + caseNo).getStatusCode())
			.as("the clerk does not audit themselves").isEqualTo(HttpStatus.FORBIDDEN);

		// supervision sees the person, masked
		String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult()
			.getId();
		assertThat(get("taskforce-1", "/api/supervision/process-instances/" + instance).getBody())
			.containsEntry("idNumber", MASKED_ID)
			.containsEntry("phone", MASKED_PHONE);

		// once the certificate is issued and delivered, nobody needs the full numbers any more
		complete("clerk-huzhen-mabaoqiao-1", caseNo, "issueCertificate", Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		complete("runner-huzhen-1", caseNo, "deliverCertificate", Map.of("deliveryConfirmed", true));
		complete("window-ziranziyuan-1", caseNo, "signForCertificate", Map.of("signOutcome", "signed"));
		assertThat(get("clerk-huzhen-mabaoqiao-1", "/api/proxy-runs/" + caseNo + "/applicant").getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(views(caseNo)).hasSize(2);
	}

	/**
	 * A company's credit code is on its licence and in the public register: shown in full to staff, never
	 * recorded as a view. Its contact's phone is personal data like any applicant's: masked, revealed to the issuing
	 * clerk with a record (of the phone, a company having no ID number), and in no log line or process variable.
	 */
	@Test
	void shouldTreatACompanysContactAsPersonalDataAndItsCreditCodeAsNot(CapturedOutput output) {
		var request = new HashMap<>(runRequest(true));
		request.remove("idNumber");
		request.putAll(Map.of("applicantType", "COMPANY", "applicantName", "龙游县湖镇石材有限公司", "creditCode",
				COMPANY_CODE, "contactName", "钱十二", "phone", CONTACT_PHONE));
		var opened = post("window-ziranziyuan-1", "/api/proxy-runs", request);
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) opened.getBody().get("caseNo");
		complete("runner-huzhen-1", caseNo, "fetchCertificate", Map.of("fetchNote", "已提交"));

		assertThat(get("runner-huzhen-1", "/api/proxy-runs/" + caseNo).getBody())
			.containsEntry("creditCode", COMPANY_CODE)
			.containsEntry("phone", "139****5678")
			.containsEntry("idNumber", null);
		assertThat(views(caseNo)).as("the credit code in full is no view of personal data").isEmpty();

		var full = get("clerk-huzhen-mabaoqiao-1", "/api/proxy-runs/" + caseNo + "/applicant");
		assertThat(full.getBody()).containsEntry("phone", CONTACT_PHONE)
			.containsEntry("contactName", "钱十二")
			.containsEntry("creditCode", COMPANY_CODE)
			.containsEntry("idNumber", null);
		assertThat(views(caseNo)).singleElement().satisfies(view -> assertThat(view).containsEntry("shown", "PHONE"));

		assertThat(output.getAll()).as("the log").doesNotContain(CONTACT_PHONE, "钱十二");
		assertThat(runtimeService.getVariables(runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId())).containsEntry("applicantType", "COMPANY")
			.doesNotContainValue(CONTACT_PHONE)
			.doesNotContainValue("钱十二");
	}

	@Test
	void shouldShowThePhoneInFullForTheCallBackAfterABadRatingOnly() {
		String caseNo = openRun(true);
		complete("runner-huzhen-1", caseNo, "fetchCertificate", Map.of("fetchNote", "已提交"));
		complete("clerk-huzhen-mabaoqiao-1", caseNo, "issueCertificate", Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		complete("runner-huzhen-1", caseNo, "deliverCertificate", Map.of("deliveryConfirmed", true));
		complete("window-ziranziyuan-1", caseNo, "signForCertificate", Map.of("signOutcome", "signed"));
		String phone = "/api/ratings/" + caseNo + "/applicant-phone";
		assertThat(get("runner-huzhen-1", phone).getStatusCode()).as("not rated yet").isEqualTo(HttpStatus.CONFLICT);

		post(null, "/public/api/ratings", Map.of("caseNo", caseNo, "phone", PHONE, "level", "VERY_DISSATISFIED"));
		assertThat(get("clerk-huzhen-mabaoqiao-1", phone).getStatusCode()).as("not the responsible group")
			.isEqualTo(HttpStatus.NOT_FOUND);
		var contact = get("runner-huzhen-1", phone);
		assertThat(contact.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(contact.getBody()).containsEntry("phone", PHONE).doesNotContainKey("idNumber");
		assertThat(views(caseNo)).singleElement()
			.satisfies(view -> assertThat(view).containsEntry("viewer", "runner-huzhen-1").containsEntry("shown", "PHONE"));

		complete("runner-huzhen-1", caseNo, "callBackApplicant", Map.of("callBackNote", "已致电道歉", "appealFiled", false));
		assertThat(get("runner-huzhen-1", phone).getStatusCode()).as("called back").isEqualTo(HttpStatus.CONFLICT);
		assertThat(views(caseNo)).hasSize(1);
	}

	@Test
	void shouldKeepTheIdNumberAndPhoneOutOfLogsAndProcessVariables(CapturedOutput output) throws Exception {
		long notificationsBefore = jdbc.queryForObject("select coalesce(max(id), 0) from zpp_notification", Long.class);
		// a run the applicant authorizes by text message, with a loop back for more information, delivered and
		// rated badly (call-back task); the issuing clerk looks at the full identity once
		String caseNo = openRun(false);
		managementService.executeJob(managementService.createJobQuery()
			.processInstanceId(runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseNo)
				.singleResult()
				.getId())
			.singleResult()
			.getId());
		String code = sms.lastCodeFor(caseNo);
		assertThat(post(null, "/public/api/authorizations", Map.of("caseNo", caseNo, "code", code)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(post(null, "/public/api/track", Map.of("caseNo", caseNo, "phone", PHONE)).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		complete("runner-huzhen-1", caseNo, "fetchCertificate", Map.of("fetchNote", "已提交"));
		assertThat(get("clerk-huzhen-mabaoqiao-1", "/api/proxy-runs/" + caseNo + "/applicant").getStatusCode())
			.isEqualTo(HttpStatus.OK);
		complete("clerk-huzhen-mabaoqiao-1", caseNo, "issueCertificate",
				Map.of("issueOutcome", "moreInfo", "moreInfoRequest", "请补充户口簿复印件"));
		complete("runner-huzhen-1", caseNo, "supplementInformation", Map.of("supplementNote", "已补交"));
		complete("clerk-huzhen-mabaoqiao-1", caseNo, "issueCertificate", Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		complete("runner-huzhen-1", caseNo, "deliverCertificate", Map.of("deliveryConfirmed", true));
		complete("window-ziranziyuan-1", caseNo, "signForCertificate", Map.of("signOutcome", "signed"));
		assertThat(post(null, "/public/api/ratings", Map.of("caseNo", caseNo, "phone", PHONE, "level", "DISSATISFIED",
				"comment", "等了太久")).getStatusCode()).isEqualTo(HttpStatus.OK);

		// a certificate-free case: shared data checked with the ID number, a commitment, a proxy-run
		String matter = matterWithEveryDisposition();
		var taken = post("window-" + catalog.matter(matter).orElseThrow().getUsingDepartmentCode() + "-1",
				"/api/applications", application(matter));
		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		// what a clerk might mistype: the same numbers, refused, must not be echoed into the log either
		var mistyped = new HashMap<>(runRequest(true));
		mistyped.put("idNumber", ID_NUMBER.substring(0, 17) + "5");
		mistyped.put("phone", PHONE + "9");
		assertThat(post("window-ziranziyuan-1", "/api/proxy-runs", mistyped).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		// the messages are sent, and logged, by the delivery threads after the commit
		Awaitility.await("this test's messages delivered")
			.atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("select count(*) from zpp_notification where status = 'PENDING' and id > ?",
					Long.class, notificationsBefore) == 0);

		assertThat(output.getAll()).as("the log").doesNotContain(ID_NUMBER, PHONE, ID_NUMBER.substring(0, 17) + "5");
		assertThat(engineTablesContaining(ID_NUMBER)).as("engine tables holding the ID number").isEmpty();
		assertThat(engineTablesContaining(PHONE)).as("engine tables holding the phone").isEmpty();
		// the scans can find things: the log and the engine know the case, the application's tables the numbers
		assertThat(output.getAll()).contains(caseNo);
		assertThat(engineTablesContaining(caseNo)).contains("ACT_HI_PROCINST", "ACT_HI_VARINST");
		assertThat(applicationTablesContaining(ID_NUMBER)).contains("ZPP_PROXY_RUN", "ZPP_APPLICATION");
	}

	// ------------------------------------------------------------------------------------------- the scan

	List<String> engineTablesContaining(String needle) throws SQLException, IOException {
		return tablesContaining("ACT_%", needle);
	}

	List<String> applicationTablesContaining(String needle) throws SQLException, IOException {
		return tablesContaining("ZPP_%", needle);
	}

	/** Every column of every row, text and bytes (serialized variables, stack traces) alike. */
	List<String> tablesContaining(String tablePattern, String needle) throws SQLException, IOException {
		List<String> found = new ArrayList<>();
		List<String> tables = jdbc.queryForList("select table_name from information_schema.tables "
				+ "where table_schema = 'PUBLIC' and table_name like ?", String.class, tablePattern);
		assertThat(tables).as("tables named %s", tablePattern).isNotEmpty();
		for (String table : tables) {
			List<Map<String, Object>> rows = jdbc.queryForList("select * from " + table);
			for (Map<String, Object> row : rows) {
				for (Object value : row.values()) {
					if (text(value).contains(needle)) {
						found.add(table);
					}
				}
			}
		}
		return found.stream().distinct().toList();
	}

	static String text(Object value) throws SQLException, IOException {
		if (value instanceof byte[] bytes) {
			return new String(bytes, StandardCharsets.UTF_8) + new String(bytes, StandardCharsets.UTF_16);
		}
		if (value instanceof Clob clob) {
			try (Reader reader = clob.getCharacterStream()) {
				var text = new StringBuilder();
				char[] buffer = new char[8192];
				for (int read; (read = reader.read(buffer)) > 0;) {
					text.append(buffer, 0, read);
				}
				return text.toString();
			}
		}
		return String.valueOf(value);
	}

	// ------------------------------------------------------------------------------------------- fixtures

	String openRun(boolean authorizedAtWindow) {
		var opened = post("window-ziranziyuan-1", "/api/proxy-runs", runRequest(authorizedAtWindow));
		assertThat(opened.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return (String) opened.getBody().get("caseNo");
	}

	static Map<String, Object> runRequest(boolean authorizedAtWindow) {
		return Map.of("applicantName", "郑十一", "idNumber", ID_NUMBER, "phone", PHONE, "townshipCode", "huzhen",
				"villageCode", "huzhen-mabaoqiao", "certificateCode", "ZM-0040", "usingDepartmentCode", "ziranziyuan",
				"authorizedAtWindow", authorizedAtWindow);
	}

	Map<String, Object> application(String matter) {
		return Map.of("applicantName", "郑十一", "idNumber", ID_NUMBER, "phone", PHONE, "townshipCode", "huzhen",
				"villageCode", "huzhen-mabaoqiao", "matterCode", matter, "commitments",
				catalog.entriesInForce(matter)
					.stream()
					.filter(e -> e.getReplacement() == Replacement.COMMITMENT)
					.map(CatalogEntry::getCertificateCode)
					.toList());
	}

	/** A seeded matter whose list has a cancelled, a shared, a replaced and a proxy-run certificate. */
	String matterWithEveryDisposition() {
		return catalog.matters()
			.stream()
			.map(m -> m.getCode())
			.filter(code -> {
				var dispositions = catalog.entriesInForce(code).stream().map(CatalogEntry::getDisposition).toList();
				return dispositions.containsAll(List.of(Disposition.CANCELLED, Disposition.SHARED, Disposition.REPLACED,
						Disposition.PROXY));
			})
			.findFirst()
			.orElseThrow();
	}

	/** Completes the run's open task as {@code user} through the engine REST API, as Tasklist does. */
	void complete(String user, String caseNo, String taskKey, Map<String, Object> values) {
		String task = taskService.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(taskKey)
			.singleResult()
			.getId();
		Map<String, Object> variables = new HashMap<>();
		values.forEach((name, value) -> variables.put(name, Map.of("value", value)));
		var answer = post(user, "/engine-rest/task/" + task + "/complete", Map.of("variables", variables));
		assertThat(answer.getStatusCode()).as("%s completes %s", user, taskKey).isEqualTo(HttpStatus.NO_CONTENT);
	}

	List<Map<String, Object>> views(String caseNo) {
		return http.exchange("/api/personal-data-views/" + caseNo, HttpMethod.GET,
				new HttpEntity<>(basic("manager-1")), LIST).getBody();
	}

	ResponseEntity<Map<String, Object>> get(String user, String path) {
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(basic(user)), OBJECT);
	}

	ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
		HttpHeaders headers = basic(user);
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), OBJECT);
	}

	static HttpHeaders basic(String user) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, "demo");
		}
		return headers;
	}
}
