package org.zhengpaopao;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts the packaged jar as an operator would (java -jar, default demo profile, H2 file database in its working
 * directory) and checks what a person checks first. Run by failsafe after {@code package}.
 */
class PackagedJarTests {

	@TempDir
	static Path workDir;

	static RunningJar app;

	@BeforeAll
	static void startJar() throws Exception {
		app = new RunningJar(workDir, Map.of()).start().awaitReady(Duration.ofMinutes(3));
	}

	@AfterAll
	static void stopJar() throws InterruptedException {
		if (app != null) {
			app.stop();
		}
	}

	@Test
	void shouldReportHealthyAndCreateTheDatabaseUnderData() throws Exception {
		var health = app.get("/actuator/health", null);
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(workDir.resolve("data")).isDirectory();
	}

	@Test
	void shouldServeTheTasklistLoginPage() throws Exception {
		var tasklist = app.get("/camunda/app/tasklist/default/", null);
		assertThat(tasklist.statusCode()).isEqualTo(200);
		assertThat(tasklist.body()).containsIgnoringCase("tasklist");
	}

	@Test
	void shouldRefuseAnonymousEngineRestCalls() throws Exception {
		assertThat(app.get("/engine-rest/task", null).statusCode()).isEqualTo(401);
		assertThat(app.get("/api/proxy-runs/DP1", null).statusCode()).isEqualTo(401);
	}

	@Test
	void shouldRefuseToStartInProductionWithoutAnAdminPassword(@TempDir Path elsewhere) throws Exception {
		RunningJar prod = new RunningJar(elsewhere, Map.of("ZPP_ADMIN_PASSWORD", "demo"),
				"--spring.profiles.active=prod").start();

		assertThat(prod.awaitExit(Duration.ofMinutes(1))).isNotZero();
		assertThat(prod.log()).contains("Refusing to start the prod profile", "ZPP_ADMIN_PASSWORD is a default");
		assertThat(elsewhere.resolve("data")).as("nothing was created").doesNotExist();
	}
}
