package org.zhengpaopao.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** The DingTalk custom robot protocol, against a stand-in robot on a random port. */
class DingTalkRobotChannelTests {

	@RegisterExtension
	static WireMockExtension robot = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:30:00Z"), ZoneId.of("Asia/Shanghai"));
	static final String SECRET = "SEC0123456789abcdef";
	static final GroupMessage NEW_RUN = new GroupMessage("runners-county", "新代跑任务 / New proxy-run",
			"县民政局「火化证明补开」，请在工作日 3 天内调取。", "DP20261130-000042");

	DingTalkRobotChannel channel(Map<String, NotificationProperties.Robot> groups,
			NotificationProperties.Robot defaultRobot, Duration readTimeout) {
		return new DingTalkRobotChannel(
				new NotificationProperties.DingTalk(groups, defaultRobot, Duration.ofSeconds(1), readTimeout),
				RestClient.builder(), CLOCK);
	}

	DingTalkRobotChannel countyRobot(String secret) {
		return channel(Map.of("runners-county",
				new NotificationProperties.Robot(robot.baseUrl() + "/robot/send?access_token=county-token", secret)),
				null, Duration.ofSeconds(2));
	}

	static String hmacSha256Base64(String key, String data) throws Exception {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
		return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
	}

	@Test
	void shouldPostTheMessageAsMarkdownSignedWithTheRobotsSecret() throws Exception {
		robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

		countyRobot(SECRET).deliver(NEW_RUN);

		List<LoggedRequest> requests = robot.findAll(postRequestedFor(urlPathEqualTo("/robot/send")));
		assertThat(requests).hasSize(1);
		LoggedRequest request = requests.get(0);
		assertThat(request.queryParameter("access_token").firstValue()).isEqualTo("county-token");
		String timestamp = request.queryParameter("timestamp").firstValue();
		assertThat(timestamp).isEqualTo(String.valueOf(CLOCK.millis()));
		assertThat(request.queryParameter("sign").firstValue())
			.isEqualTo(hmacSha256Base64(SECRET, timestamp + "\n" + SECRET));
		assertThat(request.getHeader("Content-Type")).startsWith("application/json");

		JsonNode body = new ObjectMapper().readTree(request.getBodyAsString());
		assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
		assertThat(body.path("markdown").path("title").asText()).isEqualTo("新代跑任务 / New proxy-run");
		assertThat(body.path("markdown").path("text").asText()).contains("#### 新代跑任务 / New proxy-run")
			.contains("县民政局「火化证明补开」，请在工作日 3 天内调取。")
			.contains("DP20261130-000042")
			.as("the keyword a robot may be secured with")
			.contains("证跑跑");
	}

	@Test
	void shouldSendNoSignatureForARobotWithoutSecret() {
		robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));

		countyRobot(null).deliver(NEW_RUN);

		LoggedRequest request = robot.findAll(postRequestedFor(urlPathEqualTo("/robot/send"))).get(0);
		assertThat(request.getQueryParams()).containsOnlyKeys("access_token");
	}

	@Test
	void shouldUseTheDefaultRobotForAGroupWithoutItsOwn() {
		robot.stubFor(post(urlPathEqualTo("/default/send")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}")));
		var channel = channel(
				Map.of("runners-county",
						new NotificationProperties.Robot(robot.baseUrl() + "/robot/send?access_token=a", null)),
				new NotificationProperties.Robot(robot.baseUrl() + "/default/send?access_token=b", null),
				Duration.ofSeconds(2));

		channel.deliver(new GroupMessage("runners-huzhen", "新代跑任务", "下库村居住证明", "DP20261130-000043"));

		assertThat(robot.findAll(postRequestedFor(urlPathEqualTo("/default/send")))).hasSize(1);
		assertThat(robot.findAll(postRequestedFor(urlPathEqualTo("/robot/send")))).isEmpty();
	}

	@Test
	void shouldWriteToTheLogForAGroupWithoutRobotWhenThereIsNoDefault() {
		countyRobot(SECRET)
			.deliver(new GroupMessage("liaison-gongan", "新代跑任务", "无犯罪记录证明", "DP20261130-000044"));

		assertThat(robot.getAllServeEvents()).isEmpty();
	}

	@Test
	void shouldFailWhenTheRobotAnswersWithANonZeroErrcode() {
		robot.stubFor(post(urlPathEqualTo("/robot/send"))
			.willReturn(okJson("{\"errcode\":310000,\"errmsg\":\"sign not match\"}")));

		assertThatThrownBy(() -> countyRobot(SECRET).deliver(NEW_RUN)).isInstanceOf(DeliveryException.class)
			.hasMessageContaining("errcode 310000")
			.hasMessageContaining("sign not match");
	}

	@Test
	void shouldFailOnAServerErrorWithoutRevealingTheAccessToken() {
		robot.stubFor(post(urlPathEqualTo("/robot/send")).willReturn(aResponse().withStatus(503)));

		assertThatThrownBy(() -> countyRobot(SECRET).deliver(NEW_RUN)).isInstanceOf(DeliveryException.class)
			.hasMessageContaining("HTTP 503")
			.message()
			.doesNotContain("county-token", SECRET);
	}

	@Test
	void shouldGiveUpOnASlowRobotAtTheReadTimeout() {
		robot.stubFor(post(urlPathEqualTo("/robot/send"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\"}").withFixedDelay(1_500)));
		var channel = channel(
				Map.of("runners-county",
						new NotificationProperties.Robot(robot.baseUrl() + "/robot/send?access_token=county-token", SECRET)),
				null, Duration.ofMillis(300));

		long started = System.nanoTime();
		assertThatThrownBy(() -> channel.deliver(NEW_RUN)).isInstanceOf(DeliveryException.class)
			.hasMessageContaining("timed out")
			.message()
			.doesNotContain("county-token");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_200));
	}
}
