package org.zhengpaopao.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.mock.env.MockEnvironment;
import org.zhengpaopao.ZhengpaopaoApplication;

/** What the prod profile refuses to start with: the demo's settings and every default credential. */
class ProductionSettingsCheckTests {

	/** What an operator following docs/operations.md gives prod: own passwords, MySQL, a robot with its secret. */
	static MockEnvironment soundProduction() {
		MockEnvironment environment = new MockEnvironment();
		environment.setActiveProfiles("mysql", "prod");
		return environment.withProperty("camunda.bpm.admin-user.password", "Kx7-rain-harbour-2026")
			.withProperty("spring.datasource.url", "jdbc:mysql://db.county:3306/zhengpaopao")
			.withProperty("spring.datasource.username", "zhengpaopao")
			.withProperty("spring.datasource.password", "w4ter-Lily-over-the-dam")
			.withProperty("zhengpaopao.demo.users", "false")
			.withProperty("zhengpaopao.notifications.dingtalk.groups.runners-county.webhook",
					"https://oapi.dingtalk.com/robot/send?access_token=3f9c0a")
			.withProperty("zhengpaopao.notifications.dingtalk.groups.runners-county.secret", "SEC5b1e77d0")
			.withProperty("zhengpaopao.notifications.sms.provider", "aliyun")
			.withProperty("zhengpaopao.notifications.sms.aliyun.access-key-id", "LTAI5tExampleKeyId")
			.withProperty("zhengpaopao.notifications.sms.aliyun.access-key-secret", "x8Tq-secret-from-env")
			.withProperty("zhengpaopao.notifications.sms.aliyun.sign-name", "证跑跑");
	}

	@Test
	void shouldRefuseTheLoggingSmsGatewayUnlessItIsATrainingInstallation() {
		MockEnvironment silent = soundProduction().withProperty("zhengpaopao.notifications.sms.provider", "log");
		assertThat(ProductionSettingsCheck.problems(silent)).singleElement()
			.asString()
			.contains("provider is log", "training=true");
		assertThat(ProductionSettingsCheck.problems(new MockEnvironment().withProperty("camunda.bpm.admin-user.password",
				"Kx7-rain-harbour-2026"))).as("the default provider is log").anyMatch(p -> p.contains("provider is log"));

		assertThat(ProductionSettingsCheck
			.problems(silent.withProperty("zhengpaopao.notifications.sms.training", "true"))).isEmpty();
	}

	@Test
	void shouldRefuseTheProviderWithThePlaceholderTemplateCodes() {
		assertThat(ProductionSettingsCheck.problems(soundProduction()
			.withProperty("zhengpaopao.notifications.sms.templates.authorization-code", "SMS_ZPP_AUTHORIZATION_CODE")
			.withProperty("zhengpaopao.notifications.sms.templates.decision-approved", "SMS_276451093")))
			.singleElement()
			.asString()
			.contains("templates.authorization-code is still the placeholder");
	}

	@Test
	void shouldRefuseTheSmsProviderWithoutItsKeyPair() {
		MockEnvironment withoutSecret = soundProduction();
		withoutSecret.setProperty("zhengpaopao.notifications.sms.aliyun.access-key-secret", "");
		assertThat(ProductionSettingsCheck.problems(withoutSecret)).singleElement()
			.asString()
			.contains("aliyun.access-key-secret is not set");
	}

	@Test
	void shouldAcceptProductionWithItsOwnCredentials() {
		assertThat(ProductionSettingsCheck.problems(soundProduction())).isEmpty();
	}

	@Test
	void shouldRefuseAMissingShortOrWellKnownAdminPassword() {
		assertThat(ProductionSettingsCheck.problems(soundProduction().withProperty("camunda.bpm.admin-user.password", "")))
			.singleElement().asString().contains("set ZPP_ADMIN_PASSWORD");
		for (String password : new String[] { "demo", "Camunda", "short-pw", "CHANGE-ME" }) {
			assertThat(ProductionSettingsCheck
				.problems(soundProduction().withProperty("camunda.bpm.admin-user.password", password)))
				.as(password)
				.singleElement()
				.asString()
				.contains("ZPP_ADMIN_PASSWORD is a default or too short");
		}
	}

	@Test
	void shouldRefuseTheDemoProfileAndEveryDemoSetting() {
		MockEnvironment withDemo = soundProduction();
		withDemo.setActiveProfiles("mysql", "prod", "demo");
		assertThat(ProductionSettingsCheck.problems(withDemo)).singleElement().asString().contains("the demo profile");

		assertThat(ProductionSettingsCheck.problems(soundProduction().withProperty("zhengpaopao.demo.users", "true")))
			.singleElement().asString().contains("zhengpaopao.demo.users");
		// present and not false switches the feature on, as @ConditionalOnProperty reads it
		assertThat(ProductionSettingsCheck.problems(soundProduction().withProperty("zhengpaopao.demo.users", "yes")))
			.singleElement().asString().contains("zhengpaopao.demo.users");
		assertThat(ProductionSettingsCheck.problems(soundProduction().withProperty("zhengpaopao.demo.history", "true")))
			.singleElement().asString().contains("zhengpaopao.demo.history");
		assertThat(ProductionSettingsCheck.problems(soundProduction().withProperty("zhengpaopao.demo.password", "demo")))
			.singleElement().asString().contains("zhengpaopao.demo.password");
	}

