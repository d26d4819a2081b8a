package org.zhengpaopao.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/** Durations of one kind of step, collected from many threads; percentiles in milliseconds. */
final class Latencies {

	private final List<Long> nanos = Collections.synchronizedList(new ArrayList<>());

	<T> T time(Callable<T> step) {
		long start = System.nanoTime();
		try {
			return step.call();
		}
		catch (RuntimeException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			nanos.add(System.nanoTime() - start);
		}
	}

	void time(Runnable step) {
		time(() -> {
			step.run();
			return null;
		});
	}

	int count() {
		return nanos.size();
	}

	double percentile(double p) {
		List<Long> sorted;
		synchronized (nanos) {
			sorted = new ArrayList<>(nanos);
		}
		if (sorted.isEmpty()) {
			return Double.NaN;
		}
		Collections.sort(sorted);
		int index = (int) Math.ceil(p / 100 * sorted.size()) - 1;
		return round(sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1e6);
	}

	Map<String, Object> summary() {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("samples", count());
		summary.put("p50Ms", percentile(50));
		summary.put("p95Ms", percentile(95));
		summary.put("p99Ms", percentile(99));
		return summary;
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
