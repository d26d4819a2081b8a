package org.zhengpaopao.supervision;

import java.time.Duration;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zhengpaopao.engine.CachedValue;
import org.zhengpaopao.notification.FailedNotifications;
import org.zhengpaopao.proxyrun.ProxyRunStatistics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * The proxy-run service in numbers, for Prometheus ({@code /actuator/prometheus}):
 * <ul>
 * <li>{@code zhengpaopao_proxy_runs_started_total}, {@code zhengpaopao_proxy_runs_delivered_total}: runs opened and
 * delivered;</li>
 * <li>{@code zhengpaopao_proxy_runs_overdue{level="1|2|3"}}: open runs with a red card at that escalation level;</li>
 * <li>{@code zhengpaopao_proxy_runs_yellow_carded}: open runs with a yellow card;</li>
 * <li>{@code zhengpaopao_notifications_awaiting_resend}: outbox messages FAILED, waiting for a manager (the
 * notification feature's own {@code zhengpaopao_notifications_failed_total} counts the failures of one node).</li>
 * </ul>
 * All are counted in the shared database, so every node reports the same cluster-wide numbers: aggregate them
 * across instances with {@code max}, not {@code sum}. They are read at most once per {@link #CACHE_FOR}.
 */
@Component
class ProxyRunMetrics implements MeterBinder {

	static final Duration CACHE_FOR = Duration.ofSeconds(10);
	static final int[] ESCALATION_LEVELS = { 1, 2, 3 };

	private final CachedValue<Counts> counts;

	ProxyRunMetrics(ProxyRunStatistics proxyRuns, FailedNotifications failedNotifications) {
		this.counts = new CachedValue<>(CACHE_FOR,
				() -> new Counts(proxyRuns.countOpened(), proxyRuns.countDelivered(), proxyRuns.openOverdueByLevel(),
						proxyRuns.countOpenWithYellowCard(), failedNotifications.count()),
				Counts.UNKNOWN);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		// runs are never deleted, so these counts only grow: counters, although read from the tables
		FunctionCounter.builder("zhengpaopao.proxy.runs.started", counts, c -> c.get().started())
			.description("Proxy-runs opened (all nodes) / 已受理的代跑")
			.register(registry);
		FunctionCounter.builder("zhengpaopao.proxy.runs.delivered", counts, c -> c.get().delivered())
			.description("Proxy-runs delivered to the using department (all nodes) / 已送达的代跑")
			.register(registry);
		for (int level : ESCALATION_LEVELS) {
			Gauge.builder("zhengpaopao.proxy.runs.overdue", counts, c -> c.get().overdueAt(level))
				.tag("level", String.valueOf(level))
				.description("Open proxy-runs with a red card, by escalation level (1 = task force) / 红牌超期在办代跑")
				.register(registry);
		}
		Gauge.builder("zhengpaopao.proxy.runs.yellow.carded", counts, c -> c.get().yellowCarded())
			.description("Open proxy-runs with a yellow card, due within a working day / 黄牌预警在办代跑")
			.register(registry);
		Gauge.builder("zhengpaopao.notifications.awaiting.resend", counts, c -> c.get().failedNotifications())
			.description("Notifications that used up their attempts and wait for a manager to resend them / 发送失败待重发的通知")
			.register(registry);
	}

	/** Tests read the tables again without waiting for the cache. */
	void expireCache() {
		counts.expire();
	}

	record Counts(double started, double delivered, Map<Integer, Long> overdueByLevel, double yellowCarded,
			double failedNotifications) {

		static final Counts UNKNOWN = new Counts(Double.NaN, Double.NaN, null, Double.NaN, Double.NaN);

		double overdueAt(int level) {
			return overdueByLevel == null ? Double.NaN : overdueByLevel.getOrDefault(level, 0L);
		}
	}
}