	@Test
	void shouldRefuseTheBuiltInDatabaseAccountWithoutPassword() {
		MockEnvironment h2 = soundProduction().withProperty("spring.datasource.url", "jdbc:h2:file:./data/zhengpaopao")
			.withProperty("spring.datasource.username", "sa")
			.withProperty("spring.datasource.password", "");
		h2.setActiveProfiles("prod");
		assertThat(ProductionSettingsCheck.problems(h2)).singleElement()
			.asString()
			.contains("the database account sa has no password", "MYSQL_PASSWORD");
	}

	@Test
	void shouldRefuseADefaultDatabasePassword() {
		// the mysql profile's fallback (MYSQL_PASSWORD unset) and the compose file's old default
		for (String password : new String[] { "zhengpaopao", "change-me", "password" }) {
			assertThat(ProductionSettingsCheck
				.problems(soundProduction().withProperty("spring.datasource.password", password)))
				.as(password)
				.singleElement()
				.asString()
				.contains("MYSQL_PASSWORD (spring.datasource.password) is a default");
		}
	}

	@Test
	void shouldRefuseADingTalkRobotWithoutItsOwnSecret() {
		assertThat(ProductionSettingsCheck.problems(soundProduction()
			.withProperty("zhengpaopao.notifications.dingtalk.groups.runners-county.secret", "")))
			.singleElement()
			.asString()
			.contains("runners-county has no secret");
		assertThat(ProductionSettingsCheck.problems(soundProduction()
			.withProperty("zhengpaopao.notifications.dingtalk.default.webhook",
					"https://oapi.dingtalk.com/robot/send?access_token=<token>")
			.withProperty("zhengpaopao.notifications.dingtalk.default.secret", "SEC<secret>")))
			.singleElement()
			.asString()
			.contains("default still has the README's example");
	}

	@Test
	void shouldRefuseToStartProdWithTheDefaultsBeforeBuildingAnything() {
		SpringApplication application = new SpringApplication(ZhengpaopaoApplication.class);
		AtomicBoolean contextCreated = new AtomicBoolean();
		application.addInitializers(context -> contextCreated.set(true));

		// as `java -jar … --spring.profiles.active=prod` on the built-in database, ZPP_ADMIN_PASSWORD unset
		assertThatThrownBy(() -> application.run("--spring.profiles.active=prod",
				"--camunda.bpm.admin-user.password=", "--spring.main.banner-mode=off"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("生产环境配置不完整，拒绝启动 / Refusing to start the prod profile")
			.hasMessageContaining("set ZPP_ADMIN_PASSWORD")
			.hasMessageContaining("the database account sa has no password");
		assertThat(contextCreated).as("refused before the application context exists").isFalse();
	}

	@Test
	void shouldSendProductionCookiesOverHttpsOnly() throws Exception {
		StandardEnvironment environment = new StandardEnvironment();
		new YamlPropertySourceLoader().load("prod", new ClassPathResource("application-prod.yaml"))
			.forEach(environment.getPropertySources()::addLast);
		Binder binder = Binder.get(environment);

		// bound as Spring Boot and Camunda's starter bind them, so that a misspelt key fails here
		assertThat(binder.bind("server", ServerProperties.class).get().getServlet().getSession().getCookie().getSecure())
			.as("JSESSIONID Secure").isTrue();
		assertThat(binder.bind("camunda.bpm", CamundaBpmProperties.class).get().getWebapp().getCsrf().isEnableSecureCookie())
			.as("XSRF-TOKEN Secure").isTrue();
	}

	@Test
	void shouldRefuseThePlatformsDemoSecretOrAShortOne() {
		assertThat(ProductionSettingsCheck.problems(soundProduction()
			.withProperty("zhengpaopao.platform.app-key", "zj-gov-platform")
			.withProperty("zhengpaopao.platform.secret", "demo-platform-secret"))).singleElement()
			.asString()
			.contains("ZPP_PLATFORM_SECRET", "demo");
		assertThat(ProductionSettingsCheck.problems(soundProduction()
			.withProperty("zhengpaopao.platform.app-key", "zj-gov-platform")
			.withProperty("zhengpaopao.platform.secret", "short"))).singleElement()
			.asString()
			.contains("shorter than 16");
		assertThat(ProductionSettingsCheck.problems(soundProduction()
			.withProperty("zhengpaopao.platform.app-key", "zj-gov-platform")
			.withProperty("zhengpaopao.platform.secret", "pl4tform-Secret-agreed-2026"))).isEmpty();
	}
}
