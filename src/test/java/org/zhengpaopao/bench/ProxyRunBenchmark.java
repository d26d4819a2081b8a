package org.zhengpaopao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Order;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;
import org.zhengpaopao.EngineClock;
import org.zhengpaopao.MariaDb;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.zaxxer.hikari.HikariConfig;

/**
 * W0–W3 on the application with its shipped settings: target/bench/results.json. Runs after
 * {@link BaselineBenchmark} and takes its figures in as the "before" of each tuning.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "zhengpaopao.demo.history=false", "logging.level.org.zhengpaopao.notification=WARN" })
@ActiveProfiles({ "demo", "mysql" })
@ContextConfiguration(initializers = MariaDb.Initializer.class)
@Import(EngineClock.class)
@Order(2)
class ProxyRunBenchmark extends Workloads {

	@Autowired
	Environment environment;

	static final int W2_RUNS = Scale.of("bench.w2.runs", 10_000, 200);

	@Override
	String resultsFile() {
		return "results.json";
	}

	@Test
	void measure() throws Exception {
		init();
		try {
			Map<String, Object> w1 = throughput(CLIENTS);
			int censusRuns = Scale.of("bench.w1.censusRuns", 20, 3);
			w1.put("statementsPerRun", new StatementCensus(jdbc).perRun(censusRuns, () -> {
				fullRuns(1, censusRuns, new Steps());
				return null;
			}));
			peer(w1);
			results.put("W0", floor(((Number) w1.get("transactionsPerRun")).doubleValue()));
			results.put("W1", w1);
			engineShare();
			write();
			results.put("W2", morningAfterTheHoliday(W2_RUNS));
			write();
			results.put("W3", watchingAtScale());
			results.put("tuning", tuning());
			assertThat(results).as("results.json").containsKeys("W0", "W1", "W2", "W3", "tuning");
			assertThat(w1).as("W1").containsKeys("peer", "peerRatio");
		}
		finally {
			ClockUtil.reset();
			results.put("finishedAt", Instant.now().toString());
			write();
		}
	}

	/** W1's levels on a bare engine right after the application's, and the application's share of it (ADR 0044). */
	void peer(Map<String, Object> w1) throws Exception {
		HikariConfig hikari = Binder.get(environment).bindOrCreate("spring.datasource.hikari", HikariConfig.class);
		try (BareEnginePeer peer = new BareEnginePeer(hikari)) {
			Map<String, Object> figures = peer.throughput(CLIENTS);
			w1.put("peer", figures);
			w1.put("peerRatio",
					Latencies.round((double) w1.get("bestRunsPerSecond") / (double) figures.get("bestRunsPerSecond")));
		}
	}

	/** Before (the baseline's settings) and after (the shipped ones), measured in this run. */
	@SuppressWarnings("unchecked")
	Map<String, Object> tuning() throws Exception {
		Path baselineFile = Path.of("target", "bench", "baseline.json");
		Map<String, Object> tuning = new LinkedHashMap<>();
		if (!Files.exists(baselineFile)) {
			return tuning;
		}
		Map<String, Object> baseline = new ObjectMapper().readValue(baselineFile.toFile(), Map.class);
		tuning.put("baselineSettings", baseline.get("settings"));
		Map<String, Object> before = (Map<String, Object>) ((List<Object>) ((Map<String, Object>) baseline
			.get("W1")).get("levels")).get(0);
		Map<String, Object> after = ((List<Map<String, Object>>) ((Map<String, Object>) results.get("W1"))
			.get("levels")).stream().filter(l -> l.get("clients").equals(before.get("clients"))).findFirst().orElseThrow();
		tuning.put("engineAndDriverSettings", Map.of("clients", before.get("clients"), "runsPerSecondBefore",
				before.get("runsPerSecond"), "runsPerSecondAfter", after.get("runsPerSecond"), "cpuMsPerRunBefore",
				cpuMsPerRun(before), "cpuMsPerRunAfter", cpuMsPerRun(after)));
		Map<String, Object> w2Before = (Map<String, Object>) baseline.get("W2");
		Map<String, Object> w2After = (Map<String, Object>) results.get("W2");
		tuning.put("jobExecutor", Map.of("redCardsPerSecondBefore",
				((Map<String, Object>) w2Before.get("redCards")).get("perSecond"), "runsBefore", w2Before.get("runs"),
				"redCardsPerSecondAfter", ((Map<String, Object>) w2After.get("redCards")).get("perSecond"), "runsAfter",
				w2After.get("runs")));
		return tuning;
	}

	/** JVM and database CPU of one run at a level, in ms. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> cpuMsPerRun(Map<String, Object> level) {
		Map<String, Object> cpu = (Map<String, Object>) level.get("cpu");
		double runs = ((Number) level.get("runs")).doubleValue();
		return Map.of("jvm", Latencies.round(((Number) cpu.get("jvmCpuSeconds")).doubleValue() * 1000 / runs),
				"database", Latencies.round(((Number) cpu.get("databaseCpuSeconds")).doubleValue() * 1000 / runs));
	}
}
