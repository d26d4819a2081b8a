package org.zhengpaopao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Start-up as issue 25 measures it, run by {@code ./mvnw -Pbench verify} after the jar is packaged: {@code java -jar}
 * in an empty folder (a fresh embedded database, the demo seeds), until readiness answers UP, three cold starts
 * (one at smoke size), each a new JVM, plainly and with class data sharing; the medians go into
 * target/bench/results.json as {@code startUp}.
 */
class PackagedJarStartUp {

	static final int STARTS = Integer.getInteger("bench.startUps",
			"smoke".equals(System.getProperty("bench.scale")) ? 1 : 3);

	@Test
	void measure(@TempDir Path dir) throws Exception {
		Map<String, Object> startUp = new LinkedHashMap<>();
		startUp.put("loadAverageBefore", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		startUp.put("plain", starts(dir.resolve("plain"), null));
		// class data sharing as docs/operations.md describes it: the jar extracted, one training start that stops
		// after the context is refreshed, then every start maps the archived classes instead of loading them
		Path cds = Files.createDirectories(dir.resolve("cds"));
		Path jar = Path.of(System.getProperty("packagedJar"));
		run(cds, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--destination", "app");
		Path extracted = cds.resolve("app").resolve(jar.getFileName());
		Path archive = cds.resolve("app.jsa");
		Path training = Files.createDirectories(cds.resolve("training"));
		run(training, "-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh", "-jar",
				extracted.toString(), "--server.port=0");
		assertThat(archive).as("the CDS archive").exists();
		startUp.put("classDataSharing", starts(cds.resolve("starts"), new RunningJarVariant(extracted,
				"-XX:SharedArchiveFile=" + archive)));
		write(startUp);
	}

	record RunningJarVariant(Path jar, String jvmOption) {
	}

	/** Cold starts, each a new JVM in an empty folder, until readiness; their median. */
	private static Map<String, Object> starts(Path dir, RunningJarVariant variant) throws Exception {
		List<Map<String, Object>> starts = new ArrayList<>();
		for (int i = 1; i <= STARTS; i++) {
			Path workDir = Files.createDirectories(dir.resolve("start-" + i));
			RunningJar app = new RunningJar(workDir, Map.of());
			if (variant != null) {
				app.with(variant.jar(), variant.jvmOption());
			}
			long begin = System.nanoTime();
			app.start();
			try {
				app.awaitReady(Duration.ofMinutes(5));
				double seconds = (System.nanoTime() - begin) / 1e9;
				Map<String, Object> start = new LinkedHashMap<>();
				start.put("secondsToReady", round(seconds));
				start.put("cpuSecondsToReady", round(app.cpuTime().toMillis() / 1000.0));
				// what the README tells a newcomer to wait for: a demo login works once it is there
				assertThat(app.log()).contains("Started ZhengpaopaoApplication");
				assertThat(app.get("/api/window/desk", "window-renshe-1").statusCode()).isEqualTo(200);
				starts.add(start);
			}
			finally {
				app.stop();
			}
		}
		List<Double> sorted = starts.stream().map(s -> (Double) s.get("secondsToReady")).sorted().toList();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("starts", starts);
		figures.put("medianSecondsToReady", sorted.get(sorted.size() / 2));
		return figures;
	}

	/** A java command in this folder, to its end; its output in the folder's java.log. */
	private static void run(Path dir, String... arguments) throws Exception {
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		command.addAll(List.of(arguments));
		Process process = new ProcessBuilder(command).directory(dir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(dir.resolve("java.log").toFile())
			.start();
		assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
		assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + Files.readString(dir.resolve("java.log")))
			.isZero();
	}

	@SuppressWarnings("unchecked")
	private static void write(Map<String, Object> startUp) throws Exception {
		File results = Path.of("target", "bench", "results.json").toFile();
		ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
		Map<String, Object> all = results.exists() ? json.readValue(results, LinkedHashMap.class) : new LinkedHashMap<>();
		all.put("startUp", startUp);
		Files.createDirectories(results.toPath().getParent());
		json.writeValue(results, all);
	}

	private static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
