package org.zhengpaopao.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Runs every {@link Seed} once the beans are built and before the web server opens its port (its lifecycle, Spring Boot's
 * {@code webServerStartStop} bean, starts in phase {@code DEFAULT_PHASE - 2048}, later than {@link #PHASE}). Until then a request finds the port
 * closed rather than an application without its users, and the log's {@code Started ZhengpaopaoApplication} comes
 * after the seeds. A seed that fails stops the start, as it did when seeds were application runners.
 */
@Component
class StartupSeeding implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StartupSeeding.class);

	/** before the web server's phase: StartupSeedingTests compares the two */
	static final int PHASE = SmartLifecycle.DEFAULT_PHASE - 4096;

	private final ObjectProvider<Seed> seeds;
	private volatile boolean running;

	StartupSeeding(ObjectProvider<Seed> seeds) {
		this.seeds = seeds;
	}

	@Override
	public void start() {
		if (running) {
			return;
		}
		long start = System.nanoTime();
		seeds.orderedStream().forEach(Seed::seed);
		running = true;
		log.info("Seeds in ({} ms)", (System.nanoTime() - start) / 1_000_000);
	}

	@Override
	public void stop() {
		running = false;
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	@Override
	public int getPhase() {
		return PHASE;
	}
}
