package org.zhengpaopao.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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
import org.zhengpaopao.TestFiles;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.document.Documents;
import org.zhengpaopao.document.StoredDocument;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRunStepKind;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The village agent's API: a villager's request taken in the village, authorized by the photographed paper (stored
 * with the case, in one transaction) or by the code the villager reads out; only the agent's own village; the
 * village's cases; the result handed back once it is back.
 */
@IntegrationTest
class AgentApiTests {

	static final String VILLAGE = "huzhen-xinghuo";
	static final String AGENT = "agent-huzhen-xinghuo-test";
	static final String OTHER_AGENT = "agent-muchen-test";

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentityService identity;

	@Autowired
	AuthorizationService authorizations;

	@Autowired
	ManagementService management;

	@Autowired
	TaskService tasks;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	Applications applications;

	@Autowired
	Documents documents;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	RecordingNotifier sms;

	final ObjectMapper json = new ObjectMapper();
	String otherVillage;

	@BeforeEach
	void agents() {
		AgentUsers.ensure(identity, authorizations, AGENT, VILLAGE);
		// a village that has a demo agent already: another agent there changes no other test's routing
		otherVillage = "muchen-muchen";
		AgentUsers.ensure(identity, authorizations, OTHER_AGENT, otherVillage);
	}

	Map<String, Object> runRequest(String village, String authorization) {
		return Map.of("villageCode", village, "applicantName", "张三", "idNumber", "330825198503121239", "phone",
				"13905702" + String.format("%03d", (int) (Math.random() * 1000)), "certificateCode", "ZM-0032",
				"usingDepartmentCode", "minzheng", "authorization", authorization);
	}

	ResponseEntity<JsonNode> multipart(String user, String path, Object request, byte[] photo, String filename)
			throws Exception {
		var body = new LinkedMultiValueMap<String, Object>();
		HttpHeaders jsonPart = new HttpHeaders();
		jsonPart.setContentType(MediaType.APPLICATION_JSON);
		body.add("request", new HttpEntity<>(json.writeValueAsString(request), jsonPart));
		if (photo != null) {
			HttpHeaders photoPart = new HttpHeaders();
			photoPart.setContentType(MediaType.IMAGE_PNG);
			body.add("photo", new HttpEntity<>(new ByteArrayResource(photo) {
				@Override
				public String getFilename() {
					return filename;
				}
			}, photoPart));
		}
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		headers.set("Idempotency-Key", UUID.randomUUID().toString());
		return http.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	ResponseEntity<JsonNode> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		return http.withBasicAuth(user, "demo")
			.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	JsonNode desk(String user) {
		return http.withBasicAuth(user, "demo").getForObject("/api/agent/desk", JsonNode.class);
	}

	long runs() {
		return jdbc.queryForObject("select count(*) from zpp_proxy_run", Long.class);
	}

	@Test
	void shouldOpenAnAuthorizedRunWithThePhotoStoredWithItsChecksum() throws Exception {
		byte[] photo = TestFiles.image("png");

		ResponseEntity<JsonNode> answer = multipart(AGENT, "/api/agent/proxy-runs", runRequest(VILLAGE, "PHOTO"),
				photo, "授权委托书.png");

		assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(201);
		String caseNo = answer.getBody().get("caseNo").asText();
		assertThat(answer.getBody().get("authorized").asBoolean()).isTrue();
		String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(photo));
		assertThat(answer.getBody().at("/photo/sha256").asText()).isEqualTo(sha256);
		ProxyRun run = proxyRuns.find(caseNo).orElseThrow();
		assertThat(run.getIntake()).isEqualTo(Intake.agent(VILLAGE));
		assertThat(run.getTownshipCode()).isEqualTo("huzhen");
		assertThat(run.getState()).isNotEqualTo(ProxyRunState.AWAITING_AUTHORIZATION);
		assertThat(run.getSteps()).anySatisfy(step -> {
			assertThat(step.is(ProxyRunStepKind.AUTHORIZED_AT_WINDOW)).isTrue();
			assertThat(step.getLabel()).isEqualTo("申请人已签署纸质授权委托书，村代办员拍照留存");
			assertThat(step.getActor()).isEqualTo(AGENT);
		});
		assertThat(documents.ofOwner(caseNo)).singleElement().satisfies(document -> {
			assertThat(document.sha256()).isEqualTo(sha256);
			assertThat(document.storedBy()).isEqualTo(AGENT);
			assertThat(document.kind().name()).isEqualTo("PNG");
		});

		JsonNode desk = desk(AGENT);
		JsonNode listed = find(desk.get("cases"), caseNo);
		assertThat(listed).as("the village's list").isNotNull();
		assertThat(listed.get("maskedIdNumber").asText()).doesNotContain("198503121239").contains("*");
		assertThat(desk.toString()).doesNotContain("330825198503121239");
		assertThat(find(desk(OTHER_AGENT).get("cases"), caseNo)).as("another village's agent").isNull();
	}

