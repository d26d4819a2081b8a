package org.zhengpaopao.engine;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Camunda's built-in engine metrics as Prometheus counters, e.g. {@code camunda_job_successful_total},
 * {@code camunda_job_failed_total}, {@code camunda_root_process_instance_start_total}: the name is Camunda's
 * metric name ({@link Metrics}) with dots for dashes.
 * <p>
 * Camunda keeps these in the database ({@code ACT_RU_METER_LOG}): each node counts in memory and writes its
 * counts there every 15 minutes (the engine's db metrics reporter interval, 900 s by default). A query adds this
 * node's unwritten counts, so the numbers include everything this node did but lag behind the other nodes by up to
 * that interval. They are cluster-wide totals, the same on every node: aggregate them with {@code max}, not
 * {@code sum}. The query needs no Camunda authentication (metrics queries are not authorized), and is read at most
 * once per {@link #CACHE_FOR}.
 */
@Component
class EngineMetrics implements MeterBinder {

	static final Duration CACHE_FOR = Duration.ofSeconds(10);

	/** every metric the engine writes to the database (see ProcessEngineConfigurationImpl#initDefaultMetrics) */
	static final List<String> COUNTED = List.of(Metrics.ROOT_PROCESS_INSTANCE_START, Metrics.ACTIVTY_INSTANCE_START,
			Metrics.ACTIVTY_INSTANCE_END, Metrics.EXECUTED_DECISION_INSTANCES, Metrics.EXECUTED_DECISION_ELEMENTS,
			Metrics.JOB_ACQUISITION_ATTEMPT, Metrics.JOB_ACQUIRED_SUCCESS, Metrics.JOB_ACQUIRED_FAILURE,
			Metrics.JOB_EXECUTION_REJECTED, Metrics.JOB_LOCKED_EXCLUSIVE, Metrics.JOB_SUCCESSFUL, Metrics.JOB_FAILED);

	private final boolean metricsEnabled;
	private final CachedValue<Map<String, Long>> sums;

	EngineMetrics(ProcessEngine engine) {
		this.metricsEnabled = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).isMetricsEnabled();
		ManagementService management = engine.getManagementService();
		this.sums = new CachedValue<>(CACHE_FOR, () -> read(management), Map.of());
	}

	private static Map<String, Long> read(ManagementService management) {
		Map<String, Long> sums = new HashMap<>();
		for (String name : COUNTED) {
			sums.put(name, management.createMetricsQuery().name(name).sum());
		}
		return sums;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		if (!metricsEnabled) {
			// camunda.bpm.metrics.enabled=false: the engine counts nothing, and zeros would mislead
			return;
		}
		for (String name : COUNTED) {
			FunctionCounter.builder("camunda." + name.replace('-', '.'), sums, s -> value(s.get(), name))
				.description("Camunda engine metric '" + name + "' (all nodes; other nodes' counts lag up to 15 min)")
				.register(registry);
		}
	}

	private static double value(Map<String, Long> sums, String name) {
		Long sum = sums.get(name);
		return sum == null ? Double.NaN : sum;
	}

	/** Tests read the engine's metrics again without waiting for the cache. */
	void expireCache() {
		sums.expire();
	}
}
