package org.zhengpaopao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

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

	static Process app;
	static int port;
	static Path log;
	static final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void startJar() throws Exception {
		String jar = System.getProperty("packagedJar");
		assertThat(new File(jar)).as("packaged jar").exists();
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		log = workDir.resolve("app.log");
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		app = new ProcessBuilder(java, "-jar", jar, "--server.port=" + port).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(log.toFile())
			.start();
		Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
		while (Instant.now().isBefore(deadline)) {
			if (!app.isAlive()) {
				throw new AssertionError("the application exited:\n" + Files.readString(log));
			}
			try {
				if (get("/actuator/health/readiness").statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYetListening) {
				// still starting
			}
			Thread.sleep(500);
		}
		throw new AssertionError("not healthy within 3 minutes:\n" + Files.readString(log));
	}

	@AfterAll
	static void stopJar() throws InterruptedException {
		if (app != null) {
			app.destroy();
			app.waitFor();
		}
	}

	static HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void shouldReportHealthyAndCreateTheDatabaseUnderData() throws Exception {
		var health = get("/actuator/health");
		assertThat(health.body()).contains("\"status\":\"UP\"");
		assertThat(workDir.resolve("data")).isDirectory();
	}

	@Test
	void shouldServeTheTasklistLoginPage() throws Exception {
		var tasklist = get("/camunda/app/tasklist/default/");
		assertThat(tasklist.statusCode()).isEqualTo(200);
		assertThat(tasklist.body()).containsIgnoringCase("tasklist");
	}

	@Test
	void shouldRefuseAnonymousEngineRestCalls() throws Exception {
		assertThat(get("/engine-rest/task").statusCode()).isEqualTo(401);
		assertThat(get("/api/proxy-runs/DP1").statusCode()).isEqualTo(401);
	}
}
