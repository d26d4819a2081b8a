package org.zhengpaopao.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.TestFiles;
import org.zhengpaopao.document.Documents;
import org.zhengpaopao.notification.CallbackOutbox;
import org.zhengpaopao.notification.CallbackOutbox.StoredCallback;
import org.zhengpaopao.organization.Organization;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The platform hears back through the outbox: the callbacks reach a stand-in platform (WireMock on the port
 * application-test.yaml names) signed so that it can check them, are retried after an error, and a delivered run's
 * stamped certificate is there to fetch.
 */
@IntegrationTest
class PlatformCallbackTests {

	static final String CALLBACKS = "/callbacks/zhengpaopao";
	static final Duration WAIT = Duration.ofSeconds(10);

	static WireMockServer platformServer;

	@Autowired
	TestRestTemplate http;

	@Autowired
	Clock clock;

	@Autowired
	ProcessEngine engine;

	@Autowired
	Documents documents;

	@Autowired
	Organization organization;

	@Autowired
	ApplicationContext context;

	@Autowired
	ObjectMapper json;

	@Value("${zhengpaopao.platform.app-key}")
	String appKey;

	@Value("${zhengpaopao.platform.secret}")
	String secret;

	SignedRequests platform;
	CallbackOutbox outbox;

	@BeforeAll
	static void startPlatform(@Value("${test.platform-callback-port}") int port) {
		platformServer = new WireMockServer(wireMockConfig().port(port));
		platformServer.start();
	}

	@AfterAll
	static void stopPlatform() {
		platformServer.stop();
	}

	@BeforeEach
	void setUp() {
		platformServer.resetAll();
		platformServer.stubFor(post(urlPathEqualTo(CALLBACKS)).willReturn(aResponse().withStatus(200)));
		platform = new SignedRequests(http, clock, appKey, secret);
		outbox = context.getAutowireCapableBeanFactory().createBean(CallbackOutbox.class);
	}

	static String newId() {
		return "WS" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/** The callbacks the stand-in platform received about a case, each checked against our shared secret. */
	List<JsonNode> received(String caseNo) {
		return platformServer.findAll(postRequestedFor(urlPathEqualTo(CALLBACKS)))
			.stream()
			.filter(request -> request.getBodyAsString().contains("\"" + caseNo + "\""))
			.map(this::verified)
			.toList();
	}

	JsonNode verified(LoggedRequest request) {
		assertThat(request.getHeader("X-Platform-AppKey")).isEqualTo(appKey);
		assertThat(PlatformSignature.matches(secret, "POST", CALLBACKS, request.getHeader("X-Platform-Timestamp"),
				request.getHeader("X-Platform-Nonce"), request.getBody(), request.getHeader("X-Platform-Signature")))
			.as("signed with the shared secret")
			.isTrue();
		try {
			return json.readTree(request.getBody());
		}
		catch (java.io.IOException e) {
			throw new AssertionError(e);
		}
	}

	List<String> statuses(String caseNo) {
		return received(caseNo).stream().map(node -> node.get("status").asText()).toList();
	}

	/** Runs the case's waiting jobs as the job executor would, until none is left. */
	void runJobs(String caseNo) {
		String instance = engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId();
		for (int round = 0; round < 10; round++) {
			List<Job> jobs = engine.getManagementService().createJobQuery().processInstanceId(instance).executable().list();
			if (jobs.isEmpty()) {
				return;
			}
			jobs.forEach(job -> engine.getManagementService().executeJob(job.getId()));
		}
	}

	String task(String caseNo, String key) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(key)
			.singleResult()
			.getId();
	}

