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
 * Refuses to start the {@code prod} profile with the demo's settings: before anything else runs, so that no admin
 * account is ever created with a missing or well-known password.
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
		String password = environment.getProperty("camunda.bpm.admin-user.password", "");
		if (password.isBlank()) {
			problems.add("set ZPP_ADMIN_PASSWORD, the password of the admin account");
		}
		else if (password.length() < 12 || WELL_KNOWN.contains(password.toLowerCase())) {
			problems.add("ZPP_ADMIN_PASSWORD is a default or too short (at least 12 characters)");
		}
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
		});
		return problems;
	}

	record Robot(String webhook, String secret) {
	}

	@Override
	public int getOrder() {
		// after the config files are read, so that profiles and properties from them count
		return Ordered.LOWEST_PRECEDENCE;
	}
}
