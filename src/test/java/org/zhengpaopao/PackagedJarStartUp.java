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

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * Start-up as issue 25 measures it, run by {@code ./mvnw -Pbench verify} after the jar is packaged: {@code java -jar}
 * in an empty folder (a fresh embedded database, the demo seeds), until readiness answers UP, three cold starts
 * (one at smoke size), each a new JVM; the median goes into target/bench/results.json as {@code startUp}.
 */
class PackagedJarStartUp {

	static final int STARTS = Integer.getInteger("bench.startUps",
			"smoke".equals(System.getProperty("bench.scale")) ? 1 : 3);

	@Test
	void measure(@TempDir Path dir) throws Exception {
		List<Map<String, Object>> starts = new ArrayList<>();
		for (int i = 1; i <= STARTS; i++) {
			Path workDir = Files.createDirectories(dir.resolve("start-" + i));
			RunningJar app = new RunningJar(workDir, Map.of());
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
		Map<String, Object> startUp = new LinkedHashMap<>();
		startUp.put("starts", starts);
		startUp.put("medianSecondsToReady", sorted.get(sorted.size() / 2));
		startUp.put("loadAverageBefore", Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
		write(startUp);
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
