package org.zhengpaopao.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.boot.actuate.health.Status;
import org.springframework.web.client.RestClient;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Alibaba Cloud SMS ({@code SendSms} 2017-05-25) against a stand-in on a random port, with its documented answers. */
class AliyunSmsGatewayTests {

	@RegisterExtension
	static WireMockExtension aliyun = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-07T02:42:19Z"), ZoneId.of("Asia/Shanghai"));
	static final String SECRET = "test-secret-0123";
	static final SmsMessage CODE_MESSAGE = new SmsMessage("13905706623", SmsTemplate.AUTHORIZATION_CODE, "DP1",
			Map.of("caseNo", "DP1", "link", "https://zpp.example/public/authorize?caseNo=DP1")).withCode("482913");

	final SimpleMeterRegistry meters = new SimpleMeterRegistry();
	final SmsAccountAlarm alarm = new SmsAccountAlarm(meters);

	AliyunSmsGateway gateway(Map<String, String> templates, Duration readTimeout) {
		var config = new NotificationProperties.Sms(NotificationProperties.SmsProvider.ALIYUN, false, templates,
				new NotificationProperties.Aliyun(aliyun.baseUrl(), "test-key-id", SECRET, "证跑跑", "cn-hangzhou",
						Duration.ofSeconds(1), readTimeout));
		return new AliyunSmsGateway(config, RestClient.builder(), CLOCK, alarm);
	}

	AliyunSmsGateway gateway() {
		return gateway(Map.of("authorization-code", "SMS_4711"), Duration.ofSeconds(2));
	}

