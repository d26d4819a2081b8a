package org.zhengpaopao.platform;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * The simulator posts to the county (a WireMock stand-in) as the provincial platform does: the app key, the time in
 * epoch milliseconds, a fresh nonce, and a signature that {@link PlatformSignature#matches} over the very body the
 * county received.
 */
class SimulatedCountyTests {

	static final String SECRET = "demo-platform-secret";

	@RegisterExtension
	static WireMockExtension countyStandIn = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	final Clock clock = Clock.fixed(Instant.parse("2026-12-08T02:00:00Z"), ZoneOffset.UTC);

	SimulatedCounty county() {
		return new SimulatedCounty(countyStandIn::baseUrl, "demo-platform", SECRET, new ObjectMapper(), clock,
				Duration.ofSeconds(5));
	}

	static Map<String, Object> application(String platformId) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("platformApplicationId", platformId);
		body.put("kind", "APPLICATION");
		body.put("applicantName", "张三");
		body.put("matterCode", "SX-001");
		body.put("commitments", List.of());
		body.put("certificateCode", null);
		return body;
	}

	@Test
	void shouldSignTheBodyTheCountyReceivesWithAFreshNonce() {
		countyStandIn.stubFor(post(urlPathEqualTo(SimulatedCounty.PATH)).willReturn(okJson(
				"{\"caseNo\":\"BJ20261208-000001\",\"kind\":\"APPLICATION\",\"status\":\"ACCEPTED\"}").withStatus(201)));

		SimulatedCounty.Answer first = county().forward(application("SIM-20261208-AAAAAAAA"));
		county().forward(application("SIM-20261208-BBBBBBBB"));

		assertThat(first.status().value()).isEqualTo(201);
		assertThat(first.text("caseNo")).isEqualTo("BJ20261208-000001");
		List<LoggedRequest> received = countyStandIn.findAll(postRequestedFor(urlPathEqualTo(SimulatedCounty.PATH)));
		assertThat(received).hasSize(2);
		for (LoggedRequest request : received) {
			assertThat(request.getHeader("X-Platform-AppKey")).isEqualTo("demo-platform");
			assertThat(request.getHeader("X-Platform-Timestamp")).isEqualTo(Long.toString(clock.millis()));
			assertThat(request.getHeader("X-Platform-Nonce")).matches("[A-Za-z0-9_-]{8,64}");
			assertThat(request.getHeader("Content-Type")).startsWith("application/json");
			assertThat(request.getBodyAsString()).contains("\"platformApplicationId\":\"SIM-20261208-",
					"\"applicantName\":\"张三\"", "\"certificateCode\":null");
			assertThat(PlatformSignature.matches(SECRET, "POST", SimulatedCounty.PATH,
					request.getHeader("X-Platform-Timestamp"), request.getHeader("X-Platform-Nonce"), request.getBody(),
					request.getHeader("X-Platform-Signature"))).as("the county's check of the signature").isTrue();
			assertThat(PlatformSignature.matches("another-secret", "POST", SimulatedCounty.PATH,
					request.getHeader("X-Platform-Timestamp"), request.getHeader("X-Platform-Nonce"), request.getBody(),
					request.getHeader("X-Platform-Signature"))).isFalse();
		}
		assertThat(received.get(0).getHeader("X-Platform-Nonce")).as("a nonce per request")
			.isNotEqualTo(received.get(1).getHeader("X-Platform-Nonce"));
	}

	@Test
	void shouldReadTheCountysProblemDetail() {
		countyStandIn.stubFor(post(urlPathEqualTo(SimulatedCounty.PATH)).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/problem+json")
			.withBody("{\"status\":400,\"detail\":\"事项 SX-999 不存在 / no matter SX-999\"}")));

		SimulatedCounty.Answer answer = county().forward(application("SIM-20261208-CCCCCCCC"));

		assertThat(answer.status().value()).isEqualTo(400);
		assertThat(answer.text("detail")).startsWith("事项 SX-999 不存在");
	}
}
