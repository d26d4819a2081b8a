package org.zhengpaopao.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Peak heap in use (sampled every 100 ms) and the process's peak resident set (the kernel's VmHWM) while a workload
 * runs. The benchmark drives the application from inside its JVM, so the figures include the driver's share.
 */
final class MemorySampler {

	private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "memory-sampler");
		thread.setDaemon(true);
		return thread;
	});
	private volatile long peakHeap;
	private volatile long peakRssKiB;

	static MemorySampler start() {
		MemorySampler memory = new MemorySampler();
		memory.sampler.scheduleAtFixedRate(memory::sample, 0, 100, TimeUnit.MILLISECONDS);
		return memory;
	}

	private void sample() {
		peakHeap = Math.max(peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
		peakRssKiB = Math.max(peakRssKiB, status("VmHWM:"));
	}

	void stop() throws InterruptedException {
		sampler.shutdown();
		sampler.awaitTermination(5, TimeUnit.SECONDS);
	}

	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("peakHeapUsedMiB", peakHeap / 1024 / 1024);
		summary.put("peakRssMiB", Math.max(peakRssKiB, status("VmHWM:")) / 1024);
		summary.put("maxHeapMiB", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1024 / 1024);
		return summary;
	}

	private static long status(String field) {
		try {
			return Files.readAllLines(Path.of("/proc/self/status"))
				.stream()
				.filter(l -> l.startsWith(field))
				.mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")))
				.findFirst()
				.orElse(0);
		}
		catch (IOException e) {
			return 0;
		}
	}
}
