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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;

/** The packaged jar started as an operator starts it ({@code java -jar}), for the failsafe tests. */
final class RunningJar {

	static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	final Path workDir;
	final int port;
	final Path log;
	private final List<String> arguments;
	private final Map<String, String> environment;
	private Process process;
	private String jar = System.getProperty("packagedJar");
	private List<String> jvmOptions = List.of();

	RunningJar(Path workDir, Map<String, String> environment, String... arguments) throws IOException {
		this.workDir = workDir;
		this.environment = environment;
		this.arguments = List.of(arguments);
		try (ServerSocket socket = new ServerSocket(0)) {
			this.port = socket.getLocalPort();
		}
		this.log = workDir.resolve("app.log");
	}

	/** Another jar than the packaged one (the extracted jar of a CDS start), with these JVM options. */
	RunningJar with(Path jar, String... jvmOptions) {
		this.jar = jar.toString();
		this.jvmOptions = List.of(jvmOptions);
		return this;
	}

	/** Starts the jar; appends to the same log on every start. */
	RunningJar start() throws IOException {
		assertThat(new File(jar)).as("packaged jar").exists();
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar, "--server.port=" + port));
		command.addAll(arguments);
		ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
		builder.environment().putAll(environment);
		process = builder.start();
		return this;
	}

	RunningJar awaitReady(Duration limit) {
		Awaitility.await("readiness of the application")
			.atMost(limit)
			.pollInterval(Duration.ofMillis(500))
			.until(() -> {
				if (!process.isAlive()) {
					throw new AssertionError("the application exited:\n" + log());
				}
				try {
					return get("/actuator/health/readiness", null).statusCode() == 200;
				}
				catch (IOException notYetListening) {
					return false;
				}
			});
		return this;
	}

	/** Waits, reading the log every 20 ms, until it has the line; fails when the application exits first. */
	RunningJar awaitLog(String line, Duration limit) {
		Awaitility.await("\"" + line + "\" in the log")
			.atMost(limit)
			.pollInterval(Duration.ofMillis(20))
			.until(() -> {
				if (log().contains(line)) {
					return true;
				}
				if (!process.isAlive()) {
					throw new AssertionError("the application exited:\n" + log());
				}
				return false;
			});
		return this;
	}

	/** Waits for the process to end by itself; returns its exit code. */
	int awaitExit(Duration limit) throws InterruptedException {
		if (!process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
			throw new AssertionError("still running after " + limit);
		}
		return process.exitValue();
	}

	/** CPU time the process has used so far (user and system), as the operating system counts it. */
	Duration cpuTime() {
		return process.info().totalCpuDuration().orElseThrow();
	}

	/** SIGKILL: no shutdown hook, no graceful close, as a power cut or the OOM killer. */
	void kill() throws InterruptedException {
		process.destroyForcibly();
		process.waitFor();
	}

	void stop() throws InterruptedException {
		if (process != null && process.isAlive()) {
			process.destroy();
			process.waitFor();
		}
	}

	String log() throws IOException {
		return Files.readString(log);
	}

	/** The end of the log, for a failure's message: why the application answered what it did. */
	String logTail() {
		try {
			String all = log();
			return all.substring(Math.max(0, all.length() - 8000));
		}
		catch (IOException e) {
			return "(log unreadable: " + e + ")";
		}
	}

	HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path)).GET(), user);
	}

	HttpResponse<String> postJson(String path, String user, String json) throws IOException, InterruptedException {
		return send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)), user);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request, String user)
			throws IOException, InterruptedException {
		if (user != null) {
			request.header("Authorization",
					"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes()));
		}
		return CLIENT.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