	static void answer(int status, String json) {
		aliyun.stubFor(post(urlPathEqualTo("/")).willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json;charset=utf-8")
			.withBody(json)));
	}

	@Test
	void shouldSignTheProvidersDocumentedExampleToItsDocumentedSignature() {
		// the example of Alibaba Cloud's SMS signature documentation (testId / testSecret)
		Map<String, String> example = Map.ofEntries(Map.entry("AccessKeyId", "testId"), Map.entry("Action", "SendSms"),
				Map.entry("Format", "XML"), Map.entry("OutId", "123"), Map.entry("PhoneNumbers", "15300000001"),
				Map.entry("RegionId", "cn-hangzhou"), Map.entry("SignName", "阿里云短信测试专用"),
				Map.entry("SignatureMethod", "HMAC-SHA1"),
				Map.entry("SignatureNonce", "45e25e9b-0a6f-4070-8c85-2956eda1b466"),
				Map.entry("SignatureVersion", "1.0"), Map.entry("TemplateCode", "SMS_71390007"),
				Map.entry("TemplateParam", "{\"customer\":\"test\"}"), Map.entry("Timestamp", "2017-07-12T02:42:19Z"),
				Map.entry("Version", "2017-05-25"));

		assertThat(AliyunSignature.sign("GET", example, "testSecret")).isEqualTo("zJDF+Lrzhj/ThnlvIToysFRq6t4=");
		assertThat(AliyunSignature.percentEncode("a b*c~")).isEqualTo("a%20b%2Ac~");
	}

	@Test
	void shouldSendOneSignedSendSmsWhoseTemplateParametersCarryTheCode() throws Exception {
		answer(200, """
				{"Message":"OK","RequestId":"F655A8D5-B967-440B-8683-DAD6FF8DE990","Code":"OK","BizId":"900619746936498440^0"}
				""");

		String providerId = gateway().deliver(CODE_MESSAGE);

		assertThat(providerId).isEqualTo("900619746936498440^0");
		LoggedRequest request = aliyun.findAll(postRequestedFor(urlPathEqualTo("/"))).get(0);
		assertThat(aliyun.findAll(postRequestedFor(urlPathEqualTo("/")))).hasSize(1);
		assertThat(request.getUrl()).as("phone and code stay out of the address").isEqualTo("/");
		Map<String, String> form = AliyunStandIn.form(request);
		assertThat(form).containsEntry("Action", "SendSms")
			.containsEntry("Version", "2017-05-25")
			.containsEntry("AccessKeyId", "test-key-id")
			.containsEntry("SignatureMethod", "HMAC-SHA1")
			.containsEntry("SignatureVersion", "1.0")
			.containsEntry("Timestamp", "2026-12-07T02:42:19Z")
			.containsEntry("PhoneNumbers", "13905706623")
			.containsEntry("SignName", "证跑跑")
			.containsEntry("TemplateCode", "SMS_4711")
			.containsEntry("OutId", "DP1")
			.containsKey("SignatureNonce");
		assertThat(new ObjectMapper().readValue(form.get("TemplateParam"), Map.class)).containsEntry("code", "482913")
			.containsEntry("caseNo", "DP1")
			.containsKey("link");
		assertThat(form.get("Signature")).isEqualTo(AliyunStandIn.expectedSignature("POST", form, SECRET));
		assertThat(meters.get(SmsAccountAlarm.EXHAUSTED).gauge().value()).isZero();
	}

	@Test
	void shouldFailAtOnceWithTheReasonWhenTheProviderRefusesTheNumber() {
		answer(200, """
				{"Message":"非法手机号 13905706623","RequestId":"A1","Code":"isv.MOBILE_NUMBER_ILLEGAL"}
				""");

		assertThatThrownBy(() -> gateway().deliver(CODE_MESSAGE)).isInstanceOfSatisfying(DeliveryException.class,
				e -> {
					assertThat(e.retry()).isFalse();
					assertThat(e.getMessage()).contains("isv.MOBILE_NUMBER_ILLEGAL", "非法手机号")
						.doesNotContain("13905706623", "482913");
				});
	}

	@Test
	void shouldFailAtOnceForABlacklistedNumberOrARefusedTemplate() {
		for (String code : new String[] { "isv.BLACK_KEY_CONTROL_LIMIT", "isv.SMS_TEMPLATE_ILLEGAL",
				"isv.TEMPLATE_MISSING_PARAMETERS", "isv.SMS_SIGNATURE_ILLEGAL" }) {
			answer(400, "{\"Message\":\"refused\",\"RequestId\":\"A2\",\"Code\":\"" + code + "\"}");
			assertThatThrownBy(() -> gateway().deliver(CODE_MESSAGE)).as(code)
				.isInstanceOfSatisfying(DeliveryException.class, e -> assertThat(e.retry()).isFalse());
		}
	}

	@Test
	void shouldTryAgainAfterFlowControlServerErrorsAndTimeouts() {
		answer(200, "{\"Message\":\"触发分钟级流控Permits:1\",\"RequestId\":\"A3\",\"Code\":\"isv.BUSINESS_LIMIT_CONTROL\"}");
		assertThatThrownBy(() -> gateway().deliver(CODE_MESSAGE)).isInstanceOfSatisfying(DeliveryException.class,
				e -> assertThat(e.retry()).isTrue());

		answer(503, "<html>Service Unavailable</html>");
		assertThatThrownBy(() -> gateway().deliver(CODE_MESSAGE)).isInstanceOfSatisfying(DeliveryException.class,
				e -> assertThat(e.retry()).isTrue());

		aliyun.stubFor(post(urlPathEqualTo("/")).willReturn(okJson("{\"Code\":\"OK\",\"BizId\":\"1\"}").withFixedDelay(1500)));
		assertThatThrownBy(() -> gateway(Map.of("authorization-code", "SMS_4711"), Duration.ofMillis(300))
			.deliver(CODE_MESSAGE)).isInstanceOfSatisfying(DeliveryException.class, e -> {
				assertThat(e.retry()).isTrue();
				assertThat(e.getMessage()).contains("unreachable");
			});
	}

	@Test
	void shouldRaiseTheAlarmWhileTheAccountIsExhaustedAndKeepTheMessage() {
		answer(200, "{\"Message\":\"账户余额不足\",\"RequestId\":\"A4\",\"Code\":\"isv.AMOUNT_NOT_ENOUGH\"}");

		assertThatThrownBy(() -> gateway().deliver(CODE_MESSAGE)).isInstanceOfSatisfying(DeliveryException.class,
				e -> assertThat(e.retry()).as("kept for after the top-up").isTrue());
		assertThat(meters.get(SmsAccountAlarm.EXHAUSTED).gauge().value()).isOne();
		assertThat(alarm.health().getStatus()).isEqualTo(new Status("WARNING"));

		answer(200, "{\"Message\":\"OK\",\"RequestId\":\"A5\",\"Code\":\"OK\",\"BizId\":\"2\"}");
		gateway().deliver(CODE_MESSAGE);
		assertThat(meters.get(SmsAccountAlarm.EXHAUSTED).gauge().value()).isZero();
		assertThat(alarm.health().getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void shouldReadTheDeliveryReceiptWithASignedQuerySendDetails() throws Exception {
		// the documented answer quotes the content, code included: it is not read
		answer(200, """
				{"TotalCount":1,"Message":"OK","RequestId":"R1","Code":"OK","SmsSendDetailDTOs":{"SmsSendDetailDTO":[
				{"SendDate":"2026-12-07 10:42:19","SendStatus":2,"ReceiveDate":"2026-12-07 10:42:22","ErrCode":"MK:0001",
				"TemplateCode":"SMS_4711","Content":"【证跑跑】验证码 482913","PhoneNum":"13905706623","OutId":"DP1"}]}}
				""");

		assertThat(gateway().receipt("13905706623", "900619746936498440^0", java.time.LocalDate.of(2026, 12, 7)))
			.contains(new SmsGateway.DeliveryReceipt(false, "MK:0001"));
		Map<String, String> form = AliyunStandIn.form(aliyun.findAll(postRequestedFor(urlPathEqualTo("/"))).get(0));
		assertThat(form).containsEntry("Action", "QuerySendDetails")
			.containsEntry("BizId", "900619746936498440^0")
			.containsEntry("SendDate", "20261207")
			.containsEntry("PhoneNumber", "13905706623");
		assertThat(form.get("Signature")).isEqualTo(AliyunStandIn.expectedSignature("POST", form, SECRET));

		answer(200, """
				{"Code":"OK","SmsSendDetailDTOs":{"SmsSendDetailDTO":[{"SendStatus":3,"ErrCode":"DELIVERED"}]}}
				""");
		assertThat(gateway().receipt("13905706623", "1", java.time.LocalDate.of(2026, 12, 7)))
			.contains(new SmsGateway.DeliveryReceipt(true, null));
		answer(200, """
				{"Code":"OK","SmsSendDetailDTOs":{"SmsSendDetailDTO":[{"SendStatus":1}]}}
				""");
		assertThat(gateway().receipt("13905706623", "1", java.time.LocalDate.of(2026, 12, 7))).as("still waiting")
			.isEmpty();
	}

	@Test
	void shouldFailAtOnceWhenTheCountyHasNoCodeForTheTemplate() {
		assertThatThrownBy(() -> gateway(Map.of(), Duration.ofSeconds(2)).deliver(CODE_MESSAGE))
			.isInstanceOfSatisfying(DeliveryException.class, e -> {
				assertThat(e.retry()).isFalse();
				assertThat(e.getMessage()).contains("authorization-code");
			});
		assertThat(aliyun.findAll(postRequestedFor(urlPathEqualTo("/")))).isEmpty();
	}
}
