package org.zhengpaopao.notification;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
		Answer answer = call(sendSms(message), Answer.class);
		return outcome(answer);
	}

	/**
	 * {@code QuerySendDetails} for one BizId: SendStatus 3 is delivered, 2 failed, 1 still waiting. The answer also
	 * quotes the message's content, code included: only the status and the error code are read from it.
	 */
	@Override
	public Optional<DeliveryReceipt> receipt(String phone, String providerId, LocalDate sentOn) {
		Map<String, String> parameters = common("QuerySendDetails");
		parameters.put("PhoneNumber", phone);
		parameters.put("BizId", providerId);
		parameters.put("SendDate", sentOn.format(DateTimeFormatter.BASIC_ISO_DATE));
		parameters.put("PageSize", "1");
		parameters.put("CurrentPage", "1");
		Details details = call(parameters, Details.class);
		if (!"OK".equals(details.code())) {
			throw new DeliveryException("阿里云短信回执查询失败 / Aliyun SMS receipt query answered " + details.code());
		}
		return details.first()
			.filter(detail -> detail.sendStatus() == 2 || detail.sendStatus() == 3)
			.map(detail -> new DeliveryReceipt(detail.sendStatus() == 3, detail.sendStatus() == 3 ? null
					: Notification.truncate(detail.errCode(), 64)));
	}

	private Map<String, String> common(String action) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("AccessKeyId", config.aliyun().accessKeyId());
		parameters.put("Action", action);
		parameters.put("Format", "JSON");
		parameters.put("RegionId", config.aliyun().regionId());
		parameters.put("SignatureMethod", "HMAC-SHA1");
		parameters.put("SignatureNonce", UUID.randomUUID().toString());
		parameters.put("SignatureVersion", "1.0");
		parameters.put("Timestamp", TIMESTAMP.format(clock.instant().truncatedTo(ChronoUnit.SECONDS)));
		parameters.put("Version", VERSION);
		return parameters;
	}

	/** One signed POST; an answer without a {@code Code} (an HTML error page, say) is a transport error. */
	private <T extends Coded> T call(Map<String, String> parameters, Class<T> type) {
		String body = AliyunSignature.canonicalQuery(parameters) + "&Signature=" + AliyunSignature
			.percentEncode(AliyunSignature.sign("POST", parameters, config.aliyun().accessKeySecret()));
		try {
			return http.post()
				.uri(config.aliyun().endpoint() + "/")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.accept(MediaType.APPLICATION_JSON)
				.body(body)
				.exchange((request, response) -> {
					int status = response.getStatusCode().value();
					T read = read(response.getBody().readAllBytes(), type);
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
	}

	private Map<String, String> sendSms(SmsMessage message) {
		Map<String, String> parameters = common("SendSms");
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
			throw DeliveryException.refused("阿里云短信拒收 / Aliyun SMS refused: " + reason);
		}
		// flow control (isv.BUSINESS_LIMIT_CONTROL), the provider's own errors (isp.*) and anything unknown: again later
		throw new DeliveryException("阿里云短信暂未发送 / Aliyun SMS did not send: " + reason);
	}

	/** The provider's message might one day quote the number: no run of digits long enough for one is kept. */
	private static String scrub(String message) {
		String shortened = message.length() > 200 ? message.substring(0, 200) : message;
		return shortened.replaceAll("\\d{7,}", "***");
	}

	private static <T> T read(byte[] body, Class<T> type) {
		try {
			return JSON.readValue(body, type);
		}
		catch (java.io.IOException e) {
			return null;
		}
	}

	interface Coded {

		String code();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Answer(@JsonProperty("Code") String code, @JsonProperty("Message") String message,
			@JsonProperty("BizId") String bizId) implements Coded {
	}

	/** QuerySendDetails: {@code SmsSendDetailDTOs.SmsSendDetailDTO[]}; the Content field is deliberately not read. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	record Details(@JsonProperty("Code") String code,
			@JsonProperty("SmsSendDetailDTOs") DetailList details) implements Coded {

		Optional<Detail> first() {
			return details == null || details.list() == null || details.list().isEmpty() ? Optional.empty()
					: Optional.of(details.list().get(0));
		}
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record DetailList(@JsonProperty("SmsSendDetailDTO") List<Detail> list) {
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Detail(@JsonProperty("SendStatus") int sendStatus, @JsonProperty("ErrCode") String errCode) {
	}
}
