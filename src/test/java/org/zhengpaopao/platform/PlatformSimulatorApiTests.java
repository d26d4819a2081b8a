package org.zhengpaopao.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestNotifications.RecordingNotifier;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The simulator's public API over HTTP, with a stand-in county (WireMock): a confirmed phone submits, the county gets
 * the application signed, the page gets the case number or the county's refusal in Chinese; the county's status
 * callbacks are taken only with a good signature.
 */
@IntegrationTest
class PlatformSimulatorApiTests {

	static final String API = SimulatorController.BASE;
	static WireMockServer county;

	@Autowired
	TestRestTemplate http;

	@Autowired
	RecordingNotifier sms;

	@Autowired
	ObjectMapper json;

	@Value("${zhengpaopao.platform.app-key}")
	String appKey;

	@Value("${zhengpaopao.platform.secret}")
	String secret;

	@BeforeAll
	static void startCounty(@Value("${test.platform-county-port}") int port) {
		county = new WireMockServer(wireMockConfig().port(port));
		county.start();
	}

	@AfterAll
	static void stopCounty() {
		county.stop();
	}

	@Autowired
	ConfigurableEnvironment environment;

	/** The simulator posts to the stand-in while these tests run (it reads the address at each post). */
	@BeforeEach
	void pointAtTheStandIn() {
		county.resetAll();
		environment.getPropertySources().addFirst(new MapPropertySource(STAND_IN, Map.of(
				"zhengpaopao.platform.simulator.county-url", "http://localhost:" + county.port())));
	}

	@AfterEach
	void backToTheCounty() {
		environment.getPropertySources().remove(STAND_IN);
	}

	static final String STAND_IN = "stand-in county";

