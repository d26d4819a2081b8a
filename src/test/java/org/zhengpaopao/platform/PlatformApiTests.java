package org.zhengpaopao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.UUID;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.WebappSession;
import org.zhengpaopao.applicant.IntakeChannel;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform's door: a signed online application is taken as the window would take it, authorized by the
 * applicant's own submission; the same platform id again is the same case; anything unsigned, mis-signed, stale or
 * replayed is refused before anything is stored, and a staff login is no way in.
 */
@IntegrationTest
class PlatformApiTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	Clock clock;

	@Autowired
	Applications applications;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	OutboxContents outbox;

	@Autowired
	JdbcTemplate jdbc;

	@Value("${zhengpaopao.platform.app-key}")
	String appKey;

	@Value("${zhengpaopao.platform.secret}")
	String secret;

	SignedRequests platform;

	@BeforeEach
	void signer() {
		platform = new SignedRequests(http, clock, appKey, secret);
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	static String newId() {
		return "WS" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
	}

	/** 农村宅基地建房审批 (可网办) of a person of 湖镇 下库村, the commitment signed online. */
	static String application(String id, String phone) {
		return """
				{"kind":"APPLICATION","platformApplicationId":"%s","applicantType":"PERSON","applicantName":"王五",
				 "idNumber":"330825198001011232","phone":"%s","townshipCode":"huzhen","villageCode":"huzhen-xiaku",
				 "matterCode":"SX-048","requiredCertificates":["ZM-0126","ZM-0118"],"commitments":["ZM-0118"]}"""
			.formatted(id, phone);
	}

	static String proxyRun(String id) {
		return """
				{"kind":"PROXY_RUN","platformApplicationId":"%s","applicantType":"PERSON","applicantName":"孙八",
				 "idNumber":"330825199003074514","phone":"13905708877","townshipCode":"huzhen",
				 "villageCode":"huzhen-mabaoqiao","certificateCode":"ZM-0040","usingDepartmentCode":"ziranziyuan"}"""
			.formatted(id);
	}

	int storedWith(String platformId) {
		Integer rows = jdbc.queryForObject("select count(*) from zpp_platform_application where platform_application_id = ?",
				Integer.class, platformId);
		Integer cases = jdbc.queryForObject("select count(*) from zpp_application where intake_reference = ?",
				Integer.class, platformId);
		Integer runs = jdbc.queryForObject("select count(*) from zpp_proxy_run where intake_reference = ?",
				Integer.class, platformId);
		return rows + cases + runs;
	}

	@Test
	void shouldTakeASignedApplicationAuthorizedByTheOnlineSubmission() {
		String id = newId();

		ResponseEntity<JsonNode> taken = platform.post(application(id, "13905705678"), JsonNode.class);

		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = taken.getBody().get("caseNo").asText();
		assertThat(caseNo).startsWith("BJ");
		assertThat(taken.getBody().get("kind").asText()).isEqualTo("APPLICATION");
		assertThat(taken.getBody().get("platformApplicationId").asText()).isEqualTo(id);
		assertThat(taken.getHeaders().getLocation()).hasPath("/api/platform/applications/" + id);
		Application application = applications.find(caseNo).orElseThrow();
		assertThat(application.getIntake().channel()).isEqualTo(IntakeChannel.PLATFORM);
		assertThat(application.getIntake().reference()).isEqualTo(id);
		assertThat(application.isAuthorizedAtWindow()).as("authorized by the submission").isTrue();
		assertThat(application.getReceivedBy()).isEqualTo("platform");
		assertThat(outbox.textMessagesAbout(caseNo)).as("no authorization code asked for").isEmpty();

		ResponseEntity<JsonNode> status = platform.get("/api/platform/applications/" + id, JsonNode.class);
		assertThat(status.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(status.getBody().get("caseNo").asText()).isEqualTo(caseNo);
		assertThat(status.getBody().get("statusName").asText()).isNotBlank();
	}

	@Test
	void shouldOpenAStandAloneRunWhoseHistorySaysTheSubmissionIsTheAuthorization() {
		String id = newId();

		ResponseEntity<JsonNode> taken = platform.post(proxyRun(id), JsonNode.class);

		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ProxyRun run = proxyRuns.find(taken.getBody().get("caseNo").asText()).orElseThrow();
		assertThat(run.getIntake().channel()).isEqualTo(IntakeChannel.PLATFORM);
		assertThat(run.getState()).as("no waiting for a code").isNotEqualTo(ProxyRunState.AWAITING_AUTHORIZATION);
		assertThat(run.getSteps()).extracting(step -> step.getLabel() + " " + step.getNote())
			.anyMatch(text -> text.contains("实名认证后本人网上提交"));
		assertThat(outbox.textMessagesAbout(run.getCaseNo()))
			.noneMatch(message -> message.template().name().equals("AUTHORIZATION_CODE"));
	}

	@Test
	void shouldAnswerARetryWithTheSameCaseAndRefuseOtherContentUnderTheSameId() {
		String id = newId();
		String caseNo = platform.post(application(id, "13905705678"), JsonNode.class).getBody().get("caseNo").asText();

		ResponseEntity<JsonNode> retry = platform.post(application(id, "13905705678"), JsonNode.class);
		assertThat(retry.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(retry.getBody().get("caseNo").asText()).isEqualTo(caseNo);

		ResponseEntity<JsonNode> changed = platform.post(application(id, "13905700000"), JsonNode.class);
		assertThat(changed.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(changed.getBody().get("detail").asText()).contains("平台申请号 " + id, "已用于另一份内容不同的申请");
		assertThat(jdbc.queryForObject("select count(*) from zpp_application where intake_reference = ?", Integer.class,
				id)).isOne();
	}

	@Test
	void shouldRefuseAWrongSignatureAnUnknownKeyAStaleTimestampAndAReusedNonceStoringNothing() {
		String id = newId();
		String body = application(id, "13905705678");

		ResponseEntity<JsonNode> wrongSignature = platform.post(body, JsonNode.class,
				headers -> headers.set("X-Platform-Signature",
						platform.signed(HttpMethod.POST, SignedRequests.APPLICATIONS, body.getBytes(), "not-the-secret")
							.getFirst("X-Platform-Signature")));
		assertThat(wrongSignature.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(wrongSignature.getBody().get("detail").asText()).contains("平台签名无效");

		ResponseEntity<JsonNode> unknownKey = platform.post(body, JsonNode.class,
				headers -> headers.set("X-Platform-AppKey", "somebody-else"));
		assertThat(unknownKey.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

		// signed with the body, sent with another one
		ResponseEntity<JsonNode> changedBody = platform.send(HttpMethod.POST, SignedRequests.APPLICATIONS,
				application(newId(), "13905705678"), JsonNode.class, headers -> headers.putAll(platform
					.signed(HttpMethod.POST, SignedRequests.APPLICATIONS, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), secret)));
		assertThat(changedBody.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);

		HttpHeaders signedEarlier = platform.signed(HttpMethod.POST, SignedRequests.APPLICATIONS,
				body.getBytes(java.nio.charset.StandardCharsets.UTF_8), secret);
		ClockUtil.setCurrentTime(Date.from(clock.instant().plus(Duration.ofMinutes(6))));
		ResponseEntity<JsonNode> stale = platform.post(body, JsonNode.class, headers -> headers.putAll(signedEarlier));
		assertThat(stale.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(stale.getBody().get("detail").asText()).contains("请求时间戳超出5分钟");
		ClockUtil.setCurrentTime(Date.from(clock.instant().minus(Duration.ofMinutes(12))));
		ResponseEntity<JsonNode> early = platform.post(body, JsonNode.class, headers -> headers.putAll(signedEarlier));
		assertThat(early.getStatusCode()).as("6 minutes ahead of our clock").isEqualTo(HttpStatus.UNAUTHORIZED);
		ClockUtil.reset();

		assertThat(storedWith(id)).as("nothing stored").isZero();

		String other = newId();
		byte[] otherBody = application(other, "13905705678").getBytes(java.nio.charset.StandardCharsets.UTF_8);
		HttpHeaders once = platform.signed(HttpMethod.POST, SignedRequests.APPLICATIONS, otherBody, secret);
		once.setContentType(MediaType.APPLICATION_JSON);
		assertThat(http.exchange(SignedRequests.APPLICATIONS, HttpMethod.POST, new HttpEntity<>(otherBody, once),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<JsonNode> replayed = http.exchange(SignedRequests.APPLICATIONS, HttpMethod.POST,
				new HttpEntity<>(otherBody, once), JsonNode.class);
		assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(replayed.getBody().get("detail").asText()).contains("nonce 已使用");
	}

	@Test
	void shouldRefuseAMatterThatIsNotOfferedOnline() {
		String id = newId();
		String marriage = application(id, "13905705678").replace("SX-048", "SX-007")
			.replace("\"requiredCertificates\":[\"ZM-0126\",\"ZM-0118\"],\"commitments\":[\"ZM-0118\"]",
					"\"requiredCertificates\":[],\"commitments\":[]");

		ResponseEntity<JsonNode> refused = platform.post(marriage, JsonNode.class);

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(refused.getBody().get("detail").asText()).contains("未开通网上办理", "not offered online");
		assertThat(storedWith(id)).isZero();
	}

	@Test
	void shouldRefuseStaffLoginsAndUnsignedRequests() {
		String body = application(newId(), "13905705678");
		HttpHeaders json = new HttpHeaders();
		json.setContentType(MediaType.APPLICATION_JSON);

		assertThat(http.exchange(SignedRequests.APPLICATIONS, HttpMethod.POST, new HttpEntity<>(body, json),
				JsonNode.class).getStatusCode()).as("unsigned").isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(http.withBasicAuth("admin", "demo")
			.exchange(SignedRequests.APPLICATIONS, HttpMethod.POST, new HttpEntity<>(body, json), JsonNode.class)
			.getStatusCode()).as("an admin over HTTP Basic").isEqualTo(HttpStatus.FORBIDDEN);

		WebappSession session = WebappSession.login(http, "window-ziranziyuan-1", "tasklist");
		HttpHeaders withSession = session.cookiesAndToken(session.csrfToken());
		withSession.setContentType(MediaType.APPLICATION_JSON);
		assertThat(http.exchange(SignedRequests.APPLICATIONS, HttpMethod.POST, new HttpEntity<>(body, withSession),
				JsonNode.class).getStatusCode()).as("a window clerk's webapp session").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(http.exchange("/api/platform/applications/anything", HttpMethod.GET, new HttpEntity<>(withSession),
				JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldGiveThePlatformNothingOutsideItsDoor() {
		ResponseEntity<JsonNode> elsewhere = platform.send(HttpMethod.GET, "/api/catalog/matters", "", JsonNode.class,
				headers -> {
				});
		assertThat(elsewhere.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	/**
	 * Bad input on the platform's door. Here and not in web.BadInputCorpusTests: the corpus logs in as a staff user
	 * over HTTP Basic, which this door refuses (403) before any input is read; every request here is signed.
	 */
	@Test
	void shouldRefuseBadInputWithProblemDetailsAndStoreNothing() {
		String id = newId();
		String good = application(id, "13905705678");
		java.util.Map<String, String> bad = new java.util.LinkedHashMap<>();
		bad.put("not JSON", "{\"kind\":");
		bad.put("unknown field", good.replace("\"kind\"", "\"extra\":1,\"kind\""));
		bad.put("unknown kind", good.replace("\"APPLICATION\"", "\"PERMIT\""));
		bad.put("no kind", good.replace("\"kind\":\"APPLICATION\",", ""));
		bad.put("no platform id", good.replace("\"" + id + "\"", "null"));
		bad.put("platform id too long", good.replace(id, "W".repeat(65)));
		bad.put("platform id with a space", good.replace(id, "WS 1"));
		bad.put("wrong ID number check digit", good.replace("330825198001011232", "330825198001011233"));
		bad.put("unknown matter", good.replace("SX-048", "SX-999"));
		bad.put("a run's fields on an application", good.replace("\"matterCode\"",
				"\"certificateCode\":\"ZM-0040\",\"matterCode\""));
		bad.forEach((what, body) -> {
			ResponseEntity<JsonNode> answer = platform.post(body, JsonNode.class);
			assertThat(answer.getStatusCode()).as(what).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.as(what)
				.isTrue();
		});
		assertThat(storedWith(id)).isZero();
	}

	@Test
	void shouldDescribeThePlatformsEndpointsInOpenApi() {
		String docs = http.withBasicAuth("manager-1", "demo").getForObject("/v3/api-docs", String.class);
		assertThat(docs).contains("\"/api/platform/applications\"",
				"\"/api/platform/applications/{platformApplicationId}\"",
				"\"/api/platform/applications/{platformApplicationId}/certificate\"", "X-Platform-Signature");
	}
}
