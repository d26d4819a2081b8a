package org.zhengpaopao.bench;

/**
 * How big the benchmark runs: {@code -Dbench.scale=full} (the default, the figures of docs/performance.md) or
 * {@code -Dbench.scale=smoke} (a few runs per workload, a minute or two of measurement, for CI: the workloads and
 * their assertions run, the timings mean nothing). A {@code -Dbench.*} property of its own overrides either.
 */
final class Scale {

	static final String NAME = System.getProperty("bench.scale", "full");

	static final boolean SMOKE = switch (NAME) {
		case "full" -> false;
		case "smoke" -> true;
		default -> throw new IllegalArgumentException("-Dbench.scale=" + NAME + ": full or smoke");
	};

	private Scale() {
	}

	/** {@code -Dproperty} if given, else the value of this scale. */
	static int of(String property, int full, int smoke) {
		return Integer.getInteger(property, SMOKE ? smoke : full);
	}

	/** Runs of one W1 level (and of the peer's and W0's): {@code -Dbench.w1.runs} fixes it for every level. */
	static int w1Runs(int clients) {
		return of("bench.w1.runs", Math.max(150, clients * 40), 20);
	}

	/** Runs at 4 clients before W1's levels (and the peer's), for the JIT, the caches and the pools. */
	static int w1WarmUpRuns() {
		return of("bench.w1.warmUpRuns", 300, 20);
	}
}