	@Test
	void shouldOpenByCodeAndConfirmWithTheCodeTheVillagerReadsOut() throws Exception {
		ResponseEntity<JsonNode> answer = post(AGENT, "/api/agent/proxy-runs", runRequest(VILLAGE, "CODE"));
		assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(201);
		String caseNo = answer.getBody().get("caseNo").asText();
		assertThat(answer.getBody().get("authorized").asBoolean()).isFalse();
		assertThat(answer.getBody().get("photo").isNull()).isTrue();
		sendTheCode(caseNo);
		JsonNode pending = find(desk(AGENT).get("pendingAuthorizations"), caseNo);
		assertThat(pending).as("waiting for the villager's code").isNotNull();
		assertThat(pending.get("codeSent").asBoolean()).isTrue();
		String code = sms.lastCodeFor(caseNo);

		assertThat(post(OTHER_AGENT, "/api/agent/authorizations/" + caseNo, Map.of("code", code)).getStatusCode().value())
			.as("another village's agent").isEqualTo(404);
		ResponseEntity<JsonNode> wrong = post(AGENT, "/api/agent/authorizations/" + caseNo,
				Map.of("code", code.equals("000000") ? "111111" : "000000"));
		assertThat(wrong.getStatusCode().value()).isEqualTo(400);
		assertThat(wrong.getBody().get("detail").asText()).contains("验证码不正确");
		ResponseEntity<JsonNode> right = post(AGENT, "/api/agent/authorizations/" + caseNo, Map.of("code", code));
		assertThat(right.getStatusCode().value()).as(right.toString()).isEqualTo(200);

		ProxyRun run = proxyRuns.find(caseNo).orElseThrow();
		assertThat(run.getState()).isNotIn(ProxyRunState.AWAITING_AUTHORIZATION, ProxyRunState.AUTHORIZATION_EXPIRED);
		assertThat(run.getSteps()).anyMatch(step -> step.is(ProxyRunStepKind.AUTHORIZED_ONLINE));
		assertThat(find(desk(AGENT).get("pendingAuthorizations"), caseNo)).isNull();
		assertThat(post(AGENT, "/api/agent/authorizations/" + caseNo, Map.of("code", code)).getStatusCode().value())
			.as("no longer pending").isEqualTo(409);
	}

