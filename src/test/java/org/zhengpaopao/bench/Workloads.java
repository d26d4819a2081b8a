package org.zhengpaopao.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.MariaDb;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

/**
 * The workloads of the benchmark ({@code ./mvnw -Pbench verify}, not part of the test run), run against the
 * application as it runs in the county (demo users, {@code mysql} profile, job executor on) on the embedded MariaDB,
 * driven through its service API, the engine's task service and HTTP. docs/performance.md explains the figures. The
 * assertions only guard the figures' meaning (every run delivered, every escalation fired exactly once), so they hold
 * at every {@link Scale}; no timing is asserted.
 */
abstract class Workloads {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final String TOWNSHIP_CERTIFICATE = "ZM-0032"; // 困难家庭证明: the township fetches and issues, 3 working days
	static final String VILLAGE_CERTIFICATE = "ZM-0039"; // 居住证明: the village committee issues, 1 working day
	static final int[] CLIENTS = { 1, 4, 8, 16 };

	static final int W3_OPEN_RUNS = Scale.of("bench.w3.openRuns", 100_000, 2_000);
	static final int W3_HISTORIC_TASKS = Scale.of("bench.w3.historicTasks", 1_000_000, 20_000);

	@LocalServerPort
	int port;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	Organization organization;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	FilterService filterService;

	RuntimeService runtimeService;
	TaskService taskService;
	IdentityService identityService;
	List<Division> townships;
	final Map<String, Object> results = new LinkedHashMap<>();
	final HttpClient http = HttpClient.newHttpClient();

	void init() throws IOException {
		runtimeService = engine.getRuntimeService();
		taskService = engine.getTaskService();
		identityService = engine.getIdentityService();
		townships = organization.townships();
		results.put("machine", machine());
		results.put("database", jdbc.queryForObject("select version()", String.class));
		results.put("commit", commit());
		results.put("startedAt", Instant.now().toString());
	}

	// ------------------------------------------------------------------ W1: full runs, 1–16 clients

	Map<String, Object> throughput(int... clientLevels) throws Exception {
		fullRuns(4, Scale.w1WarmUpRuns(), new Steps()); // warm-up: JIT, caches, connection pool
		Map<String, Object> w1 = new LinkedHashMap<>();
		List<Map<String, Object>> levels = new ArrayList<>();
		MemorySampler memory = MemorySampler.start();
		double transactionsPerRun = 0;
		try {
			for (int clients : clientLevels) {
				int runs = Scale.w1Runs(clients);
				Steps steps = new Steps();
				long commitsBefore = commits();
				CpuProfile cpu = CpuProfile.start(databasePidFile());
				long start = System.nanoTime();
				fullRuns(clients, runs, steps);
				double seconds = (System.nanoTime() - start) / 1e9;
				Map<String, Object> profile = cpu.stop(seconds, Path.of("target", "bench", "w1-" + clients + "-clients.jfr"));
				double perRun = (commits() - commitsBefore) / (double) runs;
				transactionsPerRun = Math.max(transactionsPerRun, perRun);
				Map<String, Object> level = new LinkedHashMap<>();
				level.put("clients", clients);
				level.put("runs", runs);
				level.put("seconds", Latencies.round(seconds));
				level.put("runsPerSecond", Latencies.round(runs / seconds));
				level.put("transactionsPerRun", Latencies.round(perRun));
				level.put("transactionsPerSecond", Latencies.round(runs * perRun / seconds));
				level.put("steps", steps.summary());
				level.put("cpu", profile);
				levels.add(level);
			}
		}
		finally {
			memory.stop();
		}
		w1.put("levels", levels);
		Map<String, Object> best = levels.stream()
			.max((a, b) -> Double.compare((double) a.get("runsPerSecond"), (double) b.get("runsPerSecond")))
			.orElseThrow();
		w1.put("bestClients", best.get("clients"));
		w1.put("bestRunsPerSecond", best.get("runsPerSecond"));
		w1.put("bestTransactionsPerSecond", best.get("transactionsPerSecond"));
		w1.put("transactionsPerRun", Latencies.round(transactionsPerRun));
		w1.put("memory", memory.summary());
		return w1;
	}