	@Test
	void shouldTellThePlatformOfTheAcceptanceAgainAfterAnErrorAndThenOfTheRefusalWithItsReason() {
		platformServer.resetAll();
		platformServer.stubFor(post(urlPathEqualTo(CALLBACKS)).inScenario("platform down once")
			.whenScenarioStateIs(STARTED)
			.willReturn(aResponse().withStatus(500))
			.willSetStateTo("back"));
		platformServer.stubFor(post(urlPathEqualTo(CALLBACKS)).inScenario("platform down once")
			.whenScenarioStateIs("back")
			.willReturn(aResponse().withStatus(200)));
		String id = newId();
		ResponseEntity<JsonNode> taken = platform.post("""
				{"kind":"APPLICATION","platformApplicationId":"%s","applicantName":"王五","idNumber":"330825198001011232",
				 "phone":"13905705678","townshipCode":"huzhen","villageCode":"huzhen-xiaku","matterCode":"SX-048",
				 "requiredCertificates":["ZM-0126"]}""".formatted(id), JsonNode.class);
		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = taken.getBody().get("caseNo").asText();

		StoredCallback failed = await().atMost(WAIT)
			.until(() -> outbox.about(caseNo).get(0), callback -> callback.attempts() == 1 && callback.lastError() != null);
		assertThat(failed.status()).isEqualTo("PENDING");
		assertThat(failed.lastError()).contains("HTTP 500");
		outbox.sweep(failed.nextAttemptAt());
		await().atMost(WAIT).until(() -> outbox.about(caseNo).get(0).status().equals("SENT"));
		List<JsonNode> accepted = received(caseNo);
		assertThat(accepted).as("the failed attempt and the retry").hasSize(2);
		assertThat(accepted.get(1).get("status").asText()).isEqualTo("ACCEPTED");
		assertThat(accepted.get(1).get("statusName").asText()).isEqualTo("已受理");
		assertThat(accepted.get(1).get("platformApplicationId").asText()).isEqualTo(id);

		runJobs(caseNo);
		TasklistUser.claimAndComplete(engine, "window-ziranziyuan-1", task(caseNo, "decideApplication"),
				Map.of("approved", false, "rejectionReason", "宅基地面积超出标准"));

		await().atMost(WAIT).until(() -> statuses(caseNo).contains("REJECTED"));
		JsonNode decided = received(caseNo).stream()
			.filter(node -> node.get("status").asText().equals("REJECTED"))
			.findFirst()
			.orElseThrow();
		assertThat(decided.get("statusName").asText()).isEqualTo("不予办理");
		assertThat(decided.get("decision").asText()).isEqualTo("不予办理");
		assertThat(decided.get("reason").asText()).isEqualTo("宅基地面积超出标准");
		assertThat(decided.get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(decided.get("occurredAt").asText()).isNotBlank();
		assertThat(decided.get("resultDelivery").asText()).as("a platform case's decision goes back online")
			.isEqualTo("ONLINE");

		ResponseEntity<JsonNode> status = platform.get("/api/platform/applications/" + id, JsonNode.class);
		assertThat(status.getBody().get("status").asText()).as("for a platform that missed it").isEqualTo("REJECTED");
	}

	/**
	 * The story: a correctly signed push runs to a decision that goes back to the platform without the
	 * applicant visiting a window, and the county's per-case zero-trip rate counts it.
	 */
	@Test
	void shouldCountAnOnlineCaseDecidedOnlineAsZeroTrip() {
		String today = java.time.LocalDate.now(clock.withZone(java.time.ZoneId.of("Asia/Shanghai"))).toString();
		String rates = "/api/kpi/rates?from=" + today + "&to=" + today;
		JsonNode before = http.withBasicAuth("manager-1", "demo").getForObject(rates, JsonNode.class).get("zeroTripRate");

		String id = newId();
		String caseNo = platform.post("""
				{"kind":"APPLICATION","platformApplicationId":"%s","applicantName":"王五","idNumber":"330825198001011232",
				 "phone":"13905705678","townshipCode":"huzhen","villageCode":"huzhen-xiaku","matterCode":"SX-048",
				 "requiredCertificates":["ZM-0126"]}""".formatted(id), JsonNode.class).getBody().get("caseNo").asText();
		runJobs(caseNo);
		var history = engine.getHistoryService();
		assertThat(history.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNo).list())
			.as("nobody at a window took this case in: the only task is the decision")
			.extracting(task -> task.getTaskDefinitionKey())
			.containsExactly("decideApplication");
		TasklistUser.claimAndComplete(engine, "window-ziranziyuan-1", task(caseNo, "decideApplication"),
				Map.of("approved", true));

		await().atMost(WAIT).until(() -> statuses(caseNo).contains("APPROVED"));
		JsonNode approved = received(caseNo).stream()
			.filter(node -> node.get("status").asText().equals("APPROVED"))
			.findFirst()
			.orElseThrow();
		assertThat(approved.get("decision").asText()).isEqualTo("准予办理");
		assertThat(approved.get("resultDelivery").asText()).isEqualTo("ONLINE");
		assertThat(approved.get("resultDeliveryName").asText()).isEqualTo("网上送达");

		JsonNode after = http.withBasicAuth("manager-1", "demo").getForObject(rates, JsonNode.class).get("zeroTripRate");
		assertThat(after.get("numerator").asLong()).as("zero-trip cases today")
			.isEqualTo(before.get("numerator").asLong() + 1);
		assertThat(after.get("denominator").asLong()).as("decided cases taken today")
			.isEqualTo(before.get("denominator").asLong() + 1);
	}