	@Test
	void shouldRefuseAnotherVillageAndThoseWhoAreNoAgents() throws Exception {
		long before = runs();
		assertThat(multipart(AGENT, "/api/agent/proxy-runs", runRequest(otherVillage, "PHOTO"),
				TestFiles.image("png"), "a.png").getStatusCode().value()).isEqualTo(403);
		assertThat(post(AGENT, "/api/agent/proxy-runs", runRequest("nowhere", "CODE")).getStatusCode().value())
			.isEqualTo(403);
		assertThat(post("window-minzheng-1", "/api/agent/proxy-runs", runRequest(VILLAGE, "CODE")).getStatusCode()
			.value()).isEqualTo(403);
		assertThat(http.withBasicAuth("window-minzheng-1", "demo").getForEntity("/api/agent/desk", String.class)
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(http.getForEntity("/api/agent/desk", String.class).getStatusCode().value()).isEqualTo(401);
		assertThat(runs()).isEqualTo(before);
	}

	@Test
	void shouldRefuseWhatIsNoImageOrPdfTooLargeOrNoProxyRunAndLeaveNoCase() throws Exception {
		long before = runs();
		long documentsBefore = jdbc.queryForObject("select count(*) from zpp_document", Long.class);

		ResponseEntity<JsonNode> text = multipart(AGENT, "/api/agent/proxy-runs", runRequest(VILLAGE, "PHOTO"),
				"这不是照片".getBytes(), "photo.png");
		assertThat(text.getStatusCode().value()).isEqualTo(400);
		assertThat(text.getBody().get("detail").asText()).containsPattern("\\p{IsHan}");

		ResponseEntity<JsonNode> large = multipart(AGENT, "/api/agent/proxy-runs", runRequest(VILLAGE, "PHOTO"),
				new byte[10 * 1024 * 1024 + 1], "big.png");
		assertThat(large.getStatusCode().value()).isEqualTo(413);

		ResponseEntity<JsonNode> noPhoto = multipart(AGENT, "/api/agent/proxy-runs", runRequest(VILLAGE, "PHOTO"),
				null, null);
		assertThat(noPhoto.getStatusCode().value()).isEqualTo(400);

		String notProxy = catalog.certificates()
			.stream()
			.map(Certificate::getCode)
			.filter(code -> !catalog.keepsAsProxyRun(code))
			.findFirst()
			.orElseThrow();
		Map<String, Object> request = new java.util.HashMap<>(runRequest(VILLAGE, "CODE"));
		request.put("certificateCode", notProxy);
		ResponseEntity<JsonNode> cancelled = post(AGENT, "/api/agent/proxy-runs", request);
		assertThat(cancelled.getStatusCode().value()).isEqualTo(400);
		assertThat(cancelled.getBody().get("detail").asText()).contains("不属于代跑证明");

		assertThat(runs()).isEqualTo(before);
		assertThat(jdbc.queryForObject("select count(*) from zpp_document", Long.class)).isEqualTo(documentsBefore);
	}

	@Test
	void shouldHandBackARunOnlyOnceTheUsingDepartmentSignedForIt() throws Exception {
		String caseNo = multipart(AGENT, "/api/agent/proxy-runs", runRequest(VILLAGE, "PHOTO"), TestFiles.image("jpeg"),
				"授权.jpg").getBody().get("caseNo").asText();
		String handBack = "/api/agent/cases/" + caseNo + "/handed-back";
		assertThat(post(AGENT, handBack, null).getStatusCode().value()).as("nothing back yet").isEqualTo(409);

		String instance = proxyRuns.find(caseNo).orElseThrow().getProcessInstanceId();
		executeJobs(instance);
		complete(instance, "fetchCertificate", Map.of("fetchNote", "已提交"));
		complete(instance, "issueCertificate", Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		complete(instance, "deliverCertificate", Map.of("deliveryConfirmed", true));
		complete(instance, "signForCertificate", Map.of("signOutcome", "signed"));
		assertThat(proxyRuns.find(caseNo).orElseThrow().getState()).isEqualTo(ProxyRunState.DELIVERED);
		assertThat(find(desk(AGENT).get("cases"), caseNo).get("handBackable").asBoolean()).isTrue();

		assertThat(post(OTHER_AGENT, handBack, null).getStatusCode().value()).as("another village").isEqualTo(404);
		ResponseEntity<JsonNode> handed = post(AGENT, handBack, null);
		assertThat(handed.getStatusCode().value()).as(handed.toString()).isEqualTo(200);
		assertThat(handed.getBody().get("handedBackBy").asText()).isEqualTo(AGENT);
		assertThat(proxyRuns.find(caseNo).orElseThrow().getSteps()).last().satisfies(step -> {
			assertThat(step.is(ProxyRunStepKind.HANDED_BACK_IN_VILLAGE)).isTrue();
			assertThat(step.getActor()).isEqualTo(AGENT);
		});
		assertThat(post(AGENT, handBack, null).getStatusCode().value()).as("once only").isEqualTo(409);
	}

	@Test
	void shouldTakeACaseWithThePhotoAndHandItBackOnlyOnceDecided() throws Exception {
		Map<String, Object> request = Map.of("villageCode", VILLAGE, "applicantName", "王建国", "idNumber",
				"330825198505050032", "phone", "13905700077", "matterCode", "SX-001", "authorization", "PHOTO");
		ResponseEntity<JsonNode> answer = multipart(AGENT, "/api/agent/applications", request, TestFiles.pdf(1),
				"授权委托书.pdf");
		assertThat(answer.getStatusCode().value()).as(answer.toString()).isEqualTo(201);
		String caseNo = answer.getBody().get("caseNo").asText();
		assertThat(caseNo).startsWith("BJ");
		assertThat(answer.getBody().get("authorized").asBoolean()).isTrue();
		assertThat(answer.getBody().at("/photo/kind").asText()).isEqualTo("PDF");
		var application = applications.find(caseNo).orElseThrow();
		assertThat(application.getIntake()).isEqualTo(Intake.agent(VILLAGE));
		assertThat(application.isAuthorizedAtWindow()).isTrue();
		assertThat(documents.ofOwner(caseNo)).extracting(StoredDocument::storedBy).containsExactly(AGENT);
		assertThat(find(desk(AGENT).get("cases"), caseNo)).isNotNull();
		assertThat(post(AGENT, "/api/agent/cases/" + caseNo + "/handed-back", null).getStatusCode().value())
			.as("not decided yet").isEqualTo(409);
	}

	void sendTheCode(String caseNo) {
		executeJobs(proxyRuns.find(caseNo).orElseThrow().getProcessInstanceId());
	}

	/** The process's asynchronous steps up to the next wait. */
	void executeJobs(String instance) {
		for (int i = 0; i < 5; i++) {
			Job job = management.createJobQuery().processInstanceId(instance).messages().singleResult();
			if (job == null) {
				return;
			}
			management.executeJob(job.getId());
		}
	}

	void complete(String instance, String taskKey, Map<String, Object> variables) {
		var task = tasks.createTaskQuery().processInstanceId(instance).taskDefinitionKey(taskKey).singleResult();
		assertThat(task).as("open task " + taskKey).isNotNull();
		tasks.complete(task.getId(), variables);
	}

	static JsonNode find(JsonNode list, String caseNo) {
		for (JsonNode item : list) {
			if (item.get("caseNo").asText().equals(caseNo)) {
				return item;
			}
		}
		return null;
	}
}
