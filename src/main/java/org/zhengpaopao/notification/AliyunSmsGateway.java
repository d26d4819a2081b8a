package org.zhengpaopao.notification;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Sends text messages through Alibaba Cloud SMS ({@code SendSms}, API version 2017-05-25), a signed POST per
 * message (the phone and the code stay out of URLs and access logs). What the provider answers decides what happens
 * next: {@code OK} is sent, with its BizId; flow control, an exhausted account, server and transport errors are tried
 * again with the outbox's backoff; a number, template or parameter the provider refuses fails at once with its code.
 */
class AliyunSmsGateway implements SmsGateway {

	static final String VERSION = "2017-05-25";

	/** Answers that no later attempt changes: the message fails at once, with the provider's code as the reason. */
	static final Set<String> REFUSALS = Set.of("isv.MOBILE_NUMBER_ILLEGAL", "isv.MOBILE_COUNT_OVER_LIMIT",
			"isv.DOMESTIC_NUMBER_NOT_SUPPORTED", "isv.BLACK_KEY_CONTROL_LIMIT", "isv.DAY_LIMIT_CONTROL",
			"isv.SMS_TEMPLATE_ILLEGAL", "isv.SMS_SIGNATURE_ILLEGAL", "isv.SMS_SIGNATURE_SCENE_ILLEGAL",
			"isv.TEMPLATE_MISSING_PARAMETERS", "isv.TEMPLATE_PARAMS_ILLEGAL", "isv.INVALID_PARAMETERS",
			"isv.INVALID_JSON_PARAM", "isv.PARAM_LENGTH_LIMIT", "isv.PARAM_NOT_SUPPORT_URL",
			"isv.SMS_CONTENT_ILLEGAL", "isv.EXTEND_CODE_ERROR");

	/** The account cannot pay for messages: an alarm, and the messages wait for the top-up. */
	static final Set<String> ACCOUNT_EXHAUSTED = Set.of("isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'")
		.withZone(ZoneOffset.UTC);

	private static final ObjectMapper JSON = new ObjectMapper();

	private final NotificationProperties.Sms config;
	private final RestClient http;
	private final Clock clock;
	private final SmsAccountAlarm alarm;

	AliyunSmsGateway(NotificationProperties.Sms config, RestClient.Builder http, Clock clock, SmsAccountAlarm alarm) {
		this.config = config;
		this.clock = clock;
		this.alarm = alarm;
		var client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(config.aliyun().connectTimeout())
			.build();
		var requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(config.aliyun().readTimeout());
		this.http = http.clone().requestFactory(requests).build();
	}

	@Override
	public String deliver(SmsMessage message) {
		Map<String, String> parameters = sendSms(message);
		String body = AliyunSignature.canonicalQuery(parameters) + "&Signature="
				+ AliyunSignature.percentEncode(
						AliyunSignature.sign("POST", parameters, config.aliyun().accessKeySecret()));
		Answer answer;
		try {
			answer = http.post()
				.uri(config.aliyun().endpoint() + "/")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					Answer read = read(response.getBody().readAllBytes());
					if (read == null || read.code() == null) {
						throw new DeliveryException(
								"阿里云短信应答 HTTP " + status + " / Aliyun SMS answered HTTP " + status);
					}
					return read;
				});
		}
		catch (RestClientException e) {
			// a timeout or a refused connection; its message may quote the address, never the phone
			throw new DeliveryException("阿里云短信不可达 / Aliyun SMS unreachable: " + e.getClass().getSimpleName());
		}
		return outcome(answer);
	}

	private Map<String, String> sendSms(SmsMessage message) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("AccessKeyId", config.aliyun().accessKeyId());
		parameters.put("Action", "SendSms");
		parameters.put("Format", "JSON");
		parameters.put("RegionId", config.aliyun().regionId());
		parameters.put("SignatureMethod", "HMAC-SHA1");
		parameters.put("SignatureNonce", UUID.randomUUID().toString());
		parameters.put("SignatureVersion", "1.0");
		parameters.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
		parameters.put("Version", VERSION);
		parameters.put("PhoneNumbers", message.phone());
		parameters.put("SignName", config.aliyun().signName());
		parameters.put("TemplateCode", config.templateCode(message.template()));
		parameters.put("TemplateParam", SmsParameters.toJson(message.providerParameters()));
		if (message.reference() != null) {
			parameters.put("OutId", message.reference());
		}
		return parameters;
	}

	private String outcome(Answer answer) {
		String code = answer.code();
		if ("OK".equals(code)) {
			alarm.sent();
			return answer.bizId();
		}
		String reason = code + (answer.message() == null ? "" : " (" + scrub(answer.message()) + ")");
		if (ACCOUNT_EXHAUSTED.contains(code)) {
			alarm.exhausted();
			throw new DeliveryException("短信账户余额不足或已停机 / SMS account exhausted: " + reason);
		}
		if (REFUSALS.contains(code)) {
			throw DeliveryException.withdrawn("阿里云短信拒收 / Aliyun SMS refused: " + reason);
		}
		// flow control (isv.BUSINESS_LIMIT_CONTROL), the provider's own errors (isp.*) and anything unknown: again later
		throw new DeliveryException("阿里云短信暂未发送 / Aliyun SMS did not send: " + reason);
	}

	/** The provider's message might one day quote the number: no run of digits long enough for one is kept. */
	private static String scrub(String message) {
		String shortened = message.length() > 200 ? message.substring(0, 200) : message;
		return shortened.replaceAll("\\d{7,}", "***");
	}

	private static Answer read(byte[] body) {
		try {
			return JSON.readValue(body, Answer.class);
		}
		catch (java.io.IOException e) {
			return null;
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Answer(@JsonProperty("Code") String code, @JsonProperty("Message") String message,
			@JsonProperty("BizId") String bizId, @JsonProperty("RequestId") String requestId) {
	}
}
