package org.zhengpaopao;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged jar with the {@code mysql} profile on a MariaDB server of its own, treated roughly: killed with
 * SIGKILL under load and restarted, and cut off from its database for a while.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MariaDbPackagedJarTests {

	static final Pattern CASE_NO = Pattern.compile("\"caseNo\":\"(DP[0-9-]+)\"");
	static final String RUN = """
			{"applicantName": "孙十三", "idNumber": "330825198503121239", "phone": "13905707777",
			 "townshipCode": "huzhen", "villageCode": "huzhen-xiaku", "certificateCode": "ZM-0009",
			 "usingDepartmentCode": "renshe", "authorizedAtWindow": true}""";

	@TempDir
	static Path workDir;

	static MariaDb database;
	static RunningJar app;
	static final List<String> accepted = new ArrayList<>();

	@BeforeAll
	static void start() throws Exception {
		database = MariaDb.startSeparate("zhengpaopao_crash");
		app = new RunningJar(workDir,
				Map.of("MYSQL_URL", database.url(), "MYSQL_USER", database.user(), "MYSQL_PASSWORD", database.password()),
				"--spring.profiles.active=demo,mysql")
			.start()
			.awaitReady(Duration.ofMinutes(4));
	}

	@AfterAll
	static void stop() throws Exception {
		if (app != null) {
			app.stop();
		}
		database.stop();
	}

	Connection jdbc() throws SQLException {
		return DriverManager.getConnection(database.url(), database.user(), database.password());
	}

	long count(String sql, Object... parameters) throws SQLException {
		try (var connection = jdbc(); var statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setObject(i + 1, parameters[i]);
			}
			try (var result = statement.executeQuery()) {
				result.next();
				return result.getLong(1);
			}
		}
	}

	/** Moves the yellow-card timers of these runs into the past, as if they had fallen due while no node ran. */
	void yellowCardsFallDue(List<String> caseNos) throws SQLException {
		try (var connection = jdbc(); var statement = connection.prepareStatement("""
				update ACT_RU_JOB set DUEDATE_ = ? where JOB_DEF_ID_ in
				(select ID_ from ACT_RU_JOBDEF where ACT_ID_ = 'yellowCardDue') and PROCESS_INSTANCE_ID_ =
				(select process_instance_id from zpp_proxy_run where case_no = ?)""")) {
			for (String caseNo : caseNos) {
				statement.setTimestamp(1, Timestamp.from(Instant.now().minus(Duration.ofMinutes(10))));
				statement.setString(2, caseNo);
				assertThat(statement.executeUpdate()).as("yellow-card timer of " + caseNo).isOne();
			}
		}
	}

	long yellowCardsOf(String caseNo) throws SQLException {
		return count("select count(*) from zpp_proxy_run_step s join zpp_proxy_run p on p.id = s.proxy_run_id "
				+ "where p.case_no = ? and s.step = 'yellowCard'", caseNo);
	}

	/** Waits until each run has its yellow card, then checks it has exactly one. */
	void awaitYellowCards(List<String> caseNos, Duration limit) throws SQLException {
		Awaitility.await("yellow cards of " + caseNos).atMost(limit).pollInterval(Duration.ofMillis(500)).until(() -> {
			for (String caseNo : caseNos) {
				if (yellowCardsOf(caseNo) == 0) {
					return false;
				}
			}
			return true;
		});
		for (String caseNo : caseNos) {
			assertThat(yellowCardsOf(caseNo)).as("yellow cards of " + caseNo).isOne();
		}
	}

	@Test
	@Order(1)
	void shouldLoseNothingAcceptedWhenANodeIsKilledUnderLoad() throws Exception {
		ConcurrentLinkedQueue<String> acceptedCases = new ConcurrentLinkedQueue<>();
		AtomicBoolean killed = new AtomicBoolean();
		ExecutorService windows = Executors.newFixedThreadPool(4);
		for (int window = 0; window < 4; window++) {
			windows.submit(() -> {
				while (!killed.get()) {
					try {
						var response = app.postJson("/api/proxy-runs", "window-renshe-1", RUN);
						Matcher caseNo = CASE_NO.matcher(response.body());
						if (response.statusCode() == 201 && caseNo.find()) {
							acceptedCases.add(caseNo.group(1));
						}
					}
					catch (IOException | InterruptedException cutOff) {
						// the node died under this request: not accepted, as far as the window knows
					}
				}
			});
		}
		Awaitility.await("30 runs accepted").atMost(Duration.ofMinutes(2)).until(() -> acceptedCases.size() >= 30);
		app.kill();
		killed.set(true);
		windows.shutdown();
		assertThat(windows.awaitTermination(1, TimeUnit.MINUTES)).isTrue();
		accepted.addAll(acceptedCases);

		// while no node runs, the yellow cards of some runs fall due
		List<String> dueWhileDown = accepted.subList(0, 5);
		yellowCardsFallDue(dueWhileDown);
		app.start().awaitReady(Duration.ofMinutes(3));

		for (String caseNo : accepted) {
			var run = app.get("/api/proxy-runs/" + caseNo, "manager-1");
			assertThat(run.statusCode()).as(caseNo).isEqualTo(200);
			assertThat(count("select count(*) from ACT_RU_TASK t join zpp_proxy_run p on t.PROC_INST_ID_ = "
					+ "p.process_instance_id where p.case_no = ? and t.TASK_DEF_KEY_ = 'fetchCertificate'", caseNo))
				.as("the runner's task of " + caseNo)
				.isOne();
		}
		// every stored run is whole: it has its process, and every process has its run; nothing twice
		assertThat(count("select count(*) from zpp_proxy_run")).isGreaterThanOrEqualTo(accepted.size());
		assertThat(count("select count(*) - count(distinct case_no) from zpp_proxy_run")).isZero();
		assertThat(count("select count(*) from zpp_proxy_run p where p.process_instance_id is null or not exists "
				+ "(select 1 from ACT_RU_EXECUTION e where e.ID_ = p.process_instance_id)")).isZero();
		assertThat(count("select count(*) from ACT_RU_EXECUTION e where e.PARENT_ID_ is null and e.BUSINESS_KEY_ like 'DP%' "
				+ "and not exists (select 1 from zpp_proxy_run p where p.case_no = e.BUSINESS_KEY_)")).isZero();
		awaitYellowCards(dueWhileDown, Duration.ofMinutes(1));
	}

	@Test
	@Order(2)
	void shouldAnswer503WhileTheDatabaseIsDownAndResumeWhenItIsBack() throws Exception {
		String caseNo = accepted.get(accepted.size() - 1);
		database.stop();
		try {
			var read = app.get("/api/proxy-runs/" + caseNo, "manager-1");
			assertThat(read.statusCode()).as(() -> read.body() + "\n" + app.logTail()).isEqualTo(503);
			assertThat(read.body()).contains("数据库暂时无法连接");
			assertThat(read.headers().firstValue("Retry-After")).isPresent();
			var write = app.postJson("/api/proxy-runs", "window-renshe-1", RUN);
			assertThat(write.statusCode()).as(() -> write.body() + "\n" + app.logTail()).isEqualTo(503);
		}
		finally {
			database.start();
		}

		// answers again without a restart
		Awaitility.await("answers again").atMost(Duration.ofMinutes(1)).pollInterval(Duration.ofMillis(500))
			.until(() -> app.get("/api/proxy-runs/" + caseNo, "manager-1").statusCode() == 200);
		var opened = app.postJson("/api/proxy-runs", "window-renshe-1", RUN);
		assertThat(opened.statusCode()).isEqualTo(201);
		// the job executor is back at work too
		List<String> afterOutage = accepted.subList(5, 8);
		yellowCardsFallDue(afterOutage);
		awaitYellowCards(afterOutage, Duration.ofMinutes(1));
	}
}
