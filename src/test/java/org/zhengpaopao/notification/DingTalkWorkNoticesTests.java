package org.zhengpaopao.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/** Work notices through the DingTalk enterprise app, against a stand-in DingTalk on a random port. */
class DingTalkWorkNoticesTests {

	@RegisterExtension
	static WireMockExtension dingTalk = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";
	static final String LINK = "https://zpp.example.gov.cn/camunda/app/tasklist/default/#/?task=t-42";
	static final StaffMessage YELLOW = new StaffMessage("runner-huzhen-1", "黄牌预警 DP20260924-000001",
			"代跑办件黄牌预警，请抓紧办理。", LINK, "DP20260924-000001", null);

	final MutableClock clock = new MutableClock(Instant.parse("2026-09-29T10:00:00Z"));

	DingTalkWorkNotices notices() {
		var app = new NotificationProperties.App("ding-key", "ding-secret", 3001L, dingTalk.baseUrl());
		return new DingTalkWorkNotices(new NotificationProperties.DingTalk(Map.of(), null, Duration.ofSeconds(1),
				Duration.ofSeconds(2), app, Map.of("runner-huzhen-1", "dt-huzhen-1")), RestClient.builder(), clock);
	}

	static void token(String token, long expiresIn) {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken")).willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\","
				+ "\"access_token\":\"" + token + "\",\"expires_in\":" + expiresIn + "}")));
	}

	static void sendAnswers(String json) {
		dingTalk.stubFor(post(urlPathEqualTo(SEND))
			.willReturn(okJson(json)));
	}

	static List<LoggedRequest> sent() {
		return dingTalk.findAll(postRequestedFor(urlPathEqualTo(SEND)));
	}

	@Test
	void shouldSendAnActionCardToThePersonsDingTalkUserIdWithTheAppsToken() throws Exception {
		token("token-1", 7200);
		sendAnswers("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":256271667526,\"request_id\":\"4jzllmte0wau\"}");

		notices().deliver(YELLOW);

		LoggedRequest tokenRequest = dingTalk.findAll(getRequestedFor(urlPathEqualTo("/gettoken"))).get(0);
		assertThat(tokenRequest.queryParameter("appkey").firstValue()).isEqualTo("ding-key");
		assertThat(tokenRequest.queryParameter("appsecret").firstValue()).isEqualTo("ding-secret");
		assertThat(sent()).hasSize(1);
		assertThat(sent().get(0).queryParameter("access_token").firstValue()).isEqualTo("token-1");
		JsonNode body = new ObjectMapper().readTree(sent().get(0).getBodyAsString());
		assertThat(body.path("agent_id").asLong()).isEqualTo(3001L);
		assertThat(body.path("userid_list").asText()).isEqualTo("dt-huzhen-1");
		assertThat(body.path("msg").path("msgtype").asText()).isEqualTo("action_card");
		JsonNode card = body.path("msg").path("action_card");
		assertThat(card.path("title").asText()).isEqualTo("黄牌预警 DP20260924-000001");
		assertThat(card.path("markdown").asText()).contains("代跑办件黄牌预警，请抓紧办理。", "DP20260924-000001");
		assertThat(card.path("single_url").asText()).isEqualTo(LINK);
		assertThat(card.path("single_title").asText()).contains("Tasklist");
	}

	@Test
	void shouldSendMarkdownWhenThereIsNoLink() throws Exception {
		token("token-1", 7200);
		sendAnswers("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":1}");

		notices().deliver(new StaffMessage("runner-huzhen-1", "转办", "已转办给您。", null, "DP1", null));

		JsonNode msg = new ObjectMapper().readTree(sent().get(0).getBodyAsString()).path("msg");
		assertThat(msg.path("msgtype").asText()).isEqualTo("markdown");
		assertThat(msg.path("markdown").path("text").asText()).contains("已转办给您。");
	}

	@Test
	void shouldKeepTheTokenUntilShortlyBeforeItExpires() {
		token("token-1", 7200);
		sendAnswers("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":1}");
		DingTalkWorkNotices notices = notices();

		notices.deliver(YELLOW);
		clock.advance(Duration.ofMinutes(100));
		notices.deliver(YELLOW);
		assertThat(dingTalk.findAll(getRequestedFor(urlPathEqualTo("/gettoken")))).as("one token for both").hasSize(1);

		clock.advance(Duration.ofMinutes(16)); // 116 min: within five minutes of the token's 120
		notices.deliver(YELLOW);
		assertThat(dingTalk.findAll(getRequestedFor(urlPathEqualTo("/gettoken")))).hasSize(2);
	}

	@Test
	void shouldFetchANewTokenOnceWhenDingTalkSaysTheTokenExpired() {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken")).inScenario("token")
			.whenScenarioStateIs(STARTED)
			.willReturn(okJson("{\"errcode\":0,\"access_token\":\"old\",\"expires_in\":7200}"))
			.willSetStateTo("renewed"));
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken")).inScenario("token")
			.whenScenarioStateIs("renewed")
			.willReturn(okJson("{\"errcode\":0,\"access_token\":\"new\",\"expires_in\":7200}")));
		dingTalk.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token",
				equalTo("old"))
			.willReturn(okJson("{\"errcode\":42001,\"errmsg\":\"access_token is timeout\"}")));
		dingTalk.stubFor(post(urlPathEqualTo(SEND)).withQueryParam("access_token",
				equalTo("new"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":1}")));

		notices().deliver(YELLOW);

		assertThat(sent()).extracting(r -> r.queryParameter("access_token").firstValue()).containsExactly("old", "new");
	}

	@Test
	void shouldFailTheAttemptWithDingTalksAnswerWhenItRefuses() {
		token("token-1", 7200);
		sendAnswers("{\"errcode\":33012,\"errmsg\":\"无效的USERID\"}");

		assertThatThrownBy(() -> notices().deliver(YELLOW)).isInstanceOf(DeliveryException.class)
			.hasMessageContaining("errcode 33012")
			.satisfies(e -> assertThat(((DeliveryException) e).retry()).isTrue());
	}

	@Test
	void shouldFailTheAttemptWithoutTheSecretWhenTheTokenIsRefused() {
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(okJson("{\"errcode\":40089,\"errmsg\":\"不合法的corpid或corpsecret\"}")));

		assertThatThrownBy(() -> notices().deliver(YELLOW)).isInstanceOf(DeliveryException.class)
			.hasMessageContaining("errcode 40089")
			.satisfies(e -> assertThat(e.getMessage()).doesNotContain("ding-secret"));
		assertThat(sent()).isEmpty();
	}

	@Test
	void shouldNotSendToSomebodyWithoutDingTalkUserId() {
		assertThatThrownBy(() -> notices().deliver(new StaffMessage("runner-xikou-1", "黄牌预警", "…", LINK, "DP1", null)))
			.isInstanceOf(DeliveryException.class)
			.satisfies(e -> assertThat(((DeliveryException) e).retry()).isFalse());
		assertThat(dingTalk.getAllServeEvents()).isEmpty();
	}

	/** A clock the test moves. */
	static final class MutableClock extends Clock {

		private Instant now;

		MutableClock(Instant now) {
			this.now = now;
		}

		void advance(Duration by) {
			now = now.plus(by);
		}

		@Override
		public ZoneId getZone() {
			return ZoneId.of("Asia/Shanghai");
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}
