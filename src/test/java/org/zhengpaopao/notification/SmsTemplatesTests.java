package org.zhengpaopao.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.web.client.RestClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;

/** Every kind of text message has a template code in the settings and its text in the docs; the log masks the code. */
@ExtendWith(OutputCaptureExtension.class)
class SmsTemplatesTests {

	static NotificationProperties settings(Map<String, Object> overrides) throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
			.forEach(environment.getPropertySources()::addLast);
		environment.getPropertySources()
			.addFirst(new org.springframework.core.env.MapPropertySource("overrides", overrides));
		return Binder.get(environment).bind("zhengpaopao.notifications", NotificationProperties.class).get();
	}

	@Test
	void shouldGiveEveryKindADefaultCodeAndDocumentItsText() throws IOException {
		NotificationProperties.Sms sms = settings(Map.of()).sms();
		String docs = Files.readString(Path.of("docs/notifications.md"));
		for (SmsTemplate template : SmsTemplate.values()) {
			assertThat(sms.templateCode(template)).as(template.key()).startsWith("SMS_");
			assertThat(docs).as("docs/notifications.md").contains("`" + template.key() + "`", template.text());
		}
		assertThat(sms.provider()).as("the default").isEqualTo(NotificationProperties.SmsProvider.LOG);
	}

	@Test
	void shouldLetACountyChooseTheProviderAndOverrideACode() throws IOException {
		NotificationProperties county = settings(Map.of("zhengpaopao.notifications.sms.provider", "aliyun",
				"zhengpaopao.notifications.sms.templates.authorization-code", "SMS_123456789",
				"zhengpaopao.notifications.sms.aliyun.access-key-id", "id",
				"zhengpaopao.notifications.sms.aliyun.access-key-secret", "secret"));

		assertThat(county.sms().templateCode(SmsTemplate.AUTHORIZATION_CODE)).isEqualTo("SMS_123456789");
		assertThat(county.sms().aliyun().endpoint()).isEqualTo("https://dysmsapi.aliyuncs.com");
		assertThat(county.sms().aliyun().toString()).doesNotContain("secret");
		assertThat(new NotificationConfiguration().smsGateway(county, RestClient.builder(), Clock.systemUTC(),
				new SmsAccountAlarm(new SimpleMeterRegistry()))).isInstanceOf(AliyunSmsGateway.class);
	}

	@Test
	void shouldLogTheRenderedTemplateWithPhoneAndCodeMasked(CapturedOutput output) {
		SmsMessage message = new SmsMessage("13905706623", SmsTemplate.AUTHORIZATION_CODE, "DP1",
				Map.of("caseNo", "DP1", "link", "https://zpp.example/public/authorize?caseNo=DP1")).withCode("482913");

		assertThat(new LoggingSmsGateway("证跑跑").deliver(message)).isNull();

		assertThat(output.getAll()).contains("139****6623",
				"【证跑跑】您的代跑办件 DP1 需要您确认授权，验证码 ******，请打开 https://zpp.example/public/authorize?caseNo=DP1 输入。")
			.doesNotContain("482913", "13905706623");
		assertThat(message.rendered()).contains("验证码 482913");
	}

	@Test
	void shouldRefuseParametersTheTemplateDoesNotTake() {
		assertThatThrownBy(() -> new SmsMessage("13905706623", SmsTemplate.DEMAND_REPORT_REPLIED, "JB1", Map.of()))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("trackingNumber");
		assertThatThrownBy(() -> new SmsMessage("13905706623", SmsTemplate.RATING_REMINDER, "DP1",
				Map.of("caseNo", "DP1", "link", "x", "idNumber", "330825199001014569")))
			.isInstanceOf(IllegalArgumentException.class);
	}
}
