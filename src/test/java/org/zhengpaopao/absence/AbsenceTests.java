package org.zhengpaopao.absence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * 请假代岗 over the API and in the engine, as runners, the task force and managers meet it: a real proxy-run of
 * 木陈乡 (runners-muchen) and two extra runners of that group made for these tests, the engine's clock set to a
 * Monday and moved by hand.
 */
@IntegrationTest
class AbsenceTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};
	static final ParameterizedTypeReference<List<Map<String, Object>>> JSON_LIST = new ParameterizedTypeReference<>() {
	};
	static final String GROUP = "runners-muchen";
	/** made for these tests, so that no other test's tasks or memberships are in the way */
	static final String ABSENT = "absence-runner-muchen-a";
	static final String STAND_IN = "absence-runner-muchen-b";
	static final LocalDate MONDAY = LocalDate.parse("2026-11-02");

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	Absences absences;

	@Autowired
	AbsenceStarts absenceStarts;

	@Autowired
	TaskService taskService;

	@Autowired
	ProcessEngine processEngine;

	@Autowired
	IdentityService identityService;

	@Autowired
	ManagementService managementService;

	@Autowired
	Organization organization;

	@Autowired
	Catalog catalog;

	@Autowired
	Applications applications;

	@Autowired
	JdbcTemplate jdbc;

	final List<Long> recorded = new ArrayList<>();
	final List<String> usersMade = new ArrayList<>();

	@BeforeEach
	void mondayMorningWithTwoExtraRunners() {
		ClockUtil.setCurrentTime(at(MONDAY, "09:00"));
		makeStaff(ABSENT, GROUP);
		makeStaff(STAND_IN, GROUP);
	}

	@AfterEach
	void forgetAbsencesAndRunners() {
		// absences are kept for ever in the application; here they go, so that no later test meets an absent runner
		recorded.forEach(id -> jdbc.update("delete from zpp_absence where id = ?", id));
		usersMade.forEach(identityService::deleteUser);
		identityService.clearAuthentication();
		ClockUtil.reset();
	}

	// ------------------------------------------------------------------------------------------- moving tasks

	@Test
	void shouldSendAClaimedTaskBackToItsGroupWhenTheAbsenceIsRecorded() {
		ProxyRun run = openRun();
		Task fetch = fetchTask(run);
		taskService.claim(fetch.getId(), ABSENT);

		var answer = post(ABSENT, "/api/absences", absence(null, MONDAY, MONDAY.plusDays(2), "病假", null));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(answer.getBody()).containsEntry("userId", ABSENT).containsEntry("status", "ACTIVE");
		Task moved = fetchTask(run);
		assertThat(moved.getAssignee()).isNull();
		assertThat(candidateGroups(moved)).containsExactly(GROUP);
		assertThat(comments(moved)).singleElement()
			.asString()
			.contains("请假代岗：" + ABSENT + " 请假（2026-11-02 至 2026-11-04，病假）", "任务退回群组 " + GROUP);
		assertThat(historyOf(run)).anySatisfy(step -> assertThat(step).containsEntry("label", "请假代岗")
			.containsEntry("actor", ABSENT)
			.satisfies(s -> assertThat((String) s.get("note")).contains("任务退回群组")));
	}

	@Test
	void shouldSendATaskTheTaskForceTransferredToTheRunnerToTheirStandIn() {
		ProxyRun run = openRun();
		goRedAndTransferTo(run, ABSENT);
		assertThat(fetchTask(run).getAssignee()).isEqualTo(ABSENT);

		var answer = post("manager-1", "/api/absences", absence(ABSENT, today(), today(), "外出培训", STAND_IN));

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		Task moved = fetchTask(run);
		assertThat(moved.getAssignee()).isEqualTo(STAND_IN);
		assertThat(comments(moved)).anySatisfy(c -> assertThat(c).contains("外出培训", "任务转交代岗人 " + STAND_IN));
		assertThat(historyOf(run)).anySatisfy(step -> assertThat(step).containsEntry("label", "请假代岗")
			.containsEntry("actor", "manager-1"));
	}

	@Test
	void shouldTransferToTheStandInOfAnAbsentRunnerAndRefuseOneWithout() {
		ProxyRun run = openRun();
		goRed(run);
		record(ABSENT, today(), today().plusDays(1), "年假", STAND_IN);

		completeAs("taskforce-1", taskForceTask(run), transferTo(ABSENT));

		assertThat(fetchTask(run).getAssignee()).isEqualTo(STAND_IN);
		assertThat(historyOf(run)).anySatisfy(step -> assertThat(step).containsEntry("label", "工作专班转办")
			.containsEntry("note", "转办给 " + ABSENT + "（请假中，由代岗人 " + STAND_IN + " 接办）"));

		ProxyRun other = openRun();
		goRed(other);
		record(STAND_IN, today(), today(), "事假", null);
		var refused = catchThrowable(() -> completeAs("taskforce-1", taskForceTask(other), transferTo(STAND_IN)));
		assertThat(refused).hasMessageContaining(STAND_IN + " 请假（").hasMessageContaining("is absent");
		assertThat(fetchTask(other).getAssignee()).isNull();
		assertThat(taskForceTask(other)).as("the task force can choose another measure").isNotNull();
	}

	@Test
	void shouldRefuseAClaimByAnAbsentRunnerThroughEngineRest() {
		ProxyRun run = openRun();
		record(ABSENT, today(), today().plusDays(3), "病假", null);
		Task fetch = fetchTask(run);

		var claim = engineRest(ABSENT, "/engine-rest/task/" + fetch.getId() + "/claim", Map.of("userId", ABSENT));

		assertThat(claim.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) claim.getBody().get("message")).contains(ABSENT + " 正在请假（2026-11-02 至 2026-11-05）",
				"cannot be claimed by or assigned to them");
		var assign = engineRest("admin", "/engine-rest/task/" + fetch.getId() + "/assignee", Map.of("userId", ABSENT));
		assertThat(assign.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(fetchTask(run).getAssignee()).isNull();

		var colleague = engineRest(STAND_IN, "/engine-rest/task/" + fetch.getId() + "/claim", Map.of("userId", STAND_IN));
		assertThat(colleague.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void shouldMoveTheTasksOfAFutureAbsenceWhenItsFirstDayComes() {
		ProxyRun run = openRun();
		taskService.claim(fetchTask(run).getId(), ABSENT);
		long id = record(ABSENT, MONDAY.plusDays(2), MONDAY.plusDays(4), "婚假", null);

		assertThat(fetchTask(run).getAssignee()).as("not yet").isEqualTo(ABSENT);
		ClockUtil.setCurrentTime(at(MONDAY.plusDays(1), "23:59"));
		absenceStarts.sweep();
		assertThat(fetchTask(run).getAssignee()).as("the day before").isEqualTo(ABSENT);

		ClockUtil.setCurrentTime(at(MONDAY.plusDays(2), "00:01"));
		absenceStarts.sweep();

		assertThat(fetchTask(run).getAssignee()).isNull();
		assertThat(historyOf(run)).filteredOn(step -> "请假代岗".equals(step.get("label")))
			.singleElement()
			.satisfies(step -> assertThat(step).containsEntry("actor", "system"));
		assertThat(absences.start(id, "system")).as("started once only").isFalse();
	}

	@Test
	void shouldMoveNothingBackWhenTheAbsenceEndsEarly() {
		ProxyRun run = openRun();
		taskService.claim(fetchTask(run).getId(), ABSENT);
		long id = record(ABSENT, today(), today().plusDays(4), "病假", null);
		ClockUtil.setCurrentTime(at(MONDAY.plusDays(1), "10:00"));

		var ended = post(ABSENT, "/api/absences/" + id + "/end", null);

		assertThat(ended.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(ended.getBody()).containsEntry("status", "ENDED").containsEntry("endedBy", ABSENT);
		assertThat(fetchTask(run).getAssignee()).isNull();
		assertThat(post(ABSENT, "/api/absences/" + id + "/end", null).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		var claim = engineRest(ABSENT, "/engine-rest/task/" + fetchTask(run).getId() + "/claim", Map.of("userId", ABSENT));
		assertThat(claim.getStatusCode()).as("back at work").isEqualTo(HttpStatus.NO_CONTENT);
	}

	@Test
	void shouldSendAWindowClerksClaimedDecisionBackWithACommentOnly() {
		Matter matter = catalog.matters()
			.stream()
			.filter(m -> {
				var entries = catalog.entriesInForce(m.getCode());
				return !entries.isEmpty() && entries.stream().allMatch(e -> e.getDisposition() == Disposition.CANCELLED);
			})
			.findFirst()
			.orElseThrow();
		String window = Groups.window(matter.getUsingDepartmentCode());
		String clerk = "absence-" + window + "-a";
		makeStaff(clerk, window);
		String caseNo = applications.take(new NewApplication("李四", "330825199001014569", "13905705678", "muchen",
				"muchen-shuangdai", matter.getCode(), List.of(), List.of(), true), null, window + "-1")
			.application()
			.getCaseNo();
		Task decision = taskService.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey("decideApplication")
			.singleResult();
		taskService.claim(decision.getId(), clerk);

		record(clerk, today(), today(), "调休", null);

		Task moved = taskService.createTaskQuery().taskId(decision.getId()).singleResult();
		assertThat(moved.getAssignee()).isNull();
		assertThat(candidateGroups(moved)).containsExactly(window);
		assertThat(comments(moved)).singleElement()
			.asString()
			.contains("请假代岗：" + clerk + " 请假（2026-11-02 至 2026-11-02，调休），任务退回群组 " + window);
	}

	// ------------------------------------------------------------------------------------------- coverage

	@Test
	void shouldRaiseACoverageGapWhileEveryRunnerOfATownshipIsAbsent() {
		// the villages with an agent of their own (沐尘村, 社里村) stay covered by their agent
		List<String> villages = organization.villagesOf("muchen")
			.stream()
			.map(v -> v.getCode())
			.filter(village -> identityService.createUserQuery()
				.memberOfGroup(Groups.villageAgents(village))
				.count() == 0)
			.toList();
		assertThat(villages).isNotEmpty();
		List<String> members = identityService.createUserQuery()
			.memberOfGroup(GROUP)
			.list()
			.stream()
			.map(u -> u.getId())
			.toList();
		for (String member : members.subList(0, members.size() - 1)) {
			record(member, today(), today(), "集中学习", null);
		}
		assertThat(villageGaps()).as("one runner is still at work").doesNotContainAnyElementsOf(villages);

		long last = record(members.get(members.size() - 1), today(), today().plusDays(1), "集中学习", null);

		assertThat(villageGaps()).containsAll(villages);
		absences.end(last, "manager-1");
		assertThat(villageGaps()).doesNotContainAnyElementsOf(villages);
	}

	// ------------------------------------------------------------------------------------------- the API's rules

	@Test
	void shouldRefuseWrongDatesUnknownStandInsAndOverlapsWithProblemDetails() {
		assertInvalid(absence(null, MONDAY.plusDays(3), MONDAY, "病假", null), "to", "结束日期不能早于开始日期");
		assertInvalid(absence(null, MONDAY, MONDAY.plusDays(90), "病假", null), "to", "at most 90 days");
		assertInvalid(absence(null, MONDAY, MONDAY, " ", null), "reason", "请填写请假原因");
		assertInvalid(absence(null, MONDAY, MONDAY, "病假", "nobody-such"), "standIn", "no such user");
		assertInvalid(absence(null, MONDAY, MONDAY, "病假", ABSENT), "standIn", "cannot be the absent person");
		assertInvalid(absence(null, MONDAY, MONDAY, "病假", "runner-huzhen-1"), "standIn", "shares no runner or clerk group");
		Map<String, Object> wrongDate = absence(null, MONDAY, MONDAY, "病假", null);
		wrongDate.put("from", "2026/11/02");
		assertInvalid(wrongDate, "from", "YYYY-MM-DD");

		record(ABSENT, MONDAY.plusDays(7), MONDAY.plusDays(9), "年假", null);
		var overlapping = post(ABSENT, "/api/absences", absence(null, MONDAY.plusDays(9), MONDAY.plusDays(10), "病假", null));
		assertThat(overlapping.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat((String) overlapping.getBody().get("detail")).contains("已登记 2026-11-09 至 2026-11-11 的请假",
				"already has an absence");
		record(STAND_IN, MONDAY.plusDays(5), MONDAY.plusDays(5), "事假", null);
		assertInvalid(absence(null, MONDAY.plusDays(4), MONDAY.plusDays(5), "病假", STAND_IN), "standIn", "is absent too");
		assertInvalid(absence(null, MONDAY.plusDays(12), MONDAY.plusDays(12), "病假", STAND_IN), null, null);
	}

	@Test
	void shouldLetARunnerRecordOnlyTheirOwnAbsenceAndAManagerAnybodys() {
		var forSomebodyElse = post("runner-muchen-1", "/api/absences", absence(ABSENT, MONDAY, MONDAY, "病假", null));
		assertThat(forSomebodyElse.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat((String) forSomebodyElse.getBody().get("detail")).contains("only managers");
		var notARunner = post("taskforce-1", "/api/absences", absence(null, MONDAY, MONDAY, "病假", null));
		assertThat(notARunner.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);

		var byManager = post("manager-1", "/api/absences", absence(ABSENT, MONDAY.plusDays(1), MONDAY.plusDays(1), "病假", null));
		assertThat(byManager.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(byManager.getBody()).containsEntry("recordedBy", "manager-1").containsEntry("status", "PLANNED");

		assertThat(list(ABSENT, "/api/absences")).extracting(a -> a.get("userId")).containsExactly(ABSENT);
		assertThat(list(STAND_IN, "/api/absences")).isEmpty();
		assertThat(get(STAND_IN, "/api/absences?userId=" + ABSENT).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(list("manager-1", "/api/absences?userId=" + ABSENT)).extracting(a -> a.get("reason"))
			.containsExactly("病假");
		long id = recorded.get(0);
		assertThat(post(STAND_IN, "/api/absences/" + id + "/end", null).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		var cancelled = post("manager-1", "/api/absences/" + id + "/end", null);
		assertThat(cancelled.getBody()).containsEntry("status", "CANCELLED");
		assertThat(list(ABSENT, "/api/absences")).isEmpty();
	}

	// ------------------------------------------------------------------------------------------- helpers

	static Date at(LocalDate day, String time) {
		return Date.from(LocalDateTime.of(day, java.time.LocalTime.parse(time)).atZone(BEIJING).toInstant());
	}

	static LocalDate today() {
		return LocalDate.ofInstant(ClockUtil.getCurrentTime().toInstant(), BEIJING);
	}

	void makeStaff(String id, String group) {
		if (identityService.createUserQuery().userId(id).count() == 0) {
			var user = identityService.newUser(id);
			user.setFirstName(id);
			user.setLastName("");
			user.setPassword("demo");
			identityService.saveUser(user);
			identityService.createMembership(id, group);
		}
		usersMade.add(id);
	}

	/** 木陈乡双岱村, 残疾人证明 for 民政: routed to runners-muchen. */
	ProxyRun openRun() {
		return proxyRuns.open(new NewProxyRun("李四", "330825199001014569", "13905705678", "muchen", "muchen-shuangdai",
				"ZM-0032", "minzheng", true), "window-minzheng-1");
	}

	Task fetchTask(ProxyRun run) {
		return taskService.createTaskQuery()
			.processInstanceId(run.getProcessInstanceId())
			.taskDefinitionKey("fetchCertificate")
			.singleResult();
	}

	Task taskForceTask(ProxyRun run) {
		return taskService.createTaskQuery()
			.processInstanceId(run.getProcessInstanceId())
			.taskDefinitionKey("handleOverdueRun")
			.singleResult();
	}

	List<String> candidateGroups(Task task) {
		return taskService.getIdentityLinksForTask(task.getId())
			.stream()
			.filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
			.map(link -> link.getGroupId())
			.toList();
	}

	List<String> comments(Task task) {
		return taskService.getTaskComments(task.getId()).stream().map(Comment::getFullMessage).toList();
	}

	/** The yellow and red card timers run, as the job executor would at their due dates; the clock stays after. */
	void goRed(ProxyRun run) {
		for (String timer : List.of("yellowCardDue", "deadlineReached")) {
			var job = managementService.createJobQuery()
				.processInstanceId(run.getProcessInstanceId())
				.activityId(timer)
				.singleResult();
			if (job.getDuedate().after(ClockUtil.getCurrentTime())) {
				ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
			}
			managementService.executeJob(job.getId());
		}
	}

	void goRedAndTransferTo(ProxyRun run, String runner) {
		goRed(run);
		completeAs("taskforce-1", taskForceTask(run), transferTo(runner));
	}

	static Map<String, Object> transferTo(String runner) {
		return Map.of("supervisionAction", "transfer", "transferTo", runner);
	}

	void completeAs(String user, Task task, Map<String, Object> variables) {
		TasklistUser.claimAndComplete(processEngine, user, task.getId(), variables);
	}

	long record(String userId, LocalDate from, LocalDate to, String reason, String standIn) {
		long id = absences.record(new NewAbsence(userId, from.toString(), to.toString(), reason, standIn), "manager-1")
			.getId();
		recorded.add(id);
		return id;
	}

	static Map<String, Object> absence(String userId, LocalDate from, LocalDate to, String reason, String standIn) {
		Map<String, Object> body = new HashMap<>();
		if (userId != null) {
			body.put("userId", userId);
		}
		body.put("from", from.toString());
		body.put("to", to.toString());
		body.put("reason", reason);
		if (standIn != null) {
			body.put("standIn", standIn);
		}
		return body;
	}

	void assertInvalid(Map<String, Object> body, String field, String message) {
		var answer = post(ABSENT, "/api/absences", body);
		if (field == null) {
			assertThat(answer.getStatusCode()).as("valid: %s", answer.getBody()).isEqualTo(HttpStatus.CREATED);
			return;
		}
		assertThat(answer.getStatusCode()).as("%s", answer.getBody()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(answer.getBody().get("errors")).asInstanceOf(InstanceOfAssertFactories.LIST)
			.singleElement()
			.satisfies(error -> {
				Map<?, ?> problem = (Map<?, ?>) error;
				assertThat(problem.get("field")).isEqualTo(field);
				assertThat((String) problem.get("message")).contains(message).contains(" / ");
			});
	}

	List<String> villageGaps() {
		var answer = get("manager-1", "/api/coverage");
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		List<Map<String, Object>> gaps = (List<Map<String, Object>>) answer.getBody().get("gaps");
		return gaps.stream().filter(gap -> "VILLAGE".equals(gap.get("kind"))).map(gap -> (String) gap.get("code")).toList();
	}

	List<Map<String, Object>> historyOf(ProxyRun run) {
		return (List<Map<String, Object>>) get("manager-1", "/api/proxy-runs/" + run.getCaseNo()).getBody().get("steps");
	}

	ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, "demo");
		var answer = http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
		if (path.equals("/api/absences") && answer.getStatusCode().is2xxSuccessful()) {
			recorded.add(((Number) answer.getBody().get("id")).longValue());
		}
		return answer;
	}

	/** Engine REST of this suite's engine (the MySQL-family suite's has a name of its own). */
	ResponseEntity<Map<String, Object>> engineRest(String user, String path, Object body) {
		String engine = processEngine.getName();
		return post(user, engine.equals("default") ? path : path.replace("/engine-rest/", "/engine-rest/engine/" + engine + "/"),
				body);
	}

	ResponseEntity<Map<String, Object>> get(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
	}

	List<Map<String, Object>> list(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		var answer = http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON_LIST);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		return answer.getBody();
	}
}
