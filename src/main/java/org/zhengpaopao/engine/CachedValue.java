package org.zhengpaopao.engine;

import java.time.Duration;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A value read at most once per time-to-live, for metrics counted in the database: Prometheus scrapes every few
 * seconds and reads several meters per scrape, and the tables need not be counted each time. A failed read logs a
 * warning and keeps the last value (or {@code unknown} before the first success); it is tried again after the
 * time-to-live, so a slow or absent database does not break the scrape.
 */
public final class CachedValue<T> implements Supplier<T> {

	private static final Logger log = LoggerFactory.getLogger(CachedValue.class);

	private final Duration timeToLive;
	private final Supplier<T> reader;
	private final T unknown;
	private T value;
	private long readAt;
	private boolean fresh;

	public CachedValue(Duration timeToLive, Supplier<T> reader, T unknown) {
		this.timeToLive = timeToLive;
		this.reader = reader;
		this.unknown = unknown;
	}

	@Override
	public synchronized T get() {
		long now = System.nanoTime();
		if (!fresh || now - readAt >= timeToLive.toNanos()) {
			try {
				value = reader.get();
			}
			catch (RuntimeException e) {
				log.warn("指标读取失败，沿用上次的值 / could not read metric values, keeping the last ones: {}", e.toString());
				if (value == null) {
					value = unknown;
				}
			}
			readAt = now;
			fresh = true;
		}
		return value;
	}

	/** The next {@link #get()} reads again. */
	public synchronized void expire() {
		fresh = false;
	}
}
