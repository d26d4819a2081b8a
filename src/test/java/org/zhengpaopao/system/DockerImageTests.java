package org.zhengpaopao.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.yaml.snakeyaml.Yaml;
import org.zhengpaopao.ZhengpaopaoApplication;

/**
 * What the Docker image starts with when the operator adds nothing: the prod profile, no password and no demo
 * setting baked in, so that it refuses to start until it is given its own secrets. Read from docker/Dockerfile
 * (no container engine runs in the tests or in CI); the compose file's start is checked by .ci/run.
 */
class DockerImageTests {

	static final Path DOCKERFILE = Path.of("docker/Dockerfile");
	static final Path COMPOSE = Path.of("docker/compose.yaml");

	/** The Dockerfile's instructions (comments dropped, continued lines joined), each as {instruction, arguments}. */
	static List<String[]> instructions() throws IOException {
		List<String[]> instructions = new ArrayList<>();
		StringBuilder current = new StringBuilder();
		for (String line : Files.readAllLines(DOCKERFILE)) {
			if (line.strip().startsWith("#")) {
				continue;
			}
			if (line.endsWith("\\")) {
				current.append(line, 0, line.length() - 1).append(' ');
				continue;
			}
			String instruction = current.append(line).toString().strip();
			current.setLength(0);
			if (!instruction.isEmpty()) {
				instructions.add(instruction.split("\\s+", 2));
			}
		}
		return instructions;
	}

	/** What the image's ENV lines set, in the final stage. */
	static Map<String, String> imageEnvironment() throws IOException {
		Map<String, String> environment = new LinkedHashMap<>();
		for (String[] instruction : instructions()) {
			if (instruction[0].equalsIgnoreCase("FROM")) {
				environment.clear(); // a new stage starts with the base image's environment only
			}
			if (instruction[0].equalsIgnoreCase("ENV")) {
				for (String pair : instruction[1].split("\\s+")) {
					String[] keyValue = pair.split("=", 2);
					environment.put(keyValue[0], keyValue.length == 2 ? keyValue[1].replace("\"", "") : "");
				}
			}
		}
		return environment;
	}

	@Test
	void shouldRunTheProdProfileUnlessTheDemoIsChosenAtRunTime() throws IOException {
		assertThat(imageEnvironment()).containsEntry("SPRING_PROFILES_ACTIVE", "prod");
	}

	@Test
	void shouldBakeInNoPasswordAndNoDemoSetting() throws IOException {
		for (String[] instruction : instructions()) {
			String line = String.join(" ", instruction);
			if (instruction[0].matches("(?i)ENV|ARG|ENTRYPOINT|CMD|LABEL")) {
				assertThat(line).as(line).doesNotContainIgnoringCase("password").doesNotContainIgnoringCase("secret")
					.doesNotContainIgnoringCase("demo");
			}
		}
	}

	@Test
	void shouldRefuseToStartWithNothingButWhatTheImageSets() throws IOException {
		StandardEnvironment environment = new StandardEnvironment();
		// the container's environment is the image's, not this machine's
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
					StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new LinkedHashMap<>(imageEnvironment())));
		SpringApplication application = new SpringApplication(ZhengpaopaoApplication.class);
		application.setEnvironment(environment);
		AtomicBoolean contextCreated = new AtomicBoolean();
		application.addInitializers(context -> {
			contextCreated.set(true);
			// should the check let it through, stop here rather than start the demo in this folder
			throw new AssertionError("the image would start");
		});

		assertThatThrownBy(() -> application.run("--spring.main.banner-mode=off"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Refusing to start the prod profile")
			.hasMessageContaining("set ZPP_ADMIN_PASSWORD");
		assertThat(contextCreated).as("refused before the application context exists").isFalse();
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldStartTheComposeNodesInProductionToo() throws IOException {
		Map<String, Object> compose = new Yaml().load(Files.readString(COMPOSE));
		Map<String, Object> app = (Map<String, Object>) compose.get("x-app");
		Map<String, Object> environment = (Map<String, Object>) app.get("environment");
		assertThat(List.of(environment.get("SPRING_PROFILES_ACTIVE").toString().split(","))).contains("prod")
			.doesNotContain("demo");
	}
}
