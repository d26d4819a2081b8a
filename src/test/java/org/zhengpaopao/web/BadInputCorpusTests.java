package org.zhengpaopao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.zhengpaopao.DatabaseFingerprint;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestFiles;
import org.zhengpaopao.ProxyRunCopy;
import org.zhengpaopao.Spellings;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.absence.Absences;
import org.zhengpaopao.absence.NewAbsence;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.assessment.RatingLevel;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.catalog.workbook.CatalogImports;
import org.zhengpaopao.catalog.workbook.CatalogWorkbook;
import org.zhengpaopao.catalog.workbook.WorkbookEdits;
import org.zhengpaopao.demandreport.DemandReports;
import org.zhengpaopao.demandreport.NewDemandReport;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.proxyrun.RunCertificates;
import org.zhengpaopao.system.Idempotency;
import org.zhengpaopao.web.BadInputCorpus.Case;
import org.zhengpaopao.web.BadInputCorpus.Outcome;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Sends every endpoint of the application API and of the public pages the bad-input corpus
 * ({@code src/test/resources/bad-input}, see its README): malformed JSON, wrong types, missing and extra fields,
 * oversized bodies and strings, injection strings, control and 4-byte characters, in bodies, path variables,
 * query parameters and headers. Each answer must be a 4xx problem detail with a bilingual title and a detail, and
 * leave every application table and Camunda's runtime tables as they were, unless the request is valid: then it
 * is answered 2xx and a text arrives in the database, and back through the API, exactly as sent.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputCorpusTests {

	/** Chinese first, then English: "请求数据有误 / Invalid request". */
	static final Pattern BILINGUAL = Pattern.compile("(?s).*\\p{IsHan}.* / .*[A-Za-z].*");

	static final String MATTER = "SX-098"; // no other test changes this matter's list
	static final String APPLICANT_ID = "330825198505050032";
	static final String PROBE_USER = "corpus-probe";
	/** the village agent of 下库村 (the village feature's demo user; made here if missing) */
	/** a demo agent of a village no other test works in: the corpus's cases fill no other test's village list */
	static final String AGENT = "agent-longzhou-taiping-1";

	@LocalServerPort
	int port;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	RunCertificates runCertificates;

	@Autowired
	Assessment assessment;

	@Autowired
	Applications applications;

	@Autowired
	Catalog catalog;

	@Autowired
	org.zhengpaopao.catalog.CatalogReview catalogReview;

	@Autowired
		CatalogWorkbook catalogWorkbook;

	@Autowired
	CatalogImports catalogImports;

	@Autowired
	TaskService taskService;

	@Autowired
	Absences absences;

	@Autowired
	DemandReports demandReports;

	@Autowired
	IdentityService identityService;

	@Autowired
	org.camunda.bpm.engine.AuthorizationService authorizationService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	RecordingNotifier notifier;

	@Autowired
	@Qualifier("notificationExecutor")
	ThreadPoolTaskExecutor notificationThreads;

	final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	DatabaseFingerprint fingerprint;
	DatabaseFingerprint.Snapshot lastSnapshot;
	final Map<String, String> shared = new HashMap<>();
	final List<String> addedEntries = new ArrayList<>();
	int phoneSequence;
	int reportPhoneSequence;
	String proxyRunCopy;

	@BeforeAll
	void setUp() {
		fingerprint = new DatabaseFingerprint(jdbc, notificationThreads);
		if (identityService.createUserQuery().userId(PROBE_USER).count() == 0) {
			var user = identityService.newUser(PROBE_USER);
			user.setPassword("demo");
			identityService.saveUser(user);
		}
		setUpSharedData();
	}

	@TestFactory
	Stream<DynamicNode> everyEndpointAnswersBadInputWithAProblemAndChangesNothing() {
		BadInputCorpus corpus = BadInputCorpus.load();
		return corpus.endpoints.stream().map(endpoint -> {
			List<Case> cases = corpus.cases(endpoint, this::placeholder);
			return dynamicContainer(endpoint.get("id").asText(),
					cases.stream().map(c -> dynamicTest(c.name(), () -> {
						try {
							check(endpoint, c);
						}
						catch (AssertionError e) {
							// the report then names the case, whatever the runner shows
							throw new AssertionError(c.name() + ": " + e.getMessage(), e);
						}
					})));
		});
	}

	@Test
	void shouldTakeAnApplicationOnceForTheSameIdempotencyKey() throws Exception {
		String body = """
				{"applicantName": "王建国", "idNumber": "%s", "phone": "13905700001", "townshipCode": "huzhen",
				 "villageCode": "huzhen-xiaku", "matterCode": "SX-001", "requiredCertificates": ["ZM-0114"],
				 "commitments": ["ZM-0114"]}""".formatted(APPLICANT_ID);
		assertTakenOnce("/api/applications", body, "zpp_application", "窗口");
	}

	@Test
	void shouldOpenAProxyRunOnceForTheSameIdempotencyKey() throws Exception {
		String body = """
				{"applicantName": "张三", "idNumber": "%s", "phone": "13905701234", "townshipCode": "huzhen",
				 "villageCode": "huzhen-xiaku", "certificateCode": "ZM-0032", "usingDepartmentCode": "minzheng",
				 "authorizedAtWindow": true}""".formatted(APPLICANT_ID);
		assertTakenOnce("/api/proxy-runs", body, "zpp_proxy_run", "代跑");
	}

	/**
	 * The first request is answered 201, the same again 200 with the same case and no change at all, the same key
	 * with another phone number 409 naming the case, and there is exactly one new row.
	 */
	void assertTakenOnce(String path, String body, String table, String what) throws Exception {
		String key = UUID.randomUUID().toString();
		long before = jdbc.queryForObject("select count(*) from " + table, Long.class);

		HttpResponse<String> first = post(path, body, key);
		assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
		String caseNo = BadInputCorpus.JSON.readTree(first.body()).get("caseNo").asText();
		DatabaseFingerprint.Snapshot afterFirst = fingerprint.take();

		HttpResponse<String> again = post(path, body, key);
		assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
		assertThat(BadInputCorpus.JSON.readTree(again.body()).get("caseNo").asText()).isEqualTo(caseNo);

		HttpResponse<String> different = post(path, body.replace("1390570", "1390571"), key);
		assertThat(different.statusCode()).as(different.body()).isEqualTo(409);
		assertThat(different.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(BadInputCorpus.JSON.readTree(different.body()).get("detail").asText()).contains(caseNo);

		assertThat(fingerprint.take().differencesTo(afterFirst)).as("neither the replay nor the conflict changed anything")
			.isEmpty();
		assertThat(jdbc.queryForObject("select count(*) from " + table, Long.class)).as("one new " + what)
			.isEqualTo(before + 1);
		lastSnapshot = null;
	}

	HttpResponse<String> post(String path, String body, String key) throws Exception {
		return client.send(request(path, "window-minzheng-1").header("Content-Type", "application/json")
			.header("Idempotency-Key", key)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
	}

	/** What the security layer and the router refuse is a problem detail as well. */
	@TestFactory
	Stream<DynamicTest> refusalsOfSecurityAndUnknownAddressesAreProblems() {
		record Refusal(String name, String method, String path, String user, String password, int status,
				String accept) {

			Refusal(String name, String method, String path, String user, String password, int status) {
				this(name, method, path, user, password, status, null);
			}
		}
		return Stream.of(new Refusal("no login", "GET", "/api/divisions", null, null, 401),
				// Camunda holds back the next login of a user after a wrong password: not one the corpus logs in as
				new Refusal("wrong password", "GET", "/api/divisions", PROBE_USER, "wrong", 401),
				new Refusal("unknown user", "GET", "/api/divisions", "nobody", "demo", 401),
				new Refusal("role may not", "POST", "/api/proxy-runs", "manager-1", "demo", 403),
				new Refusal("a runner reads a case", "GET", "/api/applications/BJ1", "runner-huzhen-1", "demo", 403),
				new Refusal("unknown /api address", "GET", "/api/nothing-here", "manager-1", "demo", 404),
				new Refusal("unknown /api address without login", "GET", "/api/nothing-here", null, null, 401),
				new Refusal("unknown /public/api address", "GET", "/public/api/nothing-here", null, null, 404),
				new Refusal("wrong method", "DELETE", "/api/proxy-runs", "window-minzheng-1", "demo", 405),
				new Refusal("wrong method on a public address", "GET", "/public/api/track", null, null, 405),
				new Refusal("path parameter the firewall refuses", "GET", "/api/proxy-runs/x;jsessionid=1", "manager-1",
						"demo", 400),
				new Refusal("encoded slash", "GET", "/api/proxy-runs/a%2Fb", "manager-1", "demo", 400),
				new Refusal("the error page itself", "GET", "/error", null, null, 404),
				new Refusal("answer wanted as XML", "GET", "/api/divisions", "manager-1", "demo", 406, "application/xml"),
				new Refusal("a browser's page for a case that does not exist", "GET", "/api/proxy-runs/DP0", "manager-1",
						"demo", 404, "text/html"))
			.map(refusal -> dynamicTest(refusal.method() + " " + refusal.path() + " · " + refusal.name(), () -> {
				DatabaseFingerprint.Snapshot before = fingerprint.take();
				HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + refusal.path()))
					.timeout(Duration.ofSeconds(30));
				if (refusal.user() != null) {
					request.header("Authorization", "Basic " + Base64.getEncoder()
						.encodeToString((refusal.user() + ":" + refusal.password()).getBytes(StandardCharsets.UTF_8)));
				}
				if (refusal.accept() != null) {
					request.header("Accept", refusal.accept());
				}
				request.method(refusal.method(), HttpRequest.BodyPublishers.noBody());
				HttpResponse<String> response = client.send(request.build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				assertThat(response.statusCode()).as(response.body()).isEqualTo(refusal.status());
				assertProblem(new Case("refusal", refusal.name(), refusal.method(), refusal.path(), Map.of(), null,
						Outcome.INVALID, refusal.status(), null, null, null), response, refusal.status());
				assertThat(before.differencesTo(fingerprint.take())).isEmpty();
			}));
	}

	// --- the data the baselines refer to

	void setUpSharedData() {
		ProxyRun run = proxyRuns.open(new NewProxyRun("张三", APPLICANT_ID, "13905701234", "huzhen", "huzhen-xiaku",
				"ZM-0032", "minzheng", true), "window-minzheng-1");
		shared.put("caseNo", run.getCaseNo());
		shared.put("processInstanceId", run.getProcessInstanceId());
		// at the issuing clerk's 出具证明: one to record licence numbers on, one with a file to copy
		ProxyRun issuing = proxyRuns.open(new NewProxyRun("张三", APPLICANT_ID, "13905701234", "huzhen", "huzhen-xiaku",
				"ZM-0032", "minzheng", true), "window-minzheng-1");
		complete("runner-huzhen-1", issuing, Map.of());
		shared.put("issuingCaseNo", issuing.getCaseNo());
		ProxyRun withFile = proxyRuns.open(new NewProxyRun("张三", APPLICANT_ID, "13905701234", "huzhen", "huzhen-xiaku",
				"ZM-0032", "minzheng", true), "window-minzheng-1");
		complete("runner-huzhen-1", withFile, Map.of());
		runCertificates.attachFile(withFile.getCaseNo(), "证明.pdf", TestFiles.pdf(1), "clerk-huzhen-1");
		shared.put("certificateCaseNo", withFile.getCaseNo());
		shared.put("applicationCaseNo", applications.take(new NewApplication("王建国", APPLICANT_ID, "13905700001",
				"huzhen", "huzhen-xiaku", "SX-001", List.of("ZM-0114"), List.of("ZM-0114"), true), null,
				"window-minzheng-1").application().getCaseNo());

		List<String> unlisted = catalog.certificates()
			.stream()
			.map(Certificate::getCode)
			.filter(code -> jdbc.queryForObject(
					"select count(*) from zpp_catalog_entry where matter_code = ? and certificate_code = ?", Long.class,
					MATTER, code) == 0)
			.limit(3)
			.toList();
		shared.put("matter", MATTER);
		shared.put("entryCertificate", list(unlisted.get(0)));
		shared.put("newCertificate", unlisted.get(1));
		addedEntries.add(unlisted.get(1));
		shared.put("retiredCertificate", list(unlisted.get(2)));
		// the catalog's changes are proposals (docs/catalog-review.md): a valid one changes only the proposal tables
		shared.put("proposalNumber", catalogReview.propose(
				List.of(org.zhengpaopao.catalog.CatalogChange.retire(MATTER, shared.get("retiredCertificate"))),
				"坏输入测试", "catalog-1"));

		deployProxyRunCopy();
		shared.put("failedNotification", failedNotification());
		shared.putAll(pendingAuthorization());
		shared.putAll(finishedCaseToRate());
		shared.putAll(agentPendingAuthorization());
		shared.putAll(agentDeliveredRun());
		// the bad confirmations are sent to a real import, so that it is their body that is refused
		shared.put("catalogImport", catalogImport());
		String badlyRated = finishedCaseToRate().get("ratingCaseNo");
		assessment.rate(badlyRated, proxyRuns.find(badlyRated).orElseThrow().getPhone(), RatingLevel.DISSATISFIED, "坏输入测试");
		shared.put("badlyRatedCaseNo", badlyRated);
		LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
		shared.put("today", today.toString());
		shared.put("demandReportNumber", demandReports.submit(new NewDemandReport("minzheng", "SX-001", "ZM-0036",
				today, null, reportPhone(), null), "bad-input corpus").report().getTrackingNumber());
	}

	/** A phone no report has used: every valid report of the corpus is a new one, never a duplicate. */
	String reportPhone() {
		return "1370599" + String.format("%04d", reportPhoneSequence++);
	}

	/**
	 * The migration endpoint's baseline is a dry run from version 1 to the latest: a copy of proxy-run (the same
	 * model, so new runs of the other endpoints behave the same on it), removed after the corpus.
	 */
	void deployProxyRunCopy() {
		proxyRunCopy = ProxyRunCopy.deploy(repositoryService, "bad-input corpus: proxy-run copy");
	}

	String list(String certificate) {
		catalog.add(MATTER, certificate, new EntryTerms(Disposition.CANCELLED, null, "坏输入测试用条目", null, ""),
				"catalog-1", "坏输入测试");
		addedEntries.add(certificate);
		return certificate;
	}

	/** Leaves the matter's list as the seeds have it: the entries added here are retired. */
	@AfterAll
	void retireTheEntriesAdded() {
		fingerprint.close();
		if (proxyRunCopy != null) {
			// the runs opened on the copy go back to the original (the same model), so later tests find them whole
			var copy = repositoryService.createProcessDefinitionQuery().deploymentId(proxyRunCopy).singleResult();
			var original = repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey("proxy-run")
				.processDefinitionVersion(copy.getVersion() - 1)
				.singleResult();
			if (runtimeService.createProcessInstanceQuery().processDefinitionId(copy.getId()).count() > 0) {
				runtimeService
					.newMigration(runtimeService.createMigrationPlan(copy.getId(), original.getId())
						.mapEqualActivities()
						.build())
					.processInstanceQuery(runtimeService.createProcessInstanceQuery().processDefinitionId(copy.getId()))
					.execute();
			}
			repositoryService.deleteDeployment(proxyRunCopy, true, true, true);
		}
		for (String certificate : addedEntries) {
			if (catalog.entriesInForce(MATTER).stream().map(CatalogEntry::getCertificateCode).anyMatch(certificate::equals)) {
				catalog.retire(MATTER, certificate, "catalog-1", "坏输入测试结束");
			}
		}
	}

	String failedNotification() {
		var key = new GeneratedKeyHolder();
		jdbc.update(connection -> {
			var insert = connection.prepareStatement("insert into zpp_notification (attempts, created_at, next_attempt_at, "
					+ "version, recipient, reference, title, message_text, channel, status) "
					+ "values (3, current_timestamp, current_timestamp, 0, 'runners-corpus', 'BAD-INPUT', '坏输入测试', "
					+ "'坏输入测试的通知', 'GROUP', 'FAILED')", new String[] { "ID" });
			return insert;
		}, key);
		return key.getKey().toString();
	}

	/** A run waiting for the applicant's one-time code, and the code the applicant got. */
	Map<String, String> pendingAuthorization() {
		ProxyRun run = proxyRuns.open(new NewProxyRun("王五", APPLICANT_ID, nextPhone(), "huzhen", "huzhen-xiaku",
				"ZM-0032", "minzheng", false), "window-minzheng-1");
		managementService.executeJob(
				managementService.createJobQuery().processInstanceId(run.getProcessInstanceId()).singleResult().getId());
		return Map.of("pendingCaseNo", run.getCaseNo(), "pendingCode", notifier.lastCodeFor(run.getCaseNo()));
	}

	/** A run delivered to the window, so that its applicant is invited to rate it. */
	Map<String, String> finishedCaseToRate() {
		String phone = nextPhone();
		ProxyRun run = proxyRuns.open(new NewProxyRun("赵六", APPLICANT_ID, phone, "huzhen", "huzhen-xiaku", "ZM-0032",
				"minzheng", true), "window-minzheng-1");
		complete("runner-huzhen-1", run, Map.of());
		complete("clerk-huzhen-1", run, Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		complete("runner-huzhen-1", run, Map.of("deliveryConfirmed", true));
		complete("window-minzheng-1", run, Map.of("signOutcome", "signed"));
		return Map.of("ratingCaseNo", run.getCaseNo(), "ratingPhone", phone);
	}

	/** A run a village agent took by code, waiting for it, and the code the villager got. */
	Map<String, String> agentPendingAuthorization() {
		ProxyRun run = proxyRuns.open(new NewProxyRun("王五", APPLICANT_ID, nextPhone(), "longzhou", "longzhou-taiping",
				"ZM-0032", "minzheng", false), org.zhengpaopao.applicant.Intake.agent("longzhou-taiping"), null, AGENT).run();
		managementService.executeJob(
				managementService.createJobQuery().processInstanceId(run.getProcessInstanceId()).singleResult().getId());
		return Map.of("agentPendingCaseNo", run.getCaseNo(), "agentPendingCode", notifier.lastCodeFor(run.getCaseNo()));
	}

	/** A run a village agent took, signed for by the using department: its result is back in the village. */
	Map<String, String> agentDeliveredRun() {
		ProxyRun run = proxyRuns.open(new NewProxyRun("赵六", APPLICANT_ID, nextPhone(), "longzhou", "longzhou-taiping",
				"ZM-0032", "minzheng", true), org.zhengpaopao.applicant.Intake.agent("longzhou-taiping"), null, AGENT).run();
		complete("runner-longzhou-1", run, Map.of());
		complete("clerk-longzhou-1", run, Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		complete("runner-longzhou-1", run, Map.of("deliveryConfirmed", true));
		complete("window-minzheng-1", run, Map.of("signOutcome", "signed"));
		return Map.of("agentDeliveredCaseNo", run.getCaseNo());
	}

	String nextPhone() {
		return "1390570" + String.format("%04d", 9000 + phoneSequence++);
	}

	void complete(String user, ProxyRun run, Map<String, Object> variables) {
		var task = taskService.createTaskQuery().processInstanceId(run.getProcessInstanceId()).singleResult();
		identityService.setAuthentication(user,
				identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
		try {
			taskService.claim(task.getId(), user);
			taskService.complete(task.getId(), variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	/** The catalog maintainer's import of a workbook that changes one entry's 说明, waiting for confirmation. */
	String catalogImport() {
		// an entry with its legal basis: a changed row must meet today's rules, which the corpus's own entries do not
		String certificate = catalog.entriesInForce(MATTER)
			.stream()
			.filter(entry -> !entry.terms().legalBasis().isBlank())
			.findFirst()
			.orElseThrow()
			.getCertificateCode();
		return String.valueOf(catalogImports.preview(WorkbookEdits.withOneChangedDetail(catalogWorkbook.export(), MATTER,
				certificate, "坏输入测试 " + UUID.randomUUID()), "坏输入.xlsx", "catalog-1"));
	}

	/** Values that must differ per case are made here; those a valid case uses up are made in {@link #fresh}. */
	String placeholder(String name) {
		if (name.equals("idempotencyKey")) {
			return UUID.randomUUID().toString();
		}
		if (name.equals("reportPhone")) {
			return reportPhone();
		}
		if (Set.of("failedNotification", "pendingCaseNo", "pendingCode", "ratingCaseNo", "ratingPhone",
				"absenceToEnd", "catalogImport", "agentPendingCaseNo", "agentPendingCode", "agentDeliveredCaseNo")
			.contains(name)) {
			return token(name);
		}
		return shared.get(name);
	}

	static String token(String name) {
		return "ZZFRESH-" + name + "-ZZ";
	}

	/** For a valid case of an endpoint whose valid request uses its data up: new data; else the shared. */
	Map<String, String> fresh(JsonNode endpoint, Case c) {
		if (c.outcome() == Outcome.VALID && endpoint.has("fresh")) {
			lastSnapshot = null;
			return switch (endpoint.get("fresh").asText()) {
				case "failedNotification" -> Map.of("failedNotification", failedNotification());
				case "pendingAuthorization" -> pendingAuthorization();
				case "finishedCaseToRate" -> finishedCaseToRate();
				case "absenceToEnd" -> Map.of("absenceToEnd", absences
					.record(new NewAbsence("clerk-muchen-1", "2030-04-01", "2030-04-01", "坏输入测试", null), "manager-1")
					.getId()
					.toString());
				case "catalogImport" -> Map.of("catalogImport", catalogImport());
				case "agentPendingAuthorization" -> agentPendingAuthorization();
				case "agentDeliveredRun" -> agentDeliveredRun();
				default -> throw new IllegalArgumentException(endpoint.get("fresh").asText());
			};
		}
		return shared;
	}

	void afterValid(JsonNode endpoint) {
		switch (endpoint.path("afterValid").asText("")) {
			case "cancelCountyRunnerAbsences" -> absences.list("runner-county-1", null)
				.forEach(absence -> absences.end(absence.getId(), "runner-county-1"));
			default -> {
			}
		}
		lastSnapshot = null;
	}

	// --- one case

	void check(JsonNode endpoint, Case c) throws Exception {
		Map<String, String> values = fresh(endpoint, c);
		boolean publicPage = c.path().startsWith("/public/");
		if (publicPage) {
			clearPublicLockOut();
		}
		Set<String> mayChange = new java.util.HashSet<>();
		endpoint.path("mayChange").forEach(column -> mayChange.add(column.asText()));
		DatabaseFingerprint.Snapshot before = null;
		DatabaseFingerprint.Snapshot cached = lastSnapshot;
		lastSnapshot = null; // kept only when this case passes, so that a failure never hands on a stale state
		// a valid full view of personal data is recorded: that one row is what the request is for
		boolean validChanges = c.outcome() == Outcome.VALID && endpoint.path("validChangesDatabase").asBoolean();
		if (c.outcome() != Outcome.VALID || (c.method().equals("GET") && !validChanges)) {
			before = mayChange.isEmpty() && cached != null ? cached : fingerprint.take(mayChange);
		}

		HttpResponse<String> response = send(c, values, endpoint.path("user").asText(null));
		int status = response.statusCode();
		String answer = response.body().length() > 600 ? response.body().substring(0, 600) + "…" : response.body();

		if (status >= 200 && status < 300) {
			// whether the corpus expected it or not, what was stored is taken back before the next case
			afterValid(endpoint);
		}
		if (c.outcome() == Outcome.VALID) {
			assertThat(status).as("a valid request is accepted; answer: %s", answer).isBetween(200, 299);
			if (c.storedAs() != null) {
				assertStoredAsSent(endpoint, c, BadInputCorpus.JSON.readTree(response.body()));
			}
		}
		else if (c.outcome() == Outcome.EITHER && status < 300) {
			assertThat(c.method()).as("only a query may go either way").isEqualTo("GET");
		}
		else {
			assertThat(status).as("bad input is the client's error, answer: %s", answer).isBetween(400, 499);
			if (c.status() != null) {
				assertThat(status).as("answer: %s", answer).isEqualTo(c.status());
			}
			assertProblem(c, response, status);
		}
		if (before != null) {
			DatabaseFingerprint.Snapshot after = fingerprint.take(mayChange);
			String changed = before.differencesTo(after);
			if (!changed.isEmpty()) {
				fail("the database changed: " + changed + "; answer " + status + " " + answer);
			}
			lastSnapshot = mayChange.isEmpty() ? after : null;
		}
	}

	void assertProblem(Case c, HttpResponse<String> response, int status) throws IOException {
		assertThat(response.headers().firstValue("Content-Type").orElse(""))
			.as("answer: %s", response.body())
			.startsWith("application/problem+json");
		JsonNode problem = BadInputCorpus.JSON.readTree(response.body());
		assertThat(problem.path("status").asInt()).isEqualTo(status);
		assertThat(problem.path("title").asText()).as("a title in Chinese and English").matches(BILINGUAL);
		assertThat(problem.path("detail").asText()).as("a detail").isNotBlank();
		if (problem.path("type").asText().equals("https://zhengpaopao.org/problems/invalid-input")
				&& c.reportedAs() != null) {
			// a type error names the field itself; a refusal that must not tell which part is wrong names one field
			assertThat(problem.path("detail").asText()).as("the detail names the field")
				.containsAnyOf(c.reportedAs(), c.field());
		}
	}

	void assertStoredAsSent(JsonNode endpoint, Case c, JsonNode answer) {
		JsonNode stored = endpoint.get("stored");
		List<Object> keys = new ArrayList<>();
		for (String key : stored.get("key").asText().split(",")) {
			keys.add(answer.get(key).isNumber() ? answer.get(key).numberValue() : answer.get(key).asText());
		}
		String sql = stored.path(c.field()).asText(null);
		if (sql == null) {
			return;
		}
		String inDatabase = jdbc.queryForObject(sql, String.class, keys.toArray());
		assertThat(inDatabase == null ? "" : inDatabase).as("stored as sent").isEqualTo(c.storedAs());

		String shownAs = endpoint.path("fields").path(c.field()).path("readAs").asText(c.field());
		if (answer.has(shownAs)) {
			assertThat(answer.get(shownAs).asText()).as("answered as sent").isEqualTo(c.storedAs());
		}
		if (endpoint.has("readBack")) {
			JsonNode readBack = endpoint.get("readBack");
			String path = readBack.get("path").asText();
			for (var key : stored.get("key").asText().split(",")) {
				path = path.replace("{" + key + "}", answer.get(key).asText());
			}
			try {
				HttpResponse<String> read = client.send(request(path, readBack.get("user").asText()).GET().build(),
						HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
				assertThat(read.statusCode()).isEqualTo(200);
				assertThat(BadInputCorpus.JSON.readTree(read.body()).path(shownAs).asText())
					.as("read back as sent")
					.isEqualTo(c.storedAs());
			}
			catch (IOException | InterruptedException e) {
				throw new AssertionError("could not read back " + path, e);
			}
		}
	}

	/**
	 * The public pages lock a client or case number out after repeated failures (a table of failed attempts); the
	 * corpus tests validation, so it starts each public request with no failures counted.
	 */
	void clearPublicLockOut() {
		for (String table : jdbc.queryForList("select table_name from information_schema.tables "
				+ "where table_schema = 'PUBLIC' and upper(table_name) like '%PUBLIC_ATTEMPT%'", String.class)) {
			jdbc.update("delete from \"" + table + "\"");
		}
		lastSnapshot = null;
	}

	HttpResponse<String> send(Case c, Map<String, String> values, String user) throws InterruptedException {
		String path = c.path();
		byte[] body = c.body();
		for (var value : values.entrySet()) {
			path = path.replace(token(value.getKey()), value.getValue());
			if (c.name().contains(" · spelling/")) {
				// a case that spells a fresh value spelled its token: the value gets the same spelling
				for (var spelling : Spellings.ALL.values()) {
					body = replace(body, spelling.apply(token(value.getKey())), spelling.apply(value.getValue()));
				}
			}
			body = replace(body, token(value.getKey()), value.getValue());
		}
		HttpRequest.Builder request = request(path, user);
		c.headers().forEach(request::header);
		if (body != null && path.length() > 8 * 1024) {
			// Tomcat refuses a request line over 8 KB before it reads any body and closes the connection: a client
			// still writing its body then sees a reset instead of the answer (and the JDK client hangs on
			// "Expect: 100-continue" refused this way). The answer does not depend on the body, so none is sent.
			body = new byte[0];
		}
		request.method(c.method(),
				body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
		try {
			return client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			throw new AssertionError("no answer to " + c.name() + ": " + e, e);
		}
	}

	/** Byte-wise, so that a body with invalid UTF-8 stays as it is. */
	static byte[] replace(byte[] body, String token, String value) {
		if (body == null) {
			return null;
		}
		byte[] from = token.getBytes(StandardCharsets.UTF_8);
		byte[] to = value.getBytes(StandardCharsets.UTF_8);
		var out = new java.io.ByteArrayOutputStream(body.length);
		for (int i = 0; i < body.length;) {
			if (java.util.Arrays.equals(body, i, Math.min(i + from.length, body.length), from, 0, from.length)) {
				out.writeBytes(to);
				i += from.length;
			}
			else {
				out.write(body[i++]);
			}
		}
		return out.toByteArray();
	}

	HttpRequest.Builder request(String path, String user) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.timeout(Duration.ofSeconds(30));
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)));
		}
		return request;
	}
}
