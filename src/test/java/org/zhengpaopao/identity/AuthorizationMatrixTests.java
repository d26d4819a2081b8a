package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.zhengpaopao.AgentUsers;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.ProxyRunCopy;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.TestFiles;
import org.zhengpaopao.TestNotifications;
import org.zhengpaopao.WebappSession;
import org.zhengpaopao.absence.Absences;
import org.zhengpaopao.absence.NewAbsence;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.assessment.RatingLevel;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogChange;
import org.zhengpaopao.catalog.CatalogReview;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.catalog.workbook.CatalogImports;
import org.zhengpaopao.catalog.workbook.CatalogWorkbook;
import org.zhengpaopao.catalog.workbook.WorkbookEdits;
import org.zhengpaopao.demandreport.DemandReports;
import org.zhengpaopao.demandreport.NewDemandReport;
import org.zhengpaopao.platform.PlatformTestRequests;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.proxyrun.RunCertificates;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Walks the authorization matrix of {@code docs/security.md}: every row's request, sent over HTTP as every
 * column's user, must be carried out or refused exactly as the cell says. The tables are read from the document,
 * so the document cannot drift from what the application does.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTests {

	static final Path MATRIX = Path.of("docs/security.md");
	static final String PASSWORD = "demo";
	static final String ANONYMOUS = "anonymous";
	static final String TOWNSHIP = "huzhen";
	static final String PHONE = "13905700040";
	/** a matter of 县自然资源局, the window in the matrix, whose catalog the catalog rows change */
	static final String MATTER = "SX-048";
	static final String PROBE_PROCESS = "matrix-probe";
	/** far enough ahead that no absence the matrix records moves anybody's tasks */
	static final String ABSENCE_DAY = "2030-05-06";
	/** a clerk no column is: whose absence the "somebody else's" rows record */
	static final String ABSENT_CLERK = "clerk-muchen-1";
	/**
	 * the agent column: a demo agent of another village of the matrix run's township (马报桥村 has none, so the matrix
	 * run goes to the township's runners); the agent's own rows act in the agent's village
	 */
	static final String AGENT = "agent-huzhen-xinghuo-1";
	static final String AGENT_VILLAGE = "huzhen-xinghuo";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	RunCertificates runCertificates;

	@Autowired
	Applications applications;

	@Autowired
	Catalog catalog;

	@Autowired
	CatalogReview catalogReview;

	@Autowired
		CatalogWorkbook catalogWorkbook;

	@Autowired
	CatalogImports catalogImports;

	@Autowired
	Assessment assessment;

	@Autowired
	Absences absences;

	@Autowired
	DemandReports demandReports;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	org.camunda.bpm.engine.IdentityService identityService;

	@Autowired
	org.camunda.bpm.engine.AuthorizationService authorizationService;

	@Autowired
	TaskService taskService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RepositoryService repositoryService;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TestNotifications.RecordingNotifier notifications;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Clock clock;

	@Value("${zhengpaopao.platform.app-key}")
	String platformAppKey;

	@Value("${zhengpaopao.platform.secret}")
	String platformSecret;

	final ObjectMapper json = new ObjectMapper();
	final List<String> deploymentsToRemove = new ArrayList<>();

	/** the run and case the read-only rows look at */
	Run run;
	String caseNo;

	record Run(String caseNo, String processInstanceId) {
	}

	@BeforeAll
	void openTheMatrixRunAndCase() {
		// a process that needs no data: what "start" rows are about is the permission, not a run's first step
		deploymentsToRemove.add(repositoryService.createDeployment()
			.name("matrix-probe")
			.addString(PROBE_PROCESS + ".bpmn", probeModel())
			.deploy()
			.getId());
		run = openRun();
		caseNo = applications
			.take(new NewApplication("钱七", "330825199003074514", PHONE, TOWNSHIP, "huzhen-mabaoqiao", MATTER, List.of(),
					commitmentsOf(MATTER), true), null, "window-ziranziyuan-1")
			.application()
			.getCaseNo();
	}

	@AfterAll
	void removeTheProbeDeployments() {
		deploymentsToRemove.forEach(id -> repositoryService.deleteDeployment(id, true));
	}

	@TestFactory
	Stream<DynamicTest> staffResources() throws IOException {
		return cells("## Staff resources", staffProbes());
	}

	@TestFactory
	Stream<DynamicTest> publicPages() throws IOException {
		return cells("## Public pages", publicProbes());
	}

	/**
	 * The allow-list of the engine REST: the document's table is the code's list, and every row, sent through both
	 * doors as every column of the staff matrix, passes the allow-list exactly for its audience. The audiences are
	 * the matrix's own rows: who logs into Tasklist, who into Cockpit, who deploys from Modeler.
	 */
	@TestFactory
	Stream<DynamicTest> engineRequests() throws IOException {
		List<List<String>> rows = table("## Engine requests", "| method |").stream()
			.skip(2)
			.map(AuthorizationMatrixTests::split)
			.map(cells -> cells.stream().map(cell -> cell.replace("`", "")).toList())
			.toList();
		assertThat(rows.stream().map(row -> row.get(0) + " " + row.get(1) + " " + audiences(row.get(2))))
			.as("the table in %s is the allow-list in EngineRequests", MATRIX)
			.containsExactlyElementsOf(EngineRequests.RULES.stream()
				.map(rule -> rule.method() + " " + rule.path() + " "
						+ audiences(rule.who().stream().map(audience -> audience.label).collect(Collectors.joining(","))))
				.toList());

		List<String> header = split(table("## Staff resources", "| id |").get(0));
		List<String> users = header.stream().skip(2).map(AuthorizationMatrixTests::column).toList();
		Map<String, Set<String>> audiencesOf = new LinkedHashMap<>();
		users.forEach(user -> audiencesOf.put(user, new TreeSet<>(Set.of("anyone"))));
		Map<String, String> audienceRows = Map.of("webapp-tasklist", "Tasklist", "webapp-cockpit", "Cockpit",
				"deployment-create", "designers");
		table("## Staff resources", "| id |").stream().skip(2).map(AuthorizationMatrixTests::split).forEach(cells -> {
			String audience = audienceRows.get(cells.get(0).replace("`", ""));
			for (int i = 0; audience != null && i < users.size(); i++) {
				if (cells.get(i + 2).equals("✓")) {
					audiencesOf.get(users.get(i)).add(audience);
				}
			}
		});

		List<DynamicTest> tests = new ArrayList<>();
		for (List<String> row : rows) {
			String method = row.get(0);
			String path = row.get(1);
			Set<String> who = audiences(row.get(2));
			for (String user : users) {
				boolean allowed = user.equals("admin") || audiencesOf.get(user).stream().anyMatch(who::contains);
				for (EngineDoor door : EngineDoor.values()) {
					String name = method + " " + path + " · " + user + " · " + door.name().toLowerCase() + " · "
							+ (allowed ? "passes" : "refused");
					tests.add(DynamicTest.dynamicTest(name, () -> {
						var answer = door.send(this, user, method, path.replaceAll("\\{[^}]+\\}", "matrix-probe"));
						assertThat(passedTheAllowList(answer)).as("%s: HTTP %d %s", name, answer.getStatusCode().value(),
								answer.getBody())
							.isEqualTo(allowed);
					}));
				}
			}
		}
		return tests.stream();
	}

	/**
	 * Requests that are not on the list, sent by a runner who works on the task, an issuing clerk, a window clerk,
	 * a manager and a designer, through both doors: each refused by the allow-list, the task still open and
	 * unclaimed, and the process's variables unchanged.
	 */
	@TestFactory
	Stream<DynamicTest> requestsNotOnTheEngineAllowList() {
		Run target = openRun();
		String task = taskOf(target, "fetchCertificate");
		String instance = target.processInstanceId();
		Map<String, Object> variablesBefore = runtimeService.getVariables(instance);
		Map<String, Object> otherCase = Map.of("variables", Map.of("caseNo", Map.of("value", run.caseNo(), "type", "String")));
		List<Object[]> requests = List.of(
				new Object[] { "POST", "/task/" + task + "/bpmnError", Map.of("errorCode", "x", "variables",
						otherCase.get("variables")) },
				new Object[] { "POST", "/task/" + task + "/bpmnEscalation", Map.of("escalationCode", "x") },
				new Object[] { "POST", "/task/" + task + "/delegate", Map.of("userId", "runner-huzhen-1") },
				new Object[] { "POST", "/task/" + task + "/resolve", otherCase },
				new Object[] { "POST", "/task/" + task + "/assignee", Map.of("userId", "runner-huzhen-1") },
				new Object[] { "PUT", "/task/" + task + "/variables/caseNo", Map.of("value", run.caseNo()) },
				new Object[] { "POST", "/task/" + task + "/variables", Map.of("modifications",
						otherCase.get("variables")) },
				new Object[] { "DELETE", "/task/" + task + "/variables/caseNo", null },
				new Object[] { "PUT", "/task/" + task + "/localVariables/caseNo", Map.of("value", run.caseNo()) },
				new Object[] { "PUT", "/task/" + task, Map.of("name", "改名", "due", "2030-01-01T00:00:00.000+0800") },
				new Object[] { "POST", "/task/" + task + "/comment/create", Map.of("message", "备注") },
				new Object[] { "POST", "/task/" + task + "/identity-links", Map.of("groupId", "runners-muchen", "type",
						"candidate") },
				new Object[] { "POST", "/task/create", Map.of("id", "matrix-standalone", "name", "自建任务") },
				new Object[] { "PUT", "/process-instance/" + instance + "/variables/caseNo", Map.of("value", run.caseNo()) },
				new Object[] { "POST", "/process-instance/" + instance + "/variables", Map.of("modifications",
						otherCase.get("variables")) },
				new Object[] { "POST", "/process-instance/" + instance + "/modification", Map.of("instructions",
						List.of(Map.of("type", "startBeforeActivity", "activityId", "deliverCertificate"))) },
				new Object[] { "DELETE", "/process-instance/" + instance, null },
				new Object[] { "POST", "/message", Map.of("messageName", "x", "businessKey", target.caseNo()) },
				new Object[] { "POST", "/signal", Map.of("name", "x") },
				new Object[] { "POST", "/process-definition/key/proxy-run/start", Map.of("businessKey", "x") },
				new Object[] { "POST", "/filter/create", Map.of("resourceType", "Task", "name", "我的", "query", Map.of()) });
		List<DynamicTest> tests = new ArrayList<>();
		for (String user : List.of("runner-huzhen-1", "clerk-huzhen-mabaoqiao-1", "window-ziranziyuan-1", "manager-1", "designer-1")) {
			for (Object[] request : requests) {
				for (EngineDoor door : EngineDoor.values()) {
					String name = request[0] + " " + request[1] + " · " + user + " · " + door.name().toLowerCase();
					tests.add(DynamicTest.dynamicTest(name, () -> {
						var answer = door.send(this, user, (String) request[0], (String) request[1], request[2]);
						assertThat(answer.getStatusCode().value()).as("%s: %s", name, answer.getBody()).isEqualTo(403);
						assertThat(passedTheAllowList(answer)).as("refused by the allow-list: %s", answer.getBody())
							.isFalse();
						assertThat(body(answer).path("title").asText()).contains("不允许的引擎请求", "not allowed");
						assertThat(taskService.createTaskQuery().taskId(task).singleResult()).as("the task is still open")
							.extracting(t -> t.getAssignee())
							.isNull();
						assertThat(runtimeService.getVariables(instance)).isEqualTo(variablesBefore);
					}));
				}
			}
		}
		return tests.stream();
	}

	/** The two doors to the engine: Modeler's and integrators' {@code /engine-rest}, and the webapps' own. */
	enum EngineDoor {

		ENGINE_REST {
			@Override
			ResponseEntity<String> send(AuthorizationMatrixTests test, String user, String method, String path,
					Object body) {
				HttpHeaders headers = credentials(user);
				if (!method.equals("GET") && !method.equals("OPTIONS")) {
					headers.setContentType(MediaType.APPLICATION_JSON);
				}
				return test.http.exchange("/engine-rest" + path, HttpMethod.valueOf(method),
						new HttpEntity<>(body, headers), String.class);
			}
		},
		WEBAPP {
			@Override
			ResponseEntity<String> send(AuthorizationMatrixTests test, String user, String method, String path,
					Object body) {
				WebappSession session = test.webappSession(user);
				HttpHeaders headers = session.cookiesAndToken(session.csrfToken());
				if (!method.equals("GET") && !method.equals("OPTIONS")) {
					headers.setContentType(MediaType.APPLICATION_JSON);
				}
				String url = path.equals("/engine") ? "/camunda/api/engine/engine/"
						: "/camunda/api/engine/engine/default" + path;
				return test.http.exchange(url, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
			}
		};

		abstract ResponseEntity<String> send(AuthorizationMatrixTests test, String user, String method, String path,
				Object body);

		ResponseEntity<String> send(AuthorizationMatrixTests test, String user, String method, String path) {
			return send(test, user, method, path, method.equals("POST") ? Map.of() : null);
		}
	}

	final Map<String, WebappSession> webappSessions = new java.util.concurrent.ConcurrentHashMap<>();

	/** The user's login to the webapp they have (none for those who have none: their session stays anonymous). */
	WebappSession webappSession(String user) {
		return webappSessions.computeIfAbsent(user, u -> {
			for (String app : List.of("tasklist", "cockpit")) {
				if (!u.equals(ANONYMOUS) && WebappSession.attempt(http, u, app).getStatusCode().is2xxSuccessful()) {
					return WebappSession.login(http, u, app);
				}
			}
			return WebappSession.visit(http);
		});
	}

	/** Refused before the engine: 401 (no login), or the allow-list's 403 problem detail. */
	static boolean passedTheAllowList(ResponseEntity<String> answer) {
		int status = answer.getStatusCode().value();
		MediaType type = answer.getHeaders().getContentType();
		boolean problem = type != null && type.isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		return status != 401 && !(status == 403 && problem);
	}

	static Set<String> audiences(String who) {
		return Stream.of(who.split(",")).map(String::strip).collect(Collectors.toCollection(TreeSet::new));
	}

	// ------------------------------------------------------------------------------------------- the probes

	/** A row's request as one column's user; true when it was carried out, false when refused. */
	interface Probe {
		boolean allowed(String user);
	}

	Map<String, Probe> staffProbes() {
		Map<String, Probe> probes = new LinkedHashMap<>();
		probes.put("task-list", user -> {
			var answer = call(user, HttpMethod.GET, "/engine-rest/task?processInstanceBusinessKey=" + run.caseNo(), null);
			return refusedOr(answer, () -> !body(answer).isEmpty());
		});
		probes.put("task-claim", user -> {
			Run fresh = openRun();
			return carriedOut(call(user, HttpMethod.POST, "/engine-rest/task/" + taskOf(fresh, "fetchCertificate")
					+ "/claim", Map.of("userId", user)));
		});
		probes.put("task-complete-issue", user -> {
			Run fresh = openRun();
			taskService.complete(taskOf(fresh, "fetchCertificate"), Map.of("fetchNote", "已向出证单位提交"));
			return carriedOut(call(user, HttpMethod.POST, "/engine-rest/task/" + taskOf(fresh, "issueCertificate")
					+ "/complete", Map.of("variables", Map.of("issueOutcome", Map.of("value", "issued"), "licenceNumber",
							Map.of("value", "ZZ3308250001")))));
		});
		probes.put("task-complete-sign", user -> {
			Run fresh = handedOverRun();
			return carriedOut(call(user, HttpMethod.POST, "/engine-rest/task/" + taskOf(fresh, "signForCertificate")
					+ "/complete", Map.of("variables", Map.of("signOutcome", Map.of("value", "signed")))));
		});
		probes.put("task-assign-other", user -> {
			Run fresh = openRun();
			return carriedOut(call(user, HttpMethod.POST, "/engine-rest/task/" + taskOf(fresh, "fetchCertificate")
					+ "/assignee", Map.of("userId", "runner-muchen-1")));
		});
		probes.put("instance-read", user -> carriedOut(
				call(user, HttpMethod.GET, "/engine-rest/process-instance/" + run.processInstanceId(), null)));
		probes.put("instance-variables", user -> carriedOut(call(user, HttpMethod.GET,
				"/engine-rest/process-instance/" + run.processInstanceId() + "/variables", null)));
		probes.put("instance-history", user -> {
			var answer = call(user, HttpMethod.GET,
					"/engine-rest/history/process-instance?processInstanceBusinessKey=" + run.caseNo(), null);
			return refusedOr(answer, () -> !body(answer).isEmpty());
		});
		probes.put("instance-cancel", user -> carriedOut(
				call(user, HttpMethod.DELETE, "/engine-rest/process-instance/" + openRun().processInstanceId(), null)));
		probes.put("instance-start", user -> carriedOut(call(user, HttpMethod.POST,
				"/engine-rest/process-definition/key/" + PROBE_PROCESS + "/start", Map.of("businessKey", "MATRIX-" + user))));
		probes.put("timer-move", user -> {
			Run fresh = openRun();
			String timer = managementService.createJobQuery()
				.processInstanceId(fresh.processInstanceId())
				.timers()
				.list()
				.get(0)
				.getId();
			return carriedOut(call(user, HttpMethod.PUT, "/engine-rest/job/" + timer + "/duedate",
					Map.of("duedate", "2030-01-01T00:00:00.000+0800")));
		});
		probes.put("deployment-list", user -> {
			var answer = call(user, HttpMethod.GET, "/engine-rest/deployment", null);
			return refusedOr(answer, () -> !body(answer).isEmpty());
		});
		probes.put("deployment-create", this::deploy);
		probes.put("engine-users", user -> {
			var answer = call(user, HttpMethod.GET, "/engine-rest/user?id=window-renshe-1", null);
			return refusedOr(answer, () -> !body(answer).isEmpty());
		});
		probes.put("engine-grant", user -> {
			var answer = call(user, HttpMethod.POST, "/engine-rest/authorization/create",
					Map.of("type", 1, "permissions", List.of("READ"), "userId", "runner-muchen-1", "resourceType", 8,
							"resourceId", "matrix-" + user));
			if (answer.getStatusCode().is2xxSuccessful()) {
				call("admin", HttpMethod.DELETE, "/engine-rest/authorization/" + body(answer).get("id").asText(), null);
			}
			return carriedOut(answer);
		});
		probes.put("engine-filters", user -> {
			var answer = call(user, HttpMethod.GET, "/engine-rest/filter", null);
			return refusedOr(answer, () -> body(answer).size() >= 4);
		});

		probes.put("api-run-open", user -> carriedOut(call(user, HttpMethod.POST, "/api/proxy-runs",
				Map.of("applicantName", "孙八", "idNumber", "330825199003074514", "phone", PHONE, "townshipCode", TOWNSHIP,
						"villageCode", "huzhen-mabaoqiao", "certificateCode", "ZM-0040", "usingDepartmentCode",
						"ziranziyuan", "authorizedAtWindow", true))));
		probes.put("api-run-read", user -> carriedOut(call(user, HttpMethod.GET, "/api/proxy-runs/" + run.caseNo(), null)));
		probes.put("api-run-applicant", user -> carriedOut(
				call(user, HttpMethod.GET, "/api/proxy-runs/" + run.caseNo() + "/applicant", null)));
		probes.put("api-personal-data-views", user -> carriedOut(
				call(user, HttpMethod.GET, "/api/personal-data-views/" + run.caseNo(), null)));
		probes.put("api-rating-phone", user -> carriedOut(call(user, HttpMethod.GET,
				"/api/ratings/" + badlyRatedRun().caseNo() + "/applicant-phone", null)));
		probes.put("api-run-runner-phone", user -> carriedOut(call(user, HttpMethod.GET,
				"/api/proxy-runs/" + runAwaitingMoreMaterial().caseNo() + "/applicant-phone", null)));
		probes.put("api-run-certificate-attach", user -> carriedOut(call(user, HttpMethod.POST,
				"/api/proxy-runs/" + runAwaitingIssue().caseNo() + "/certificate", Map.of("licenceNumber", "ZZ3308250001"))));
		probes.put("api-run-certificate-copy", user -> {
			Run fresh = runAwaitingIssue();
			runCertificates.attachFile(fresh.caseNo(), "证明.pdf", TestFiles.pdf(1), "clerk-huzhen-mabaoqiao-1");
			return carriedOut(call(user, HttpMethod.GET, "/api/proxy-runs/" + fresh.caseNo() + "/certificate", null));
		});
		probes.put("api-case-take", user -> carriedOut(call(user, HttpMethod.POST, "/api/applications",
				Map.of("applicantName", "周九", "idNumber", "330825199003074514", "phone", PHONE, "townshipCode",
						TOWNSHIP, "villageCode", "huzhen-mabaoqiao", "matterCode", MATTER, "commitments",
						commitmentsOf(MATTER)))));
		probes.put("api-case-read", user -> carriedOut(call(user, HttpMethod.GET, "/api/applications/" + caseNo, null)));
		probes.put("api-catalog-certificates", get("/api/catalog/certificates"));
		probes.put("api-catalog-matters", get("/api/catalog/matters"));
		probes.put("api-catalog-matter", get("/api/catalog/matters/" + MATTER));
		probes.put("api-catalog-history", get("/api/catalog/matters/" + MATTER + "/entries/"
				+ catalog.entriesInForce(MATTER).get(0).getCertificateCode() + "/history"));
		probes.put("api-catalog-tallies", get("/api/catalog/tallies"));
		probes.put("api-catalog-add", user -> carriedOut(call(user, HttpMethod.POST,
				"/api/catalog/matters/" + MATTER + "/entries", Map.of("certificateCode", unlistedCertificate(),
						"disposition", "CANCELLED", "detail", "经评估无需提供", "reason", "权限矩阵测试"))));
		probes.put("api-catalog-change", user -> carriedOut(call(user, HttpMethod.PUT, "/api/catalog/matters/" + MATTER
				+ "/entries/" + addedEntry(), Map.of("disposition", "CANCELLED", "detail", "仍无需提供", "reason", "复核"))));
		probes.put("api-catalog-retire", user -> carriedOut(call(user, HttpMethod.POST, "/api/catalog/matters/"
				+ MATTER + "/entries/" + addedEntry() + "/retirement", Map.of("reason", "权限矩阵测试"))));
		probes.put("api-catalog-propose", user -> carriedOut(call(user, HttpMethod.POST, "/api/catalog/proposals",
				Map.of("reason", "权限矩阵测试", "changes", List.of(Map.of("kind", "SET_CAPABILITIES", "matterCode", MATTER,
						"online", true, "zeroTrip", false))))));
		probes.put("api-catalog-proposals", user -> {
			String number = catalogProposal();
			var answer = call(user, HttpMethod.GET, "/api/catalog/proposals", null);
			return refusedOr(answer, () -> body(answer).findValuesAsText("number").contains(number));
		});
		probes.put("api-catalog-proposal", user -> carriedOut(
				call(user, HttpMethod.GET, "/api/catalog/proposals/" + catalogProposal(), null)));
		probes.put("task-catalog-legality", user -> {
			String number = catalogReview.propose(List.of(CatalogChange.change(MATTER, addedEntry(),
					new EntryTerms(Disposition.CANCELLED, null, "经合法性审查无需提供", null, null))), "权限矩阵测试", "catalog-1");
			taskService.complete(taskService.createTaskQuery().processInstanceBusinessKey(number).singleResult().getId(),
					Map.of("reviewDecision", "approved"));
			return carriedOut(call(user, HttpMethod.POST, "/engine-rest/task/" + taskService.createTaskQuery()
				.processInstanceBusinessKey(number)
				.taskDefinitionKey("reviewLegality")
				.singleResult()
				.getId() + "/complete", Map.of("variables", Map.of("legalDecision", Map.of("value", "approved")))));
		});
		probes.put("api-catalog-export", get("/api/catalog/export.xlsx"));
		probes.put("api-catalog-import", user -> carriedOut(importWorkbook(user, catalogWorkbook.export())));
		probes.put("api-catalog-import-confirm", user -> carriedOut(call(user, HttpMethod.POST,
				"/api/catalog/imports/" + maintainersImport() + "/confirmation", Map.of())));
		probes.put("api-catalog-import-drop", user -> carriedOut(
				call(user, HttpMethod.DELETE, "/api/catalog/imports/" + maintainersImport(), null)));
		probes.put("api-notifications", get("/api/notifications"));
		probes.put("api-notification-resend", user -> carriedOut(
				call(user, HttpMethod.POST, "/api/notifications/" + failedNotification() + "/resend", null)));
		probes.put("api-supervision-overdue", get("/api/supervision/overdue"));
		probes.put("api-supervision-run", get("/api/supervision/process-instances/" + run.processInstanceId()));
		probes.put("api-kpi", get("/api/kpi"));
		probes.put("api-kpi-rates", get("/api/kpi/rates"));
		probes.put("api-kpi-report", get("/api/kpi/report.xlsx?month=2026-10"));
		probes.put("api-kpi-matter-rates", get("/api/kpi/matter-rates?date=2026-10-31"));
		probes.put("api-coverage", get("/api/coverage"));
		probes.put("api-absence-record", user -> cancelledAfter(call(user, HttpMethod.POST, "/api/absences",
				Map.of("from", ABSENCE_DAY, "to", ABSENCE_DAY, "reason", "权限矩阵测试"))));
		probes.put("api-absence-record-other", user -> cancelledAfter(call(user, HttpMethod.POST, "/api/absences",
				Map.of("userId", ABSENT_CLERK, "from", ABSENCE_DAY, "to", ABSENCE_DAY, "reason", "权限矩阵测试"))));
		probes.put("api-absence-list", get("/api/absences"));
		probes.put("api-absence-end", user -> {
			long id = absences.record(new NewAbsence(ABSENT_CLERK, ABSENCE_DAY, ABSENCE_DAY, "权限矩阵测试", null),
					"manager-1").getId();
			var answer = call(user, HttpMethod.POST, "/api/absences/" + id + "/end", null);
			if (!answer.getStatusCode().is2xxSuccessful()) {
				absences.end(id, "manager-1");
			}
			return carriedOut(answer);
		});
		probes.put("api-process-version-migration", user -> {
			// a dry run needs a second version: a copy of the current one, removed again so that the latest stays
			var current = repositoryService.createProcessDefinitionQuery()
				.processDefinitionKey("proxy-run")
				.latestVersion()
				.singleResult();
			String copy = ProxyRunCopy.deploy(repositoryService, "matrix probe: proxy-run copy");
			try {
				return carriedOut(call(user, HttpMethod.POST, "/api/process-versions/proxy-run/migrations",
						Map.of("fromVersion", current.getVersion(), "toVersion", current.getVersion() + 1, "dryRun", true)));
			}
			finally {
				repositoryService.deleteDeployment(copy, true, true, true);
			}
		});
		probes.put("task-demand-report", user -> carriedOut(call(user, HttpMethod.POST, "/engine-rest/task/"
				+ taskService.createTaskQuery().processInstanceBusinessKey(demandReport()).singleResult().getId() + "/claim",
				Map.of("userId", user))));
		probes.put("api-demand-reports", user -> {
			String number = demandReport();
			var answer = call(user, HttpMethod.GET, "/api/demand-reports", null);
			return refusedOr(answer, () -> body(answer).findValuesAsText("trackingNumber").contains(number));
		});
		probes.put("api-demand-report", user -> carriedOut(
				call(user, HttpMethod.GET, "/api/demand-reports/" + demandReport(), null)));
		probes.put("api-divisions", get("/api/divisions"));
		probes.put("api-calendar", get("/api/calendar/deadline?from=2026-10-09&workingDays=3"));

		probes.put("api-session", get("/api/session"));
		probes.put("api-window-desk", get("/api/window/desk"));
		probes.put("api-window-plan", get("/api/window/plans/matters/" + MATTER));
		probes.put("api-window-receipt", get("/api/window/receipts/" + caseNo));
		probes.put("window-pages", user -> Stream.of("/window/", "/window/receipts/" + caseNo)
			.allMatch(page -> carriedOut(call(user, HttpMethod.GET, page, null))));

		probes.put("catalog-pages", user -> carriedOut(call(user, HttpMethod.GET, "/catalog/", null)));

		probes.put("api-agent-desk", get("/api/agent/desk"));
		probes.put("api-agent-plan", get("/api/agent/plans/certificates/ZM-0040"));
		probes.put("api-agent-run-open", user -> carriedOut(call(user, HttpMethod.POST, "/api/agent/proxy-runs",
				Map.of("villageCode", AGENT_VILLAGE, "applicantName", "李四", "idNumber", "330825199003074514", "phone",
						PHONE, "certificateCode", "ZM-0040", "usingDepartmentCode", "ziranziyuan", "authorization",
						"CODE"))));
		probes.put("api-agent-case-take", user -> carriedOut(call(user, HttpMethod.POST, "/api/agent/applications",
				Map.of("villageCode", AGENT_VILLAGE, "applicantName", "周九", "idNumber", "330825199003074514", "phone",
						PHONE, "matterCode", MATTER, "commitments", commitmentsOf(MATTER), "authorization", "CODE"))));
		probes.put("api-agent-authorization", user -> {
			String pending = proxyRuns.open(new NewProxyRun("李四", "330825199003074514", PHONE, TOWNSHIP, AGENT_VILLAGE,
					"ZM-0040", "ziranziyuan", false), org.zhengpaopao.applicant.Intake.agent(AGENT_VILLAGE), null, AGENT)
				.run()
				.getCaseNo();
			String instance = runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(pending)
				.singleResult()
				.getId();
			managementService.executeJob(
					managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
			return carriedOut(call(user, HttpMethod.POST, "/api/agent/authorizations/" + pending,
					Map.of("code", notifications.lastCodeFor(pending))));
		});
		probes.put("api-agent-hand-back", user -> {
			String opened = proxyRuns.open(new NewProxyRun("李四", "330825199003074514", PHONE, TOWNSHIP, AGENT_VILLAGE,
					"ZM-0040", "ziranziyuan", true), org.zhengpaopao.applicant.Intake.agent(AGENT_VILLAGE), null, AGENT)
				.run()
				.getCaseNo();
			Run fresh = new Run(opened,
					runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(opened).singleResult().getId());
			taskService.complete(taskOf(fresh, "fetchCertificate"), Map.of("fetchNote", "已提交"));
			taskService.complete(taskOf(fresh, "issueCertificate"),
					Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
			taskService.complete(taskOf(fresh, "deliverCertificate"), Map.of("deliveryConfirmed", true));
			taskService.complete(taskOf(fresh, "signForCertificate"), Map.of("signOutcome", "signed"));
			return carriedOut(call(user, HttpMethod.POST, "/api/agent/cases/" + opened + "/handed-back", null));
		});
		probes.put("agent-pages", user -> carriedOut(call(user, HttpMethod.GET, "/agent/", null)));

		probes.put("webapp-tasklist", user -> webappLogin(user, "tasklist"));
		probes.put("webapp-cockpit", user -> webappLogin(user, "cockpit"));
		probes.put("webapp-admin", user -> webappLogin(user, "admin"));
		probes.put("cockpit-plugin", user -> {
			if (user.equals(ANONYMOUS) || !webappLogin(user, "cockpit")) {
				return carriedOut(http.exchange("/api/supervision/overdue", HttpMethod.GET, null, String.class));
			}
			WebappSession session = WebappSession.login(http, user, "cockpit");
			return carriedOut(http.exchange("/api/supervision/overdue", HttpMethod.GET,
					new HttpEntity<>(session.cookies()), String.class));
		});
		return probes;
	}

	/**
	 * The provincial platform's door: only a request signed with the shared secret passes; a wrong signature, no
	 * signature and any staff login (HTTP Basic) are refused. The certificate row reads a stand-alone run the platform
	 * sent and the county delivered with a file.
	 */
	@TestFactory
	Stream<DynamicTest> platformRequests() throws IOException {
		String taken = platformId();
		assertThat(platformCall("platform", HttpMethod.POST, "/api/platform/applications", platformApplication(taken))
			.getStatusCode()
			.value()).isEqualTo(201);
		String delivered = platformId();
		var opened = platformCall("platform", HttpMethod.POST, "/api/platform/applications", """
				{"kind":"PROXY_RUN","platformApplicationId":"%s","applicantName":"孙八","idNumber":"330825199003074514",
				 "phone":"%s","townshipCode":"huzhen","villageCode":"huzhen-mabaoqiao","certificateCode":"ZM-0040",
				 "usingDepartmentCode":"ziranziyuan"}""".formatted(delivered, PHONE));
		String runCaseNo = body(opened).get("caseNo").asText();
		Run platformRun = new Run(runCaseNo, runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(runCaseNo)
			.singleResult()
			.getId());
		TasklistUser.claimAndComplete(engine, "runner-huzhen-1", taskOf(platformRun, "fetchCertificate"),
				Map.of("fetchNote", "已提交"));
		runCertificates.attachFile(runCaseNo, "证明.pdf", TestFiles.pdf(1), "clerk-huzhen-mabaoqiao-1");
		TasklistUser.claimAndComplete(engine, "clerk-huzhen-mabaoqiao-1", taskOf(platformRun, "issueCertificate"),
				Map.of("issueOutcome", "issued"));
		TasklistUser.claimAndComplete(engine, "runner-huzhen-1", taskOf(platformRun, "deliverCertificate"),
				Map.of("deliveryConfirmed", true));
		TasklistUser.claimAndComplete(engine, "window-ziranziyuan-1", taskOf(platformRun, "signForCertificate"),
				Map.of("signOutcome", "signed"));

		Map<String, Probe> probes = new LinkedHashMap<>();
		probes.put("platform-apply", user -> carriedOut(
				platformCall(user, HttpMethod.POST, "/api/platform/applications", platformApplication(platformId()))));
		probes.put("platform-status",
				user -> carriedOut(platformCall(user, HttpMethod.GET, "/api/platform/applications/" + taken, null)));
		probes.put("platform-certificate", user -> carriedOut(
				platformCall(user, HttpMethod.GET, "/api/platform/applications/" + delivered + "/certificate", null)));
		return cells("## Provincial platform", probes);
	}

	static String platformId() {
		return "MX" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
	}

	static String platformApplication(String platformApplicationId) {
		return """
				{"kind":"APPLICATION","platformApplicationId":"%s","applicantName":"钱七","idNumber":"330825199003074514",
				 "phone":"%s","townshipCode":"huzhen","villageCode":"huzhen-mabaoqiao","matterCode":"%s",
				 "requiredCertificates":[],"commitments":[]}""".formatted(platformApplicationId, PHONE, MATTER);
	}

	/** As the platform (signed), as a forger (signed with another secret), or as a staff column (HTTP Basic). */
	ResponseEntity<String> platformCall(String column, HttpMethod method, String path, String body) {
		byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
		HttpHeaders headers = switch (column) {
			case "platform" -> PlatformTestRequests.signed(platformAppKey, platformSecret, clock.millis(), method.name(),
					path, bytes);
			case "platform-wrong-signature" -> PlatformTestRequests.signed(platformAppKey, "not-the-shared-secret",
					clock.millis(), method.name(), path, bytes);
			default -> credentials(column);
		};
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return http.exchange(path, method, new HttpEntity<>(body == null ? null : bytes, headers), String.class);
	}

	Map<String, Probe> publicProbes() {
		Map<String, Probe> probes = new LinkedHashMap<>();
		probes.put("public-pages", user -> Stream.of("/public/track", "/public/authorize", "/public/rate", "/public/report", "/public/report-track",
				"/public/catalog", "/public/apply")
			.allMatch(page -> carriedOut(call(staffOrNobody(user), HttpMethod.GET, page, null))));
		probes.put("public-track", user -> {
			Run fresh = openRun();
			return answeredWithTheCase(call(staffOrNobody(user), HttpMethod.POST, "/public/api/track",
					Map.of("caseNo", fresh.caseNo(), "phone", user.equals("applicant") ? PHONE : "13900000000")));
		});
		probes.put("public-authorize", user -> {
			Run fresh = openRun(false);
			managementService.executeJob(managementService.createJobQuery()
				.processInstanceId(fresh.processInstanceId())
				.singleResult()
				.getId());
			String code = notifications.lastCodeFor(fresh.caseNo());
			String wrong = code.equals("000000") ? "111111" : "000000";
			return answeredWithTheCase(call(staffOrNobody(user), HttpMethod.POST, "/public/api/authorizations",
					Map.of("caseNo", fresh.caseNo(), "code", user.equals("applicant") ? code : wrong)));
		});
		probes.put("public-rate", user -> {
			Run fresh = deliveredRun();
			return answeredWithTheCase(call(staffOrNobody(user), HttpMethod.POST, "/public/api/ratings",
					Map.of("caseNo", fresh.caseNo(), "phone", user.equals("applicant") ? PHONE : "13900000000", "level",
							"SATISFIED")));
		});
		probes.put("public-application-track", user -> answeredWithTheCase(call(staffOrNobody(user), HttpMethod.POST,
				"/public/api/applications/track", Map.of("caseNo", caseNo, "phone",
						user.equals("applicant") ? PHONE : "13900000000"))));
		probes.put("public-demand-report-choices", user -> carriedOut(
				call(staffOrNobody(user), HttpMethod.GET, "/public/api/demand-reports/choices", null)));
		probes.put("public-demand-report", user -> {
			HttpHeaders headers = credentials(staffOrNobody(user));
			headers.setContentType(MediaType.APPLICATION_JSON);
			// an address of its own, so that the limit of reports per address stays out of the matrix
			headers.set("X-Forwarded-For", "10.66.0." + (++demandReportSequence));
			return answeredWithTheCase(http.exchange("/public/api/demand-reports", HttpMethod.POST,
					new HttpEntity<>(demandReportBody(), headers), String.class));
		});
		probes.put("public-demand-report-track", user -> {
			String number = demandReport();
			// a wrong number: the last of its random characters changed
			String wrong = number.substring(0, number.length() - 1) + (number.endsWith("0") ? "1" : "0");
			return answeredWithTheCase(call(staffOrNobody(user), HttpMethod.POST, "/public/api/demand-reports/track",
					Map.of("trackingNumber", user.equals("applicant") ? number : wrong)));
		});
		probes.put("public-catalog", user -> {
			var answer = call(staffOrNobody(user), HttpMethod.GET, "/public/api/catalog/matters?q=zdsh", null);
			return refusedOr(answer, () -> answer.getBody().contains("最低生活保障申请"));
		});
		probes.put("public-simulator-code", user -> carriedOut(call(staffOrNobody(user), HttpMethod.POST,
				SIMULATOR + "/codes", Map.of("phone", simulatorPhone()))));
		probes.put("public-simulator-session", user -> {
			String reference = simulatorCode(simulatorPhone());
			String code = notifications.lastCodeFor(reference);
			return answeredWithTheCase(call(staffOrNobody(user), HttpMethod.POST, SIMULATOR + "/sessions",
					Map.of("reference", reference, "code", user.equals("applicant") ? code
							: code.equals("000000") ? "111111" : "000000")));
		});
		probes.put("public-simulator-divisions", user -> carriedOut(
				call(staffOrNobody(user), HttpMethod.GET, SIMULATOR + "/divisions", null)));
		probes.put("public-simulator-submit", user -> withStandInCounty(() -> {
			String token = user.equals("applicant") ? simulatorSession() : user.startsWith("applicant") ? "guessed" : null;
			return carriedOut(simulatorCall(user, token, HttpMethod.POST, SIMULATOR + "/applications",
					Map.of("applicantName", "钱七", "idNumber", "330825199003074514", "townshipCode", TOWNSHIP,
							"villageCode", "huzhen-mabaoqiao", "matterCode", "SX-001")));
		}));
		probes.put("public-simulator-status", user -> withStandInCounty(() -> {
			String token = simulatorSession();
			String platformId = simulatorApplication(token);
			String asked = user.equals("applicant") ? token : user.startsWith("applicant") ? simulatorSession() : null;
			return carriedOut(simulatorCall(user, asked, HttpMethod.GET, SIMULATOR + "/applications/" + platformId, null));
		}));
		probes.put("public-simulator-callback", user -> withStandInCounty(() -> {
			String platformId = simulatorApplication(simulatorSession());
			try {
				int status = org.zhengpaopao.platform.PlatformSimulatorCallbacks.push(port, platformAppKey,
						user.equals("applicant") ? platformSecret : user.startsWith("applicant") ? platformSecret + "x" : null,
						platformId, "BJ20261208-000099", "APPROVED", "准予办理");
				return status == 204;
			}
			catch (IOException | InterruptedException e) {
				throw new AssertionError(e);
			}
		}));
		return probes;
	}

	static final String SIMULATOR = "/public/api/platform-simulator";
	@Autowired
	org.springframework.core.env.ConfigurableEnvironment environment;

	@org.springframework.boot.test.web.server.LocalServerPort
	int port;

	@org.springframework.beans.factory.annotation.Value("${test.platform-county-port}")
	int countyPort;

	int simulatorSequence;

	/** A phone of its own per probe, so that the simulator's five codes an hour per phone stay out of the matrix. */
	String simulatorPhone() {
		return "1370577" + String.format("%04d", ++simulatorSequence);
	}

	String simulatorCode(String phone) {
		return body(call(ANONYMOUS, HttpMethod.POST, SIMULATOR + "/codes", Map.of("phone", phone))).get("reference")
			.asText();
	}

	/** The platform simulator's session of a phone confirmed with its texted code. */
	String simulatorSession() {
		String reference = simulatorCode(simulatorPhone());
		return body(call(ANONYMOUS, HttpMethod.POST, SIMULATOR + "/sessions",
				Map.of("reference", reference, "code", notifications.lastCodeFor(reference)))).get("token").asText();
	}

	/** An application the simulator forwarded to the stand-in county; its platform id. */
	String simulatorApplication(String token) {
		var answer = simulatorCall(ANONYMOUS, token, HttpMethod.POST, SIMULATOR + "/applications",
				Map.of("matterCode", "SX-001"));
		assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(201);
		return body(answer).get("platformApplicationId").asText();
	}

	ResponseEntity<String> simulatorCall(String user, String token, HttpMethod method, String path, Object body) {
		HttpHeaders headers = credentials(staffOrNobody(user));
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		if (token != null) {
			headers.set("X-Simulator-Session", token);
		}
		return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	/**
	 * The county's {@code POST /api/platform/applications} as a stand-in (WireMock) while the probe runs: the
	 * simulator's rows are about the simulator's own doors, not the county's.
	 */
	boolean withStandInCounty(java.util.function.BooleanSupplier probe) {
		var county = new com.github.tomakehurst.wiremock.WireMockServer(
				com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig().port(countyPort));
		county.start();
		environment.getPropertySources().addFirst(new org.springframework.core.env.MapPropertySource("stand-in county",
				Map.of("zhengpaopao.platform.simulator.county-url", "http://localhost:" + countyPort)));
		try {
			county.stubFor(com.github.tomakehurst.wiremock.client.WireMock.post("/api/platform/applications")
				.willReturn(com.github.tomakehurst.wiremock.client.WireMock.okJson(
						"{\"caseNo\":\"BJ20261208-000099\",\"kind\":\"APPLICATION\",\"status\":\"IN_PROGRESS\"}")
					.withStatus(201)));
			return probe.getAsBoolean();
		}
		finally {
			environment.getPropertySources().remove("stand-in county");
			county.stop();
		}
	}

	int demandReportSequence;

	/** A report's body with a phone of its own, so that it is never a duplicate. */
	Map<String, Object> demandReportBody() {
		return Map.of("departmentCode", "ziranziyuan", "matterCode", MATTER, "certificateCode", reportableCertificate(),
				"demandedOn", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString(), "contactPhone",
				"1370566" + String.format("%04d", ++demandReportSequence));
	}

	/** A new citizen's report on the matrix window's matter, waiting for the managers' verification. */
	String demandReport() {
		var body = demandReportBody();
		return demandReports.submit(new NewDemandReport((String) body.get("departmentCode"), MATTER,
				(String) body.get("certificateCode"), java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")), null,
				(String) body.get("contactPhone"), null), "10.66.1." + demandReportSequence).report().getTrackingNumber();
	}

	String reportableCertificate() {
		return catalog.entriesInForce(MATTER)
			.stream()
			.filter(entry -> entry.getDisposition() != Disposition.PROXY)
			.findFirst()
			.orElseThrow()
			.getCertificateCode();
	}

	/** Public columns: the applicant and the wrong-factor visitor have no account; the staff column logs in. */
	static String staffOrNobody(String column) {
		return column.startsWith("applicant") ? ANONYMOUS : column;
	}

	/** Carried out or not; an absence it recorded is cancelled again, so that the next column can record its own. */
	boolean cancelledAfter(ResponseEntity<String> answer) {
		if (answer.getStatusCode().is2xxSuccessful()) {
			absences.end(body(answer).get("id").asLong(), "manager-1");
		}
		return carriedOut(answer);
	}

	Probe get(String path) {
		return user -> carriedOut(call(user, HttpMethod.GET, path, null));
	}

	boolean webappLogin(String user, String app) {
		if (user.equals(ANONYMOUS)) {
			// without a login, the webapp's own API answers 401
			return carriedOut(http.exchange("/camunda/api/engine/engine/default/task", HttpMethod.GET, null, String.class));
		}
		return carriedOut(WebappSession.attempt(http, user, app));
	}

	boolean deploy(String user) {
		String model = probeModel();
		var form = new LinkedMultiValueMap<String, Object>();
		form.add("deployment-name", "matrix-probe-" + user);
		form.add("data", new ByteArrayResource(model.getBytes(StandardCharsets.UTF_8)) {
			@Override
			public String getFilename() {
				return "matrix-probe.bpmn";
			}
		});
		HttpHeaders headers = credentials(user);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		var answer = http.exchange("/engine-rest/deployment/create", HttpMethod.POST, new HttpEntity<>(form, headers),
				String.class);
		if (answer.getStatusCode().is2xxSuccessful()) {
			deploymentsToRemove.add(body(answer).get("id").asText());
		}
		return carriedOut(answer);
	}

	// ------------------------------------------------------------------------------------------- fixtures

	static String probeModel() {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
				    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="https://zhengpaopao.org/matrix">
				  <process id="%s" name="权限矩阵探针" isExecutable="true" camunda:historyTimeToLive="P1D">
				    <startEvent id="probeStarted" />
				  </process>
				</definitions>
				""".formatted(PROBE_PROCESS);
	}

	Run openRun() {
		return openRun(true);
	}

	Run openRun(boolean authorizedAtWindow) {
		String opened = proxyRuns.open(new NewProxyRun("李四", "330825199003074514", PHONE, TOWNSHIP, "huzhen-mabaoqiao",
				"ZM-0040", "ziranziyuan", authorizedAtWindow), "window-ziranziyuan-1").getCaseNo();
		return new Run(opened,
				runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(opened).singleResult().getId());
	}

	/** At the issuing clerk's 出具证明. */
	Run runAwaitingIssue() {
		Run fresh = openRun();
		taskService.complete(taskOf(fresh, "fetchCertificate"), Map.of("fetchNote", "已提交"));
		return fresh;
	}

	/** The runner has handed the certificate over; the window signs next. */
	Run handedOverRun() {
		Run fresh = runAwaitingIssue();
		taskService.complete(taskOf(fresh, "issueCertificate"), Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		taskService.complete(taskOf(fresh, "deliverCertificate"), Map.of("deliveryConfirmed", true));
		return fresh;
	}

	Run deliveredRun() {
		Run fresh = handedOverRun();
		taskService.complete(taskOf(fresh, "signForCertificate"), Map.of("signOutcome", "signed"));
		return fresh;
	}

	/** The issuing clerk asked for more material (补充材料), and `runner-huzhen-1` has claimed that task. */
	Run runAwaitingMoreMaterial() {
		Run fresh = openRun();
		taskService.complete(taskOf(fresh, "fetchCertificate"), Map.of("fetchNote", "已提交"));
		taskService.complete(taskOf(fresh, "issueCertificate"),
				Map.of("issueOutcome", "moreInfo", "moreInfoRequest", "请补充户口簿复印件"));
		taskService.claim(taskOf(fresh, "supplementInformation"), "runner-huzhen-1");
		return fresh;
	}

	/** Delivered and rated 「不满意」: its runner group owes the applicant a call-back. */
	Run badlyRatedRun() {
		Run fresh = deliveredRun();
		assessment.rate(fresh.caseNo(), PHONE, RatingLevel.DISSATISFIED, "等了太久");
		return fresh;
	}

	String taskOf(Run run, String taskDefinitionKey) {
		return taskService.createTaskQuery()
			.processInstanceId(run.processInstanceId())
			.taskDefinitionKey(taskDefinitionKey)
			.singleResult()
			.getId();
	}

	List<String> commitmentsOf(String matter) {
		return catalog.entriesInForce(matter)
			.stream()
			.filter(e -> e.getReplacement() == org.zhengpaopao.catalog.Replacement.COMMITMENT)
			.map(CatalogEntry::getCertificateCode)
			.toList();
	}

	/** A certificate the matter does not list in force (never, or retired), so that adding it is a valid change. */
	String unlistedCertificate() {
		var listed = catalog.entriesInForce(MATTER).stream().map(CatalogEntry::getCertificateCode).toList();
		return catalog.certificates()
			.stream()
			.map(c -> c.getCode())
			.filter(code -> !listed.contains(code))
			.reduce((first, second) -> second)
			.orElseThrow();
	}

	/** A proposal of the catalog maintainer's, under review: a capabilities change, which applies nothing. */
	String catalogProposal() {
		return catalogReview.propose(List.of(CatalogChange.capabilities(MATTER, true, false)), "权限矩阵测试", "catalog-1");
	}

	int importSequence;

	/** A workbook import by the catalog maintainer that changes one entry's 说明, waiting for its confirmation. */
	long maintainersImport() {
		String certificate = catalog.entriesInForce(MATTER).get(0).getCertificateCode();
		return catalogImports.preview(WorkbookEdits.withOneChangedDetail(catalogWorkbook.export(), MATTER, certificate,
				"权限矩阵测试 " + (++importSequence)), "矩阵.xlsx", "catalog-1");
	}

	ResponseEntity<String> importWorkbook(String user, byte[] xlsx) {
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("file", new HttpEntity<>(new ByteArrayResource(xlsx) {
			@Override
			public String getFilename() {
				return "矩阵.xlsx";
			}
		}));
		HttpHeaders headers = credentials(user);
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.exchange("/api/catalog/imports", HttpMethod.POST, new HttpEntity<>(body, headers), String.class);
	}

	/** A fresh cancelled entry of the matter, added by the catalog maintainer, for a row to change or retire. */
	String addedEntry() {
		String certificate = unlistedCertificate();
		catalog.add(MATTER, certificate, new EntryTerms(Disposition.CANCELLED, null, "经评估无需提供", null, null), "catalog-1",
				"权限矩阵测试");
		return certificate;
	}

	/** A message whose delivery failed for good, as the outbox leaves it after its last attempt. */
	long failedNotification() {
		Long id = jdbc.queryForObject("select max(id) from zpp_notification where status = 'SENT'", Long.class);
		jdbc.update("update zpp_notification set status = 'FAILED', last_error = '权限矩阵测试' where id = ?", id);
		return id;
	}

	// ------------------------------------------------------------------------------------------- HTTP

	ResponseEntity<String> call(String user, HttpMethod method, String path, Object body) {
		HttpHeaders headers = credentials(user);
		if (body != null) {
			headers.setContentType(MediaType.APPLICATION_JSON);
		}
		return http.exchange(path, method, new HttpEntity<>(body, headers), String.class);
	}

	static HttpHeaders credentials(String user) {
		HttpHeaders headers = new HttpHeaders();
		if (!user.equals(ANONYMOUS)) {
			headers.setBasicAuth(user, PASSWORD);
		}
		return headers;
	}

	JsonNode body(ResponseEntity<String> answer) {
		try {
			return json.readTree(answer.getBody());
		}
		catch (IOException e) {
			throw new AssertionError("not JSON: " + answer.getBody(), e);
		}
	}

	/** 2xx: carried out; 401, 403, 404: refused; anything else is neither and fails the cell. */
	static boolean carriedOut(ResponseEntity<?> answer) {
		int status = answer.getStatusCode().value();
		if (status >= 200 && status < 300) {
			return true;
		}
		if (status == 401 || status == 403 || status == 404) {
			return false;
		}
		return fail("neither carried out nor refused: HTTP %d %s", status, answer.getBody());
	}

	/**
	 * Public answers: 2xx carries the case; a wrong second factor is a 400 or 404 problem detail that reads the same as
	 * for an unknown case number (or 429 once locked out).
	 */
	static boolean answeredWithTheCase(ResponseEntity<?> answer) {
		int status = answer.getStatusCode().value();
		if (status >= 200 && status < 300) {
			return true;
		}
		if (status == 400 || status == 404 || status == 429) {
			assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.as("a problem detail: %s", answer.getHeaders().getContentType())
				.isTrue();
			return false;
		}
		return fail("neither the case nor a refusal: HTTP %d %s", status, answer.getBody());
	}

	/** For lists, which answer 200 to everybody: carried out when the list shows what the row is about. */
	static boolean refusedOr(ResponseEntity<?> answer, java.util.function.BooleanSupplier shows) {
		return carriedOut(answer) && shows.getAsBoolean();
	}

	// ------------------------------------------------------------------------------------------- the document

	Stream<DynamicTest> cells(String section, Map<String, Probe> probes) throws IOException {
		List<String> table = table(section, "| id |");
		List<String> columns = split(table.get(0)).stream().skip(2).map(AuthorizationMatrixTests::column).toList();
		Map<String, List<String>> rows = new LinkedHashMap<>();
		table.stream().skip(2).map(AuthorizationMatrixTests::split).forEach(cells -> {
			assertThat(cells).as("row %s has a cell per column", cells.get(0)).hasSize(columns.size() + 2);
			rows.put(cells.get(0).replace("`", ""), cells.subList(2, cells.size()));
		});
		assertThat(rows.keySet()).as("every row of the document has a probe and every probe a row")
			.containsExactlyInAnyOrderElementsOf(probes.keySet());
		rows.forEach((row, expected) -> assertThat(expected).as("row %s allows somebody (so a broken probe fails)", row)
			.contains("✓"));

		List<DynamicTest> tests = new ArrayList<>();
		rows.forEach((row, expected) -> {
			for (int i = 0; i < columns.size(); i++) {
				String user = columns.get(i);
				boolean allowed = switch (expected.get(i)) {
					case "✓" -> true;
					case "✗" -> false;
					default -> throw new AssertionError("cell " + row + " / " + user + " is neither ✓ nor ✗");
				};
				String cell = row + " · " + user + " · " + (allowed ? "✓" : "✗");
				tests.add(DynamicTest.dynamicTest(cell, () -> {
					boolean answer;
					try {
						answer = probes.get(row).allowed(user);
					}
					catch (AssertionError | RuntimeException e) {
						throw new AssertionError(cell + ": " + e.getMessage(), e);
					}
					assertThat(answer).as("%s as %s", row, user).isEqualTo(allowed);
				}));
			}
		});
		return tests.stream();
	}

	/** The lines of the first table under the heading whose header line starts so. */
	static List<String> table(String section, String header) throws IOException {
		List<String> lines = Files.readAllLines(MATRIX, StandardCharsets.UTF_8);
		int start = lines.indexOf(section);
		assertThat(start).as("%s has a section %s", MATRIX, section).isNotNegative();
		return lines.stream()
			.skip(start + 1)
			.dropWhile(line -> !line.startsWith(header))
			.takeWhile(line -> line.startsWith("|"))
			.toList();
	}

	static List<String> split(String row) {
		String inner = row.substring(1, row.lastIndexOf('|'));
		return Stream.of(inner.split("\\|")).map(String::strip).toList();
	}

	/** Header cells: a user id in backticks, "anonymous", or a description of an applicant. */
	static String column(String header) {
		if (header.startsWith("`")) {
			return header.substring(1, header.indexOf('`', 1));
		}
		if (header.equals("anonymous")) {
			return ANONYMOUS;
		}
		if (header.startsWith("applicant with")) {
			return "applicant-wrong-factor";
		}
		if (header.equals("applicant")) {
			return "applicant";
		}
		if (header.equals("platform, signed")) {
			return "platform";
		}
		if (header.equals("platform, wrong signature")) {
			return "platform-wrong-signature";
		}
		throw new AssertionError("unknown column " + header);
	}
}
