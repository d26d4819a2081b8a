package org.zhengpaopao;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

	/** the window's first call, made the moment the log says the application started */
	static HttpResponse<String> deskRightAfterStarted;

	@BeforeAll
	static void startJar() throws Exception {
		// assigned before waiting, so that stopJar stops it when the wait fails; a start takes under half a minute on
		// 2 idle cores, and a busy machine (CI beside other builds) is waited for
		app = new RunningJar(workDir, Map.of()).start();
		app.awaitLog("Started ZhengpaopaoApplication", Duration.ofMinutes(6));
		deskRightAfterStarted = app.get("/api/window/desk", "window-renshe-1");
		app.awaitReady(Duration.ofMinutes(3));
	}

	@Test
	void shouldLetTheDemoUsersInOnceTheLogSaysStarted() {
		// the README tells a newcomer to wait for this line and log in: the seeds and demo users are in by then
		assertThat(deskRightAfterStarted.statusCode()).as(app.logTail()).isEqualTo(200);
		assertThat(deskRightAfterStarted.body()).contains("renshe");
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
