package org.zhengpaopao.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.engine.EngineMetricsCache;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * What Prometheus scrapes from {@code /actuator/prometheus}, with a manager's account as Prometheus does, while runs are opened,
 * delivered and carded through the real process.
 */
@IntegrationTest
class MetricsTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	ProxyRunMetrics proxyRunMetrics;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	TaskService taskService;

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identityService;

	@Autowired
	ManagementService managementService;

	@Autowired
	ApplicationContext context;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		identityService.clearAuthentication();
	}

	@Test
	void shouldExposeTheApplicationsAndCamundasMetricFamilies() {
		String scrape = scrape();

		assertThat(sample(scrape, "zhengpaopao_proxy_runs_started_total", "")).isNotNaN().isNotNegative();
		assertThat(sample(scrape, "zhengpaopao_proxy_runs_delivered_total", "")).isNotNaN().isNotNegative();
		for (String level : List.of("1", "2", "3")) {
			assertThat(sample(scrape, "zhengpaopao_proxy_runs_overdue", "level=\"" + level + "\"")).isNotNaN()
				.isNotNegative();
		}
		assertThat(sample(scrape, "zhengpaopao_proxy_runs_yellow_carded", "")).isNotNaN().isNotNegative();
		assertThat(sample(scrape, "zhengpaopao_notifications_awaiting_resend", "")).isNotNaN().isNotNegative();
		for (String camunda : List.of("camunda_root_process_instance_start_total",
				"camunda_activity_instance_start_total", "camunda_activity_instance_end_total",
				"camunda_executed_decision_instances_total", "camunda_executed_decision_elements_total",
				"camunda_job_acquisition_attempt_total", "camunda_job_acquired_success_total",
				"camunda_job_acquired_failure_total", "camunda_job_execution_rejected_total",
				"camunda_job_locked_exclusive_total", "camunda_job_successful_total", "camunda_job_failed_total")) {
			assertThat(sample(scrape, camunda, "")).as(camunda).isNotNaN().isNotNegative();
		}
		assertThat(scrape).contains("# TYPE zhengpaopao_proxy_runs_started_total counter",
				"# TYPE zhengpaopao_proxy_runs_overdue gauge", "# TYPE camunda_job_successful_total counter");
	}

	@Test
	void shouldCountARunOpenedAtTheWindowAndDelivered() {
		String before = freshScrape();

		String caseNo = proxyRuns.open(new NewProxyRun("张三", "330825198503121239", "13905701234", "huzhen",
				"huzhen-xiaku", "ZM-0009", "renshe", true), "window-renshe-1").getCaseNo();
		String opened = freshScrape();

		assertThat(sample(opened, "zhengpaopao_proxy_runs_started_total", ""))
			.isEqualTo(sample(before, "zhengpaopao_proxy_runs_started_total", "") + 1);
		assertThat(sample(opened, "zhengpaopao_proxy_runs_delivered_total", ""))
			.isEqualTo(sample(before, "zhengpaopao_proxy_runs_delivered_total", ""));
		// the engine counts its process instances and DMN decisions too (this node's, without waiting for its
		// reporter, which writes them to the database every 15 minutes)
		assertThat(sample(opened, "camunda_root_process_instance_start_total", ""))
			.isGreaterThan(sample(before, "camunda_root_process_instance_start_total", ""));
		assertThat(sample(opened, "camunda_executed_decision_instances_total", ""))
			.isGreaterThan(sample(before, "camunda_executed_decision_instances_total", ""));

		String instance = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId();
		completeAs("runner-county-1", instance, Map.of("fetchNote", "已通过协同平台提交"));
		completeAs("clerk-minzheng-1", instance, Map.of("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		completeAs("runner-county-1", instance, Map.of("deliveryConfirmed", true, "deliveryNote", "已送窗口"));
		completeAs("window-renshe-1", instance, Map.of("signOutcome", "signed"));
		String delivered = freshScrape();

		assertThat(sample(delivered, "zhengpaopao_proxy_runs_delivered_total", ""))
			.isEqualTo(sample(before, "zhengpaopao_proxy_runs_delivered_total", "") + 1);
		assertThat(sample(delivered, "zhengpaopao_proxy_runs_started_total", ""))
			.isEqualTo(sample(opened, "zhengpaopao_proxy_runs_started_total", ""));
	}

	@Test
	void shouldShowYellowAndRedRunsByEscalationLevel() {
		String before = freshScrape();

		openAndFireUntil("2026-09-29T18:30", "yellowCardDue");
		openAndFireUntil("2026-10-01T09:00", "yellowCardDue", "deadlineReached");
		String after = freshScrape();

		assertThat(sample(after, "zhengpaopao_proxy_runs_yellow_carded", ""))
			.isEqualTo(sample(before, "zhengpaopao_proxy_runs_yellow_carded", "") + 1);
		assertThat(sample(after, "zhengpaopao_proxy_runs_overdue", "level=\"1\""))
			.isEqualTo(sample(before, "zhengpaopao_proxy_runs_overdue", "level=\"1\"") + 1);
		assertThat(sample(after, "zhengpaopao_proxy_runs_overdue", "level=\"2\""))
			.isEqualTo(sample(before, "zhengpaopao_proxy_runs_overdue", "level=\"2\""));
		assertThat(sample(after, "camunda_job_successful_total", ""))
			.isGreaterThanOrEqualTo(sample(before, "camunda_job_successful_total", "") + 3);
	}

	@Test
	void shouldReadTheTablesAtMostOnceInTenSeconds() {
		String first = freshScrape();
		proxyRuns.open(new NewProxyRun("李四", "330825198503121239", "13905701234", "huzhen", "huzhen-xiaku",
				"ZM-0009", "renshe", true), "window-renshe-1");

		assertThat(sample(scrape(), "zhengpaopao_proxy_runs_started_total", ""))
			.as("a scrape right after the last one answers from the cache")
			.isEqualTo(sample(first, "zhengpaopao_proxy_runs_started_total", ""));
	}

	/** Opens a run in 模环乡 on 2026-09-24 (deadline 2026-09-30) and fires its timers up to {@code until}. */
	void openAndFireUntil(String until, String... timers) {
		ClockUtil.setCurrentTime(at("2026-09-24T10:00"));
		String caseNo = proxyRuns.open(new NewProxyRun("周九", "330825198503121239", "13905702222", "mohuan",
				"mohuan-mohuan", "ZM-0009", "renshe", true), "window-renshe-1").getCaseNo();
		String instance = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId();
		ClockUtil.setCurrentTime(at(until));
		for (String timer : timers) {
			managementService.executeJob(managementService.createJobQuery()
				.processInstanceId(instance)
				.activityId(timer)
				.singleResult()
				.getId());
		}
	}

	static Date at(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
	}

	/** Claims and completes the open task as {@code user}, as Tasklist does. */
	void completeAs(String user, String instance, Map<String, Object> variables) {
		Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
		TasklistUser.claimAndComplete(engine, user, task.getId(), variables);
	}

	/** A scrape that reads the tables and the engine's metrics now rather than within the last ten seconds. */
	String freshScrape() {
		proxyRunMetrics.expireCache();
		EngineMetricsCache.expire(context);
		return scrape();
	}

	String scrape() {
		HttpHeaders headers = new HttpHeaders();
		headers.setAccept(List.of(MediaType.TEXT_PLAIN));
		// Prometheus scrapes with a manager's account (basic_auth in its scrape config)
		headers.setBasicAuth("manager-1", "demo");
		ResponseEntity<String> response = http.exchange("/actuator/prometheus", HttpMethod.GET,
				new HttpEntity<>(headers), String.class);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	/** The value of the sample {@code name} whose labels include {@code label} (any sample when empty). */
	static double sample(String scrape, String name, String label) {
		Matcher samples = Pattern.compile("^" + Pattern.quote(name) + "(?:\\{([^}]*)\\})? (\\S+)", Pattern.MULTILINE)
			.matcher(scrape);
		while (samples.find()) {
			String labels = samples.group(1) == null ? "" : samples.group(1);
			if (label.isEmpty() || List.of(labels.split(",")).contains(label)) {
				return Double.parseDouble(samples.group(2));
			}
		}
		throw new AssertionError("no sample " + name + (label.isEmpty() ? "" : "{" + label + "}") + " in the scrape");
	}
}
