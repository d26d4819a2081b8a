package org.zhengpaopao.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where the CPU goes during a workload: CPU seconds of this JVM and of the database server (from /proc), and a
 * JFR execution-sample profile of the JVM, as the share of samples whose stack passes through each layer and the
 * hottest methods.
 */
final class CpuProfile {

	/** Layers by package, checked in this order; a sample counts once for every layer on its stack. */
	static final Map<String, String> LAYERS = new LinkedHashMap<>();
	static {
		LAYERS.put("mysql JDBC driver", "com.mysql.");
		LAYERS.put("MyBatis (engine persistence)", "org.apache.ibatis.");
		LAYERS.put("Hibernate (application persistence)", "org.hibernate.");
		LAYERS.put("engine history", "org.camunda.bpm.engine.impl.history.");
		LAYERS.put("engine authorization checks", "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationManager");
		LAYERS.put("DMN", "org.camunda.bpm.dmn.");
		LAYERS.put("logging", "ch.qos.logback.");
		LAYERS.put("application code", "org.zhengpaopao.");
		LAYERS.put("engine (all)", "org.camunda.");
		LAYERS.put("Spring transactions", "org.springframework.transaction.");
		LAYERS.put("Hikari pool", "com.zaxxer.hikari.");
	}

	private final Recording recording = new Recording();
	private final long jvmCpuStart = jvmCpuNanos();
	private final long databaseCpuStart;
	private final Path databasePid;

	private CpuProfile(Path databasePid) {
		this.databasePid = databasePid;
		this.databaseCpuStart = processCpuTicks(databasePid);
		recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
		recording.start();
	}

	static CpuProfile start(Path databasePidFile) {
		return new CpuProfile(databasePidFile);
	}

	Map<String, Object> stop(double wallSeconds, Path jfrFile) throws IOException {
		recording.stop();
		Files.createDirectories(jfrFile.getParent());
		recording.dump(jfrFile);
		recording.close();
		Map<String, Object> profile = new LinkedHashMap<>();
		double jvm = (jvmCpuNanos() - jvmCpuStart) / 1e9;
		double database = (processCpuTicks(databasePid) - databaseCpuStart) / 100.0; // USER_HZ
		profile.put("wallSeconds", Latencies.round(wallSeconds));
		profile.put("jvmCpuSeconds", Latencies.round(jvm));
		profile.put("databaseCpuSeconds", Latencies.round(database));
		profile.put("cpuBusyOfTwoCores", Latencies.round((jvm + database) / (wallSeconds * 2)));

		Map<String, Integer> layers = new LinkedHashMap<>();
		Map<String, Integer> hottest = new HashMap<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(jfrFile)) {
			if (event.getStackTrace() == null || event.getStackTrace().getFrames().isEmpty()) {
				continue;
			}
			samples++;
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			RecordedFrame top = frames.get(0);
			hottest.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
			for (var layer : LAYERS.entrySet()) {
				if (frames.stream().anyMatch(f -> f.getMethod().getType().getName().startsWith(layer.getValue()))) {
					layers.merge(layer.getKey(), 1, Integer::sum);
				}
			}
		}
		final int total = Math.max(samples, 1);
		profile.put("jfrSamples", samples);
		Map<String, Object> shares = new LinkedHashMap<>();
		layers.forEach((layer, count) -> shares.put(layer, Latencies.round(100.0 * count / total)));
		profile.put("percentOfSamplesThrough", shares);
		Map<String, Object> top = new LinkedHashMap<>();
		hottest.entrySet()
			.stream()
			.sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.reverseOrder()))
			.limit(15)
			.forEach(e -> top.put(e.getKey(), Latencies.round(100.0 * e.getValue() / total)));
		profile.put("hottestMethodsPercent", top);
		profile.put("jfrFile", jfrFile.toString());
		return profile;
	}

	private static long jvmCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	/** utime + stime of a process, in clock ticks, from /proc/<pid>/stat; 0 when unknown. */
	private static long processCpuTicks(Path pidFile) {
		try {
			String pid = Files.readString(pidFile).strip();
			String stat = Files.readString(Path.of("/proc", pid, "stat"));
			String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
		}
		catch (IOException | RuntimeException e) {
			return 0;
		}
	}
}