	@Test
	void shouldHandTheDeliveredCertificateBackStampedWithItsUse() throws Exception {
		String id = newId();
		String caseNo = platform.post("""
				{"kind":"PROXY_RUN","platformApplicationId":"%s","applicantType":"PERSON","applicantName":"孙八",
				 "idNumber":"330825199003074514","phone":"13905708877","townshipCode":"huzhen",
				 "villageCode":"huzhen-mabaoqiao","certificateCode":"ZM-0040","usingDepartmentCode":"ziranziyuan"}"""
			.formatted(id), JsonNode.class).getBody().get("caseNo").asText();
		String certificate = "/api/platform/applications/" + id + "/certificate";
		assertThat(platform.get(certificate, JsonNode.class).getStatusCode()).as("not delivered yet")
			.isEqualTo(HttpStatus.NOT_FOUND);

		TasklistUser.claimAndComplete(engine, "runner-huzhen-1", task(caseNo, "fetchCertificate"),
				Map.of("fetchNote", "已提交"));
		attachFile(caseNo);
		TasklistUser.claimAndComplete(engine, "clerk-huzhen-mabaoqiao-1", task(caseNo, "issueCertificate"),
				Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250077"));
		TasklistUser.claimAndComplete(engine, "runner-huzhen-1", task(caseNo, "deliverCertificate"),
				Map.of("deliveryConfirmed", true));
		TasklistUser.claimAndComplete(engine, "window-ziranziyuan-1", task(caseNo, "signForCertificate"),
				Map.of("signOutcome", "signed"));

		await().atMost(WAIT).until(() -> statuses(caseNo).contains("DELIVERED"));
		JsonNode delivered = received(caseNo).stream()
			.filter(node -> node.get("status").asText().equals("DELIVERED"))
			.findFirst()
			.orElseThrow();
		assertThat(delivered.get("statusName").asText()).isEqualTo("已送达用证部门");
		assertThat(delivered.get("licenceNumber").asText()).isEqualTo("ZZ3308250077");
		assertThat(delivered.get("certificateCopyUrl").asText()).endsWith(certificate);
		assertThat(statuses(caseNo)).as("accepted, then delivered; nothing about an authorization")
			.containsExactly("ACCEPTED", "DELIVERED");

		ResponseEntity<byte[]> copy = platform.get(certificate, byte[].class);
		assertThat(copy.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(copy.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PDF)).isTrue();
		String stamp = "仅供" + organization.department("ziranziyuan").orElseThrow().getName() + "办理代跑办件" + caseNo
				+ "使用";
		try (PDDocument pdf = Loader.loadPDF(copy.getBody())) {
			assertThat(new PDFTextStripper().getText(pdf)).contains(stamp);
		}
		assertThat(documents.downloads(caseNo)).extracting(download -> download.downloadedBy()).contains("platform");
	}

	void attachFile(String caseNo) {
		HttpHeaders part = new HttpHeaders();
		part.setContentType(MediaType.APPLICATION_PDF);
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("file", new HttpEntity<>(new ByteArrayResource(TestFiles.pdf(1)) {
			@Override
			public String getFilename() {
				return "证明.pdf";
			}
		}, part));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		assertThat(http.withBasicAuth("clerk-huzhen-mabaoqiao-1", "demo")
			.exchange("/api/proxy-runs/" + caseNo + "/certificate", HttpMethod.POST, new HttpEntity<>(body, headers),
					JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}
}