	/**
	 * The steps of one run, each as the person who does it: the window, the runner, the issuing clerk, and the
	 * window again to sign for the certificate.
	 */
	final class Steps {
		final Latencies create = new Latencies();
		final Latencies claim = new Latencies();
		final Latencies fetch = new Latencies();
		final Latencies issue = new Latencies();
		final Latencies deliver = new Latencies();
		final Latencies sign = new Latencies();
		final Latencies whole = new Latencies();

		void run(int index) {
			Division township = townships.get(index % townships.size());
			String code = township.getCode();
			whole.time(() -> {
				// create: the window opens the run; routing (DMN) and the deadline are part of it
				ProxyRun run = create.time(() -> proxyRuns.open(new NewProxyRun("张三", "330825198503121239",
						"13905701234", code, villageOf(township), TOWNSHIP_CERTIFICATE, "renshe", true), "window-renshe-1"));
				String runner = "runner-" + code + "-1";
				String clerk = "clerk-" + code + "-1";
				String fetchTask = claim.time(() -> claimOpenTask(run, runner));
				fetch.time(() -> completeAs(runner, fetchTask, Map.of("fetchNote", "已提交")));
				issue.time(() -> completeAs(clerk, claimOpenTask(run, clerk), Map.of("issueOutcome", "issued",
						"licenceNumber", "ZZ3308250001")));
				deliver.time(() -> completeAs(runner, claimOpenTask(run, runner), Map.of("deliveryConfirmed", true)));
				sign.time(() -> completeAs("window-renshe-1", claimOpenTask(run, "window-renshe-1"),
						Map.of("signOutcome", "signed")));
			});
		}

		Map<String, Object> summary() {
			Map<String, Object> summary = new LinkedHashMap<>();
			summary.put("create", create.summary());
			summary.put("claim", claim.summary());
			summary.put("fetch", fetch.summary());
			summary.put("issue", issue.summary());
			summary.put("deliver", deliver.summary());
			summary.put("sign", sign.summary());
			summary.put("wholeRun", whole.summary());
			return summary;
		}
	}

	void fullRuns(int clients, int runs, Steps steps) throws Exception {
		inParallel(clients, runs, steps::run);
		long undelivered = jdbc.queryForObject(
				"select count(*) from zpp_proxy_run where certificate_code = ? and state <> 'DELIVERED'", Long.class,
				TOWNSHIP_CERTIFICATE);
		assertThat(undelivered).as("every W1 run delivered").isZero();
	}

	String villageOf(Division township) {
		return organization.villagesOf(township.getCode()).get(0).getCode();
	}

	/** As Tasklist does it: find the task in the user's list, claim it. Answers the task's id. */
	String claimOpenTask(ProxyRun run, String user) {
		return asUser(user, () -> {
			Task task = taskService.createTaskQuery().processInstanceBusinessKey(run.getCaseNo()).singleResult();
			taskService.claim(task.getId(), user);
			return task.getId();
		});
	}

	Void completeAs(String user, String taskId, Map<String, Object> variables) {
		return asUser(user, () -> {
			taskService.complete(taskId, variables);
			return null;
		});
	}

