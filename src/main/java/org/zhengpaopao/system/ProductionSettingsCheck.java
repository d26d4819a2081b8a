package org.zhengpaopao.system;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start the {@code prod} profile with the demo's settings or any default credential: before anything else
 * runs, so that no admin account is ever created with a missing or well-known password, no demo account appears,
 * and the database is never opened with a password anyone could look up in this repository.
 */
class ProductionSettingsCheck implements EnvironmentPostProcessor, Ordered {

	static final Set<String> WELL_KNOWN = Set.of("demo", "admin", "password", "changeme", "change-me", "123456",
			"12345678", "camunda");

	@Override
	public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
		if (!environment.acceptsProfiles(Profiles.of("prod"))) {
			return;
		}
		List<String> problems = problems(environment);
		if (!problems.isEmpty()) {
			throw new IllegalStateException("生产环境配置不完整，拒绝启动 / Refusing to start the prod profile:\n - "
					+ String.join("\n - ", problems));
		}
	}

	static List<String> problems(ConfigurableEnvironment environment) {
		List<String> problems = new ArrayList<>();
		if (environment.acceptsProfiles(Profiles.of("demo"))) {
			problems.add("the demo profile (demo users, password demo) must not run with prod");
		}
		// as @ConditionalOnProperty reads them: on when set to anything but false
		if (switchedOn(environment, "zhengpaopao.demo.users")) {
			problems.add("zhengpaopao.demo.users would create the demo users: remove it");
		}
		if (switchedOn(environment, "zhengpaopao.demo.history")) {
			problems.add("zhengpaopao.demo.history would fill the database with invented cases: remove it");
		}
		if (!environment.getProperty("zhengpaopao.demo.password", "").isBlank()) {
			problems.add("zhengpaopao.demo.password is set: the demo password has no place in prod, remove it");
		}
		String password = environment.getProperty("camunda.bpm.admin-user.password", "");
		if (password.isBlank()) {
			problems.add("set ZPP_ADMIN_PASSWORD, the password of the admin account");
		}
		else if (password.length() < 12 || WELL_KNOWN.contains(password.toLowerCase())) {
			problems.add("ZPP_ADMIN_PASSWORD is a default or too short (at least 12 characters)");
		}
		String databaseUser = environment.getProperty("spring.datasource.username", "");
		String databasePassword = environment.getProperty("spring.datasource.password", "");
		if (databasePassword.isBlank()) {
			// the built-in H2 database's account is sa without a password
			problems.add("the database account " + databaseUser + " has no password: run prod on MySQL (profile mysql) "
					+ "and set MYSQL_PASSWORD");
		}
		// the mysql profile's fallback is the user name; the compose file's used to be change-me
		else if (WELL_KNOWN.contains(databasePassword.toLowerCase()) || databasePassword.equalsIgnoreCase(databaseUser)) {
			problems.add("MYSQL_PASSWORD (spring.datasource.password) is a default or the user name: set the database "
					+ "account's own password");
		}
		smsProblems(environment, problems);
		platformProblems(environment, problems);
		Binder binder = Binder.get(environment);
		Map<String, Robot> robots = new java.util.LinkedHashMap<>(binder
			.bind("zhengpaopao.notifications.dingtalk.groups", Bindable.mapOf(String.class, Robot.class))
			.orElse(Map.of()));
		binder.bind("zhengpaopao.notifications.dingtalk.default", Robot.class).ifBound(r -> robots.put("default", r));
		robots.forEach((group, robot) -> {
			if (robot.webhook() != null && !robot.webhook().isBlank()
					&& (robot.secret() == null || robot.secret().isBlank())) {
				problems.add("the DingTalk robot of " + group
						+ " has no secret: give every robot its signing secret from the environment");
			}
			else if (placeholder(robot.webhook()) || placeholder(robot.secret())) {
				problems.add("the DingTalk robot of " + group
						+ " still has the README's example (<token>, <secret>): copy the robot's own webhook and secret");
			}
		});
		return problems;
	}

	/** Production must reach applicants' phones: the logging gateway only where a setting says it is training. */
	/** The demo's platform secret (application-demo.yaml) is in this repository: no platform may sign with it. */
	static final String DEMO_PLATFORM_SECRET = "demo-platform-secret";

	private static void platformProblems(ConfigurableEnvironment environment, List<String> problems) {
		String appKey = environment.getProperty("zhengpaopao.platform.app-key", "");
		String secret = environment.getProperty("zhengpaopao.platform.secret", "");
		if (secret.equals(DEMO_PLATFORM_SECRET) || (!secret.isBlank() && WELL_KNOWN.contains(secret.toLowerCase()))) {
			problems.add("ZPP_PLATFORM_SECRET (zhengpaopao.platform.secret) is the demo's or a default: set the secret "
					+ "agreed with the provincial service platform");
		}
		else if (!appKey.isBlank() && secret.length() < 16) {
			problems.add("ZPP_PLATFORM_SECRET (zhengpaopao.platform.secret) is missing or shorter than 16 characters while "
					+ "ZPP_PLATFORM_APP_KEY is set");
		}
	}

	private static void smsProblems(ConfigurableEnvironment environment, List<String> problems) {
		String provider = environment.getProperty("zhengpaopao.notifications.sms.provider", "log").strip();
		if ("log".equalsIgnoreCase(provider)) {
			if (!"true".equalsIgnoreCase(environment.getProperty("zhengpaopao.notifications.sms.training", "false"))) {
				problems.add("zhengpaopao.notifications.sms.provider is log: applicants would get no text message "
						+ "(no one-time code, no decision); set provider aliyun, or "
						+ "zhengpaopao.notifications.sms.training=true for a training installation");
			}
			return;
		}
		for (String key : List.of("access-key-id", "access-key-secret", "sign-name")) {
			if (environment.getProperty("zhengpaopao.notifications.sms.aliyun." + key, "").isBlank()) {
				problems.add("zhengpaopao.notifications.sms.aliyun." + key + " is not set: the SMS provider needs it");
			}
		}
		// application.yaml's placeholders: the provider would refuse every message of these kinds
		Binder.get(environment)
			.bind("zhengpaopao.notifications.sms.templates", Bindable.mapOf(String.class, String.class))
			.orElse(Map.of())
			.forEach((kind, code) -> {
				if (code.startsWith("SMS_ZPP_")) {
					problems.add("zhengpaopao.notifications.sms.templates." + kind + " is still the placeholder " + code
							+ ": set the template code the provider approved");
				}
			});
	}

	private static boolean switchedOn(ConfigurableEnvironment environment, String property) {
		String value = environment.getProperty(property);
		return value != null && !"false".equalsIgnoreCase(value.trim());
	}

	private static boolean placeholder(String value) {
		return value != null && (value.contains("<") || value.contains(">") || value.contains("..."));
	}

	record Robot(String webhook, String secret) {
	}

	@Override
	public int getOrder() {
		// after the config files are read, so that profiles and properties from them count
		return Ordered.LOWEST_PRECEDENCE;
	}
}