	@Test
	void shouldForwardTheApplicationSignedAndAnswerWithTheCountysCaseNumber() throws Exception {
		county.stubFor(post(urlPathEqualTo(SimulatedCounty.PATH)).willReturn(okJson(
				"{\"caseNo\":\"BJ20261208-000042\",\"kind\":\"APPLICATION\",\"status\":\"IN_PROGRESS\",\"statusName\":\"办理中\"}")
			.withStatus(201)));
		String token = session("13905708801");

		ResponseEntity<JsonNode> answer = submit(token, "SX-001");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(answer.getBody().get("caseNo").asText()).isEqualTo("BJ20261208-000042");
		String platformId = answer.getBody().get("platformApplicationId").asText();
		assertThat(platformId).matches("SIM-\\d{8}-[A-Z0-9]{8}");
		LoggedRequest received = county.findAll(postRequestedFor(urlPathEqualTo(SimulatedCounty.PATH))).get(0);
		JsonNode body = json.readTree(received.getBody());
		assertThat(body.get("platformApplicationId").asText()).isEqualTo(platformId);
		assertThat(body.get("phone").asText()).as("the confirmed phone").isEqualTo("13905708801");
		assertThat(body.get("matterCode").asText()).isEqualTo("SX-001");
		assertThat(body.get("kind").asText()).isEqualTo("APPLICATION");
		assertThat(PlatformSignature.matches(secret, "POST", SimulatedCounty.PATH,
				received.getHeader("X-Platform-Timestamp"), received.getHeader("X-Platform-Nonce"), received.getBody(),
				received.getHeader("X-Platform-Signature"))).isTrue();

		JsonNode status = status(token, platformId).getBody();
		assertThat(status.get("caseNo").asText()).isEqualTo("BJ20261208-000042");
		assertThat(status.get("statusName").asText()).isEqualTo("办理中");
		assertThat(status(session("13905708802"), platformId).getStatusCode()).as("another phone's")
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldPassOnTheCountysRefusalInChinese() {
		county.stubFor(post(urlPathEqualTo(SimulatedCounty.PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"status\":400,\"detail\":\"事项 SX-002 不可网办 / SX-002 cannot be applied for online\"}")));

		ResponseEntity<JsonNode> answer = submit(session("13905708803"), "SX-002");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
		assertThat(answer.getBody().get("detail").asText()).startsWith("事项 SX-002 不可网办");
	}

	@Test
	void shouldSubmitOnlyWithAConfirmedPhone() {
		assertThat(submit(null, "SX-001").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(submit("guessed-token", "SX-001").getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(county.findAll(postRequestedFor(urlPathEqualTo(SimulatedCounty.PATH)))).isEmpty();
	}

	@Test
	void shouldSayTheCountyIsAwayWhenItIs() {
		county.stubFor(post(urlPathEqualTo(SimulatedCounty.PATH)).willReturn(aResponse().withStatus(503)));

		ResponseEntity<JsonNode> answer = submit(session("13905708804"), "SX-001");

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
		assertThat(answer.getBody().get("detail").asText()).startsWith("县里的系统暂时无法受理");
	}

	@Test
	void shouldStoreASignedCallbackAndRefuseABadSignature() {
		county.stubFor(post(urlPathEqualTo(SimulatedCounty.PATH)).willReturn(okJson(
				"{\"caseNo\":\"BJ20261208-000043\",\"kind\":\"APPLICATION\",\"status\":\"IN_PROGRESS\",\"statusName\":\"办理中\"}")
			.withStatus(201)));
		String token = session("13905708805");
		String platformId = submit(token, "SX-001").getBody().get("platformApplicationId").asText();
		String decided = "{\"platformApplicationId\":\"" + platformId + "\",\"caseNo\":\"BJ20261208-000043\","
				+ "\"status\":\"APPROVED\",\"statusName\":\"准予办理\",\"occurredAt\":\"2099-01-01T10:00:00+08:00\","
				+ "\"decision\":\"APPROVED\"}";

		assertThat(callback(decided, "{}", secret, System.currentTimeMillis()).getStatusCode()).as("signed another body")
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(callback(decided, secret + "x", System.currentTimeMillis()).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(callback(decided, secret, System.currentTimeMillis() - 3_600_000).getStatusCode()).as("an old one")
			.isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(status(token, platformId).getBody().get("statusName").asText()).isEqualTo("办理中");

		assertThat(callback(decided.replace(platformId, "SIM-20261208-NOTOURS1"), secret, System.currentTimeMillis())
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(callback(decided, secret, System.currentTimeMillis()).getStatusCode())
			.isEqualTo(HttpStatus.NO_CONTENT);
		JsonNode status = status(token, platformId).getBody();
		assertThat(status.get("status").asText()).isEqualTo("APPROVED");
		assertThat(status.get("statusName").asText()).isEqualTo("准予办理");
		assertThat(status.get("decision").asText()).isEqualTo("APPROVED");
	}

	/** A callback as the county sends it, signed with {@code key} over the body. */
	ResponseEntity<String> callback(String body, String key, long timestamp) {
		return callback(body, body, key, timestamp);
	}

	/** A callback whose signature was made over {@code signedBody}. */
	ResponseEntity<String> callback(String body, String signedBody, String key, long timestamp) {
		String nonce = SimulatedCounty.nonce();
		String path = API + "/callbacks";
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Platform-AppKey", appKey);
		headers.set("X-Platform-Timestamp", Long.toString(timestamp));
		headers.set("X-Platform-Nonce", nonce);
		headers.set("X-Platform-Signature", PlatformSignature.sign(key, "POST", path, Long.toString(timestamp), nonce,
				signedBody.getBytes(StandardCharsets.UTF_8)));
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body.getBytes(StandardCharsets.UTF_8), headers),
				String.class);
	}

	String session(String phone) {
		ResponseEntity<JsonNode> sent = http.postForEntity(API + "/codes", Map.of("phone", phone), JsonNode.class);
		assertThat(sent.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		String reference = sent.getBody().get("reference").asText();
		ResponseEntity<JsonNode> session = http.postForEntity(API + "/sessions",
				Map.of("reference", reference, "code", sms.lastCodeFor(reference)), JsonNode.class);
		assertThat(session.getStatusCode()).isEqualTo(HttpStatus.OK);
		return session.getBody().get("token").asText();
	}

	ResponseEntity<JsonNode> submit(String token, String matterCode) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (token != null) {
			headers.set(SimulatorController.SESSION, token);
		}
		Map<String, Object> body = Map.of("applicantType", "PERSON", "applicantName", "张三", "idNumber",
				"330102199001011237", "townshipCode", "huzhen", "villageCode", "huzhen-xiaku", "matterCode", matterCode,
				"commitments", List.of());
		return http.exchange(API + "/applications", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	ResponseEntity<JsonNode> status(String token, String platformId) {
		HttpHeaders headers = new HttpHeaders();
		headers.set(SimulatorController.SESSION, token);
		return http.exchange(API + "/applications/" + platformId, HttpMethod.GET, new HttpEntity<>(headers),
				JsonNode.class);
	}
}