	<T> T asUser(String user, Supplier<T> work) {
		identityService.setAuthentication(user, groupsOf(user));
		try {
			return work.get();
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	final Map<String, List<String>> groups = new ConcurrentHashMap<>();

	List<String> groupsOf(String user) {
		return groups.computeIfAbsent(user,
				u -> identityService.createGroupQuery().groupMember(u).list().stream().map(g -> g.getId()).toList());
	}

	// ------------------------------------------------------------------ W0: the same transactions in plain JDBC

	Map<String, Object> floor(double transactionsPerRun) throws Exception {
		MariaDb server = MariaDb.get();
		try (Connection c = DriverManager.getConnection(server.url(), server.user(), server.password())) {
			c.createStatement()
				.execute("create table if not exists bench_floor (id bigint auto_increment primary key,"
						+ " case_no varchar(32) not null, note varchar(200) not null, at datetime(6) not null)"
						+ " engine=InnoDB default charset=utf8mb4");
		}
		int perRun = (int) Math.round(transactionsPerRun);
		List<Map<String, Object>> levels = new ArrayList<>();
		for (int clients : CLIENTS) {
			int runs = Scale.w1Runs(clients);
			int transactions = runs * perRun;
			ThreadLocal<Connection> connections = ThreadLocal.withInitial(() -> {
				try {
					Connection c = DriverManager.getConnection(server.url() + "?rewriteBatchedStatements=true",
							server.user(), server.password());
					c.setAutoCommit(false);
					return c;
				}
				catch (SQLException e) {
					throw new IllegalStateException(e);
				}
			});
			List<Connection> opened = Collections.synchronizedList(new ArrayList<>());
			long start = System.nanoTime();
			inParallel(clients, transactions, i -> {
				Connection c = connections.get();
				if (!opened.contains(c)) {
					opened.add(c);
				}
				try (PreparedStatement insert = c
					.prepareStatement("insert into bench_floor (case_no, note, at) values (?, ?, now(6))")) {
					insert.setString(1, "DP" + i);
					insert.setString(2, "一次事务：写一行并提交");
					insert.executeUpdate();
					c.commit();
				}
				catch (SQLException e) {
					throw new IllegalStateException(e);
				}
			});
			double seconds = (System.nanoTime() - start) / 1e9;
			for (Connection c : opened) {
				c.close();
			}
			Map<String, Object> level = new LinkedHashMap<>();
			level.put("clients", clients);
			level.put("transactions", transactions);
			level.put("seconds", Latencies.round(seconds));
			level.put("transactionsPerSecond", Latencies.round(transactions / seconds));
			level.put("runEquivalentsPerSecond", Latencies.round(transactions / seconds / perRun));
			levels.add(level);
		}
		Map<String, Object> w0 = new LinkedHashMap<>();
		w0.put("transactionsPerRun", perRun);
		w0.put("transaction", "insert one row, commit (InnoDB, innodb_flush_log_at_trx_commit="
				+ jdbc.queryForObject("select @@innodb_flush_log_at_trx_commit", String.class) + ")");
		w0.put("levels", levels);
		w0.put("bestTransactionsPerSecond", levels.stream()
			.mapToDouble(l -> (double) l.get("transactionsPerSecond"))
			.max()
			.orElseThrow());
		return w0;
	}

	@SuppressWarnings("unchecked")
	void engineShare() {
		double w0 = (double) ((Map<String, Object>) results.get("W0")).get("bestTransactionsPerSecond");
		Map<String, Object> w1 = (Map<String, Object>) results.get("W1");
		w1.put("engineShareOfW0", Latencies.round((double) w1.get("bestTransactionsPerSecond") / w0));
	}

	// ------------------------------------------------------------------ W2: 10,000 red cards at one instant

	Map<String, Object> morningAfterTheHoliday(int runs) throws Exception {
		Map<String, Object> w2 = new LinkedHashMap<>();
		// the last working day before the National Day week: a one-working-day certificate is due on the first
		// working day after it, so every run's yellow and red card falls due at the same instants
		LocalDateTime opened = LocalDateTime.of(2026, 9, 30, 9, 0);
		ClockUtil.setCurrentTime(Date.from(opened.atZone(BEIJING).toInstant()));
		long start = System.nanoTime();
		List<String> caseNos = Collections.synchronizedList(new ArrayList<>());
		inParallel(8, runs, i -> {
			Division township = townships.get(i % townships.size());
			caseNos.add(proxyRuns.open(new NewProxyRun("李四", "330825199001014569", "13905705678", township.getCode(),
					villageOf(township), VILLAGE_CERTIFICATE, "minzheng", true), "window-minzheng-1").getCaseNo());
		});
		w2.put("runs", runs);
		w2.put("openedIn", Latencies.round((System.nanoTime() - start) / 1e9));
		ProxyRun sample = proxyRuns.find(caseNos.get(0)).orElseThrow();
		Date yellowAt = (Date) runtimeService.getVariable(sample.getProcessInstanceId(), "yellowCardAt");
		Date redAt = Date.from(sample.getDueAt());
		w2.put("openedAt", opened.toString());
		w2.put("yellowCardsDueAt", yellowAt.toInstant().atZone(BEIJING).toLocalDateTime().toString());
		w2.put("redCardsDueAt", redAt.toInstant().atZone(BEIJING).toLocalDateTime().toString());
		long sameInstant = jdbc.queryForObject(
				"select count(distinct due_at) from zpp_proxy_run where certificate_code = ?", Long.class,
				VILLAGE_CERTIFICATE);
		assertThat(sameInstant).as("one due instant for all").isOne();

		w2.put("yellowCards", burst(yellowAt, "YELLOW", runs));
		w2.put("redCards", burst(redAt, "RED", runs));

		long redCardSteps = jdbc.queryForObject("select count(*) from zpp_proxy_run_step s join zpp_proxy_run r"
				+ " on r.id = s.proxy_run_id where s.step = 'redCard' and r.certificate_code = ?", Long.class,
				VILLAGE_CERTIFICATE);
		long runsWithTwo = jdbc.queryForObject("select count(*) from (select s.proxy_run_id from zpp_proxy_run_step s"
				+ " where s.step = 'redCard' group by s.proxy_run_id having count(*) > 1) twice", Long.class);
		long redCardActivities = jdbc.queryForObject(
				"select count(*) from ACT_HI_ACTINST where ACT_ID_ = 'raiseRedCard'", Long.class);
		long failedJobs = jdbc.queryForObject("select count(*) from ACT_RU_JOB where EXCEPTION_MSG_ is not null",
				Long.class);
		Map<String, Object> once = new LinkedHashMap<>();
		once.put("redCardSteps", redCardSteps);
		once.put("runsWithMoreThanOneRedCard", runsWithTwo);
		once.put("raiseRedCardActivities", redCardActivities);
		once.put("failedJobs", failedJobs);
		once.put("eachFiredExactlyOnce", redCardSteps == runs && runsWithTwo == 0 && redCardActivities == runs);
		w2.put("exactlyOnce", once);
		assertThat(once.get("eachFiredExactlyOnce")).as(once.toString()).isEqualTo(true);
		return w2;
	}

	/** Moves the engine's clock to the instant and times the job executor until every run carries the card. */
	Map<String, Object> burst(Date instant, String card, int runs) throws IOException {
		// overnight the outbox has sent the earlier messages (10,000 「新代跑任务」 among them): not part of the burst
		waitFor(() -> jdbc.queryForObject("select count(*) from zpp_notification where status = 'PENDING'",
				Long.class) == 0, 900);
		CpuProfile cpu = CpuProfile.start(databasePidFile());
		ClockUtil.setCurrentTime(new Date(instant.getTime() + 1000));
		long start = System.nanoTime();
		waitFor(() -> jdbc.queryForObject(
				"select count(*) from zpp_proxy_run where certificate_code = ? and card = ?", Long.class,
				VILLAGE_CERTIFICATE, card) >= runs, 900);
		double seconds = (System.nanoTime() - start) / 1e9;
		Map<String, Object> profile = cpu.stop(seconds,
				Path.of("target", "bench", "w2-" + card.toLowerCase() + "-" + runs + ".jfr"));
		// the executor's jobs of this burst are done: nothing due is left, so the clock may move again
		waitFor(() -> jdbc.queryForObject("select count(*) from ACT_RU_JOB where DUEDATE_ <= ? and RETRIES_ > 0"
				+ " and LOCK_OWNER_ is not null", Long.class, ClockUtil.getCurrentTime()) == 0, 120);
		Map<String, Object> burst = new LinkedHashMap<>();
		burst.put("seconds", Latencies.round(seconds));
		burst.put("perSecond", Latencies.round(runs / seconds));
		burst.put("jobExecutor", jobExecutorSettings());
		burst.put("cpu", profile);
		return burst;
	}

	Map<String, Object> jobExecutorSettings() {
		JobExecutor executor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getJobExecutor();
		Map<String, Object> settings = new LinkedHashMap<>();
		settings.put("maxJobsPerAcquisition", executor.getMaxJobsPerAcquisition());
		settings.put("waitTimeInMillis", executor.getWaitTimeInMillis());
		settings.put("lockTimeInMillis", executor.getLockTimeInMillis());
		settings.put("class", executor.getClass().getSimpleName());
		return settings;
	}

	// ------------------------------------------------------------------ W3: queries at 100,000 open runs

	Map<String, Object> watchingAtScale() throws Exception {
		ClockUtil.reset();
		Map<String, Object> w3 = new LinkedHashMap<>();
		long loadStart = System.nanoTime();
		Map<String, Object> load = bulkLoad();
		load.put("seconds", Latencies.round((System.nanoTime() - loadStart) / 1e9));
		w3.put("data", load);
		String township = townships.get(3).getCode();
		String runner = "runner-" + township + "-1";
		String overdueFilter = filterService.createFilterQuery().filterName("已超期").singleResult().getId();
		Map<String, Object> queries = new LinkedHashMap<>();

		// the supervision list with and without the application's index; Tasklist's query does not touch that table
		jdbc.execute("drop index ix_proxy_run_carded on zpp_proxy_run");
		jdbc.execute("drop index ix_proxy_run_card_counts on zpp_proxy_run");
		queries.put("supervisionWithoutCardedRunsIndexes", supervisionQuery(township));
		jdbc.execute("create index ix_proxy_run_carded on zpp_proxy_run (card, township_code, escalation_level, deadline)");
		jdbc.execute("create index ix_proxy_run_card_counts on zpp_proxy_run (card, state, township_code, issuer_code)");
		queries.put("supervision", supervisionQuery(township));
		queries.put("tasklist", tasklistQuery(runner, overdueFilter));
		// the demo filters as the township runner and as the task force (ADR 0042); "tasklist" above is the first of them
		Map<String, Object> byFilter = new LinkedHashMap<>();
		for (String name : List.of("已超期", "我的群组任务", "今日到期")) {
			String filter = filterService.createFilterQuery().filterName(name).singleResult().getId();
			Map<String, Object> byUser = new LinkedHashMap<>();
			byUser.put("townshipRunner", tasklistQuery(runner, filter));
			byUser.put("taskForce", tasklistQuery("taskforce-1", filter));
			byFilter.put(name, byUser);
		}
		queries.put("tasklistFilters", byFilter);
		w3.put("queries", queries);
		w3.put("township", township);
		return w3;
	}

	Map<String, Object> supervisionQuery(String township) {
		String uri = "/api/supervision/overdue?township=" + township + "&page=0&size=20";
		return timed(50, () -> get("manager-1", uri));
	}

	/** A Tasklist filter (「已超期」 unless told), first page by due date, as Tasklist posts it for a user. */
	Map<String, Object> tasklistQuery(String runner, String overdueFilter) {
		String uri = "/engine-rest/filter/" + overdueFilter + "/list?firstResult=0&maxResults=15";
		String sorting = "{\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"}]}";
		return timed(20, () -> post(runner, uri, sorting));
	}

	/** p50/p95 of a request after a warm-up, and the SELECTs one such request sends. */
	Map<String, Object> timed(int samples, Runnable request) {
		for (int i = 0; i < 3; i++) {
			request.run();
		}
		Latencies latency = new Latencies();
		for (int i = 0; i < samples; i++) {
			latency.time(request);
		}
		Map<String, Object> figures = latency.summary();
		figures.put("statements", statements(request));
		return figures;
	}

	/**
	 * What one request costs in the database: its SELECTs, caught by the server's general log, each run again three
	 * times on its own (median), the slowest first, with the plan of the slowest. Other connections' statements of
	 * the same moment (the job executor's acquisition) may appear too; they are cheap.
	 */
	List<Map<String, Object>> statements(Runnable request) {
		List<String> selects;
		try {
			selects = StatementCensus.logged(jdbc, () -> {
				request.run();
				return null;
			}).stream().filter(sql -> sql.stripLeading().toLowerCase().startsWith("select")).toList();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		record Cost(String sql, double p50Ms) {
		}
		List<Cost> costs = new ArrayList<>();
		for (String sql : selects) {
			Latencies latency = new Latencies();
			for (int i = 0; i < 3; i++) {
				latency.time(() -> jdbc.queryForList(sql));
			}
			costs.add(new Cost(sql, latency.percentile(50)));
		}
		costs.sort((a, b) -> Double.compare(b.p50Ms(), a.p50Ms()));
		List<Map<String, Object>> slowest = new ArrayList<>();
		for (Cost cost : costs.subList(0, Math.min(5, costs.size()))) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("p50Ms", cost.p50Ms());
			entry.put("sql", cost.sql().length() > 300 ? cost.sql().substring(0, 300) + "…" : cost.sql());
			if (slowest.isEmpty()) {
				entry.put("plan", jdbc.queryForList("explain " + cost.sql()));
			}
			slowest.add(entry);
		}
		return slowest;
	}

	/**
	 * Grows the database to {@code W3_OPEN_RUNS} open runs, each with its open fetch task (a fifth of them overdue,
	 * a fifth carded), and to {@code W3_HISTORIC_TASKS} rows of task history, by copying the rows W1 and W2 wrote.
	 */
	Map<String, Object> bulkLoad() {
		BulkLoad bulk = new BulkLoad(jdbc);
		Map<String, Object> load = new LinkedHashMap<>();
		long open = bulk.count("select count(*) from zpp_proxy_run where state in ('FETCHING', 'AWAITING_ISSUE')");
		int perTownship = (int) Math.ceil((W3_OPEN_RUNS - open) / (double) townships.size());
		jdbc.execute("set foreign_key_checks = 0");
		try {
			for (Division township : perTownship > 0 ? townships : List.<Division>of()) {
				// one real W2 run of the township, waiting at its fetch task, is the template
				Map<String, Object> template = jdbc.queryForMap("select r.id, r.case_no, t.ID_ task_id"
						+ " from zpp_proxy_run r join ACT_RU_TASK t on t.PROC_INST_ID_ = r.process_instance_id"
						+ " and t.TASK_DEF_KEY_ = 'fetchCertificate' where r.township_code = ? and r.certificate_code = ?"
						+ " limit 1", township.getCode(), VILLAGE_CERTIFICATE);
				String prefix = "BK" + township.getCode().substring(0, Math.min(6, township.getCode().length()));
				String taskId = (String) template.get("task_id");
				bulk.copy("zpp_proxy_run", "t.id = " + template.get("id"), perTownship,
						Map.of("ID", "null", "CASE_NO", "concat('" + prefix + "-', s.seq)",
								// a fifth carded (half of them red, levels 1–3), the rest not yet; deadlines spread
								"CARD", "case when s.seq % 10 = 0 then 'RED' when s.seq % 10 = 5 then 'YELLOW' else 'NONE' end",
								"ESCALATION_LEVEL", "case when s.seq % 10 = 0 then 1 + s.seq % 3 else 0 end",
								"DEADLINE", "date_sub(t.deadline, interval s.seq % 60 day)"));
				bulk.copy("ACT_RU_TASK", "t.ID_ = '" + taskId + "'", perTownship,
						Map.of("ID_", "concat('" + prefix + "-', s.seq)",
								"DUE_DATE_", "date_sub(now(), interval cast(s.seq % 5 as signed) - 1 day)"));
				bulk.copy("ACT_RU_IDENTITYLINK", "t.TASK_ID_ = '" + taskId + "'", perTownship,
						Map.of("ID_", "concat('" + prefix + "-il-', t.ID_, '-', s.seq)",
								"TASK_ID_", "concat('" + prefix + "-', s.seq)"));
				bulk.copy("ACT_RU_AUTHORIZATION", "t.RESOURCE_ID_ = '" + taskId + "'", perTownship,
						Map.of("ID_", "concat('" + prefix + "-au-', t.ID_, '-', s.seq)",
								"RESOURCE_ID_", "concat('" + prefix + "-', s.seq)"));
			}
			long historic = bulk.count("select count(*) from ACT_HI_TASKINST");
			int copies = (int) Math.ceil((W3_HISTORIC_TASKS - historic) / (double) historic);
			if (copies > 0) {
				bulk.copy("ACT_HI_TASKINST", "1 = 1", copies, Map.of("ID_", "concat(t.ID_, '-h', s.seq)"));
			}
		}
		finally {
			jdbc.execute("set foreign_key_checks = 1");
		}
		jdbc.execute("analyze table zpp_proxy_run, ACT_RU_TASK, ACT_RU_IDENTITYLINK, ACT_RU_AUTHORIZATION, ACT_HI_TASKINST");
		load.put("openRuns", bulk.count("select count(*) from zpp_proxy_run where state in ('FETCHING', 'AWAITING_ISSUE')"));
		load.put("cardedOpenRuns", bulk.count("select count(*) from zpp_proxy_run where card <> 'NONE'"
				+ " and state in ('FETCHING', 'AWAITING_ISSUE')"));
		load.put("openTasks", bulk.count("select count(*) from ACT_RU_TASK"));
		load.put("overdueOpenTasks", bulk.count("select count(*) from ACT_RU_TASK where DUE_DATE_ < now()"));
		load.put("historicTasks", bulk.count("select count(*) from ACT_HI_TASKINST"));
		load.put("authorizations", bulk.count("select count(*) from ACT_RU_AUTHORIZATION"));
		return load;
	}

	// ------------------------------------------------------------------ plumbing

	String get(String user, String path) {
		return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET());
	}

	String post(String user, String path, String json) {
		return send(user, HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	String send(String user, HttpRequest.Builder request) {
		try {
			HttpResponse<String> response = http.send(request
				.header("Authorization",
						"Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8)))
				.header("Accept", "application/json")
				.build(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(response.statusCode() + " " + response.body());
			}
			return response.body();
		}
		catch (IOException e) {
			throw new IllegalStateException(e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Runs {@code work} for indexes 0..count-1 on {@code clients} threads; rethrows the first failure. */
	static void inParallel(int clients, int count, IntConsumer work) throws Exception {
		AtomicInteger next = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(clients);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int c = 0; c < clients; c++) {
				futures.add(pool.submit(() -> {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						work.accept(i);
					}
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Waits for a database condition: the benchmark watches the job executor work, it does not stand in for it. */
	static void waitFor(BooleanSupplier condition, int maxSeconds) {
		Awaitility.await().atMost(Duration.ofSeconds(maxSeconds)).pollInterval(Duration.ofMillis(50))
			.until(condition::getAsBoolean);
	}

	Path databasePidFile() {
		return Path.of(jdbc.queryForObject("select @@pid_file", String.class));
	}

	long commits() {
		return jdbc.queryForObject("select variable_value from information_schema.global_status"
				+ " where variable_name = 'COM_COMMIT'", Long.class);
	}

	Map<String, Object> machine() throws IOException {
		Map<String, Object> machine = new LinkedHashMap<>();
		machine.put("cores", Runtime.getRuntime().availableProcessors());
		machine.put("memoryGiB", Files.readAllLines(Path.of("/proc/meminfo"))
			.stream()
			.filter(l -> l.startsWith("MemTotal:"))
			.map(l -> Latencies.round(Long.parseLong(l.replaceAll("\\D", "")) / 1024.0 / 1024.0))
			.findFirst()
			.orElse(null));
		machine.put("cpu", Files.readAllLines(Path.of("/proc/cpuinfo"))
			.stream()
			.filter(l -> l.startsWith("model name"))
			.map(l -> l.substring(l.indexOf(':') + 1).strip())
			.findFirst()
			.orElse("unknown"));
		machine.put("java", System.getProperty("java.vm.name") + " " + Runtime.version());
		machine.put("maxHeapMiB", ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax() / 1024 / 1024);
		return machine;
	}

	static String commit() {
		try {
			Process git = new ProcessBuilder("git", "rev-parse", "HEAD").redirectErrorStream(true).start();
			String head = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			return git.waitFor() == 0 ? head : "unknown";
		}
		catch (IOException e) {
			return "unknown";
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return "unknown";
		}
	}

	abstract String resultsFile();

	void write() throws IOException {
		Path file = Path.of("target", "bench", resultsFile());
		Files.createDirectories(file.getParent());
		new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), results);
	}
}
