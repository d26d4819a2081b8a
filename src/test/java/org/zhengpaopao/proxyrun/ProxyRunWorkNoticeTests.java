package org.zhengpaopao.proxyrun;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.absence.Absences;
import org.zhengpaopao.absence.NewAbsence;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.OutboxContents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * A card reaches the runner who holds the task in person, as a DingTalk work notice whose button opens the task in
 * Tasklist. application-test.yaml configures the enterprise app on the port of the stand-in DingTalk started here
 * and maps {@code runner-huzhen-1} to the DingTalk user {@code dt-runner-huzhen-1}; nobody else is mapped.
 */
@IntegrationTest
class ProxyRunWorkNoticeTests {

	static final String SEND = "/topapi/message/corpconversation/asyncsend_v2";
	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static WireMockServer dingTalk;

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	OutboxContents outbox;

	@Autowired
	Absences absences;

	@BeforeAll
	static void startDingTalk(@Value("${test.dingtalk-app-port}") int port) {
		dingTalk = new WireMockServer(wireMockConfig().port(port));
		dingTalk.start();
	}

	@AfterAll
	static void stopDingTalk() {
		dingTalk.stop();
	}

	@BeforeEach
	void answerAsDingTalk() {
		dingTalk.resetAll();
		dingTalk.stubFor(get(urlPathEqualTo("/gettoken"))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"access_token\":\"app-token\",\"expires_in\":7200}")));
		dingTalk.stubFor(post(urlPathEqualTo(SEND))
			.willReturn(okJson("{\"errcode\":0,\"errmsg\":\"ok\",\"task_id\":256271667526,\"request_id\":\"r1\"}")));
		ClockUtil.setCurrentTime(at("2026-09-24T10:00"));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
		engine.getIdentityService().clearAuthentication();
	}

	static Date at(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant());
	}

	/** Opens a run for the township, its runner claims the fetch task; returns the task. */
	Task claimedRun(String township, String village, String runner) {
		ProxyRun run = openRun(township, village);
		Task fetch = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(run.getCaseNo())
			.singleResult();
		engine.getTaskService().claim(fetch.getId(), runner);
		return fetch;
	}

	void fireYellowCard(Task task) {
		Job job = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(task.getProcessInstanceId())
			.activityId("yellowCardDue")
			.singleResult();
		ClockUtil.setCurrentTime(at("2026-09-29T18:01"));
		engine.getManagementService().executeJob(job.getId());
	}

	static List<LoggedRequest> workNotices() {
		return dingTalk.findAll(postRequestedFor(urlPathEqualTo(SEND)));
	}

	String caseNo(Task task) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processInstanceId(task.getProcessInstanceId())
			.singleResult()
			.getBusinessKey();
	}

	@Test
	void shouldSendTheYellowCardToTheHoldersDingTalkWithALinkToTheTask() throws Exception {
		Task fetch = claimedRun("huzhen", "huzhen-xiaku", "runner-huzhen-1");

		fireYellowCard(fetch);

		await().atMost(Duration.ofSeconds(10)).until(() -> workNotices().size() == 1);
		JsonNode body = new ObjectMapper().readTree(workNotices().get(0).getBodyAsString());
		assertThat(body.path("agent_id").asLong()).isEqualTo(3001L);
		assertThat(body.path("userid_list").asText()).isEqualTo("dt-runner-huzhen-1");
		JsonNode card = body.path("msg").path("action_card");
		assertThat(card.path("title").asText()).isEqualTo("黄牌预警 " + caseNo(fetch));
		assertThat(card.path("markdown").asText()).contains("即将到期", "@runner-huzhen-1");
		assertThat(card.path("single_url").asText())
			.endsWith("/camunda/app/tasklist/default/#/?task=" + fetch.getId());
		assertThat(outbox.groupMessagesWithLinksAbout(caseNo(fetch))).as("the group still reads it, with the link")
			.filteredOn(m -> m.title().startsWith("黄牌预警"))
			.singleElement()
			.satisfies(m -> assertThat(m.link()).endsWith("#/?task=" + fetch.getId()));
	}

	@Test
	void shouldTellOnlyTheGroupWithTheLinkWhenTheHolderHasNoDingTalkUserId() {
		Task fetch = claimedRun("xikou", "xikou-lingshan", "runner-county-1"); // 溪口's ZM-0009 goes to the county group

		fireYellowCard(fetch);

		List<GroupMessage> posts = outbox.groupMessagesWithLinksAbout(caseNo(fetch));
		assertThat(posts).filteredOn(m -> m.title().startsWith("黄牌预警"))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.groupId()).isEqualTo("runners-county");
				assertThat(m.text()).contains("@runner-county-1");
				assertThat(m.link()).endsWith("/camunda/app/tasklist/default/#/?task=" + fetch.getId());
			});
		assertThat(outbox.staffNoticesAbout(caseNo(fetch))).isEmpty();
		assertThat(workNotices()).isEmpty();
	}

	@Test
	void shouldFetchTheAppsTokenOnceForTwoNotices() {
		Task first = claimedRun("huzhen", "huzhen-xiaku", "runner-huzhen-1");
		Task second = claimedRun("huzhen", "huzhen-xiaku", "runner-huzhen-1");

		fireYellowCard(first);
		fireYellowCard(second);

		await().atMost(Duration.ofSeconds(10)).until(() -> workNotices().size() == 2);
		assertThat(workNotices()).extracting(r -> r.queryParameter("access_token").firstValue())
			.containsOnly("app-token");
		assertThat(dingTalk.findAll(getRequestedFor(urlPathEqualTo("/gettoken")))).hasSizeLessThanOrEqualTo(1);
	}

	void goRedAndTransferTo(Task fetch, String runner) {
		for (String timer : List.of("yellowCardDue", "deadlineReached")) {
			Job job = engine.getManagementService()
				.createJobQuery()
				.processInstanceId(fetch.getProcessInstanceId())
				.activityId(timer)
				.singleResult();
			ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
			engine.getManagementService().executeJob(job.getId());
		}
		Task taskForce = engine.getTaskService()
			.createTaskQuery()
			.processInstanceId(fetch.getProcessInstanceId())
			.taskDefinitionKey("handleOverdueRun")
			.singleResult();
		TasklistUser.claimAndComplete(engine, "taskforce-1", taskForce.getId(),
				Map.of("supervisionAction", "transfer", "transferTo", runner));
	}

	JsonNode onlyWorkNoticeTitled(String title) throws Exception {
		await().atMost(Duration.ofSeconds(10)).until(() -> workNotices().stream()
			.anyMatch(request -> request.getBodyAsString().contains(title)));
		List<LoggedRequest> matching = workNotices().stream()
			.filter(request -> request.getBodyAsString().contains(title))
			.toList();
		assertThat(matching).hasSize(1);
		return new ObjectMapper().readTree(matching.get(0).getBodyAsString());
	}

	@Test
	void shouldTellTheRunnerInPersonWhenTheTaskForceTransfersTheTaskToThem() throws Exception {
		Task fetch = engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(openRun("huzhen", "huzhen-xiaku").getCaseNo())
			.singleResult();

		goRedAndTransferTo(fetch, "runner-huzhen-1");

		JsonNode body = onlyWorkNoticeTitled("工作专班转办 " + caseNo(fetch));
		assertThat(body.path("userid_list").asText()).isEqualTo("dt-runner-huzhen-1");
		assertThat(body.path("msg").path("action_card").path("markdown").asText()).contains("转办给您");
		assertThat(body.path("msg").path("action_card").path("single_url").asText())
			.endsWith("#/?task=" + fetch.getId());
	}

	@Test
	void shouldTellTheStandInInPersonWhenAnAbsenceMovesTheTaskToThem() throws Exception {
		String absent = "worknotice-runner-huzhen-absent";
		var identity = engine.getIdentityService();
		var user = identity.newUser(absent);
		user.setFirstName("请假");
		user.setLastName("代跑员");
		identity.saveUser(user);
		identity.createMembership(absent, "runners-huzhen");
		Long absence = null;
		try {
			Task fetch = engine.getTaskService()
				.createTaskQuery()
				.processInstanceBusinessKey(openRun("huzhen", "huzhen-xiaku").getCaseNo())
				.singleResult();
			goRedAndTransferTo(fetch, absent);
			String today = "2026-09-30";

			absence = absences.record(new NewAbsence(absent, today, today, "外出培训", "runner-huzhen-1"), "manager-1")
				.getId();

			JsonNode body = onlyWorkNoticeTitled("请假代岗 " + caseNo(fetch));
			assertThat(body.path("userid_list").asText()).isEqualTo("dt-runner-huzhen-1");
			JsonNode card = body.path("msg").path("action_card");
			assertThat(card.path("markdown").asText()).contains(absent + " 请假", "代岗办理")
				.as("the reason of an absence is nobody else's business")
				.doesNotContain("外出培训");
			assertThat(card.path("single_url").asText()).endsWith("#/?task=" + fetch.getId());
		}
		finally {
			if (absence != null) {
				absences.end(absence, "manager-1");
			}
			identity.deleteUser(absent);
		}
	}

	ProxyRun openRun(String township, String village) {
		return proxyRuns.open(new NewProxyRun("孙八", "330825198503121239", "13905701111", township, village,
				"ZM-0009", "renshe", true), "window-renshe-1");
	}
}
