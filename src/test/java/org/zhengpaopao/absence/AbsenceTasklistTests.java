package org.zhengpaopao.absence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.zhengpaopao.absence.AbsenceTests.ABSENT;
import static org.zhengpaopao.absence.AbsenceTests.GROUP;
import static org.zhengpaopao.absence.AbsenceTests.MONDAY;
import static org.zhengpaopao.absence.AbsenceTests.at;

import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.WebappSession;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * An absent runner's claim, refused in Tasklist itself. On the H2 suite only: the webapps log into the engine
 * named {@code default}, which is this suite's (the MySQL-family suite's engine has a name of its own, and
 * MariaDbAbsenceTests checks the refusal through engine REST).
 */
@IntegrationTest
class AbsenceTasklistTests {

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	Absences absences;

	@Autowired
	TaskService taskService;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcTemplate jdbc;

	Long recorded;

	@BeforeEach
	void mondayMorningWithAnExtraRunner() {
		ClockUtil.setCurrentTime(at(MONDAY, "09:00"));
		if (identityService.createUserQuery().userId(ABSENT).count() == 0) {
			var user = identityService.newUser(ABSENT);
			user.setFirstName(ABSENT);
			user.setLastName("");
			user.setPassword("demo");
			identityService.saveUser(user);
			identityService.createMembership(ABSENT, GROUP);
		}
	}

	@AfterEach
	void forgetTheAbsenceAndTheRunner() {
		if (recorded != null) {
			jdbc.update("delete from zpp_absence where id = ?", recorded);
		}
		identityService.deleteUser(ABSENT);
		ClockUtil.reset();
	}

	@Test
	void shouldShowTheRefusalOfAClaimInTasklist() {
		ProxyRun run = proxyRuns.open(new NewProxyRun("李四", "330825199001014569", "13905705678", "muchen",
				"muchen-shuangdai", "ZM-0032", "minzheng", true), "window-minzheng-1");
		recorded = absences.record(new NewAbsence(ABSENT, MONDAY.toString(), MONDAY.plusDays(3).toString(), "病假", null),
				"manager-1").getId();
		Task fetch = fetchTask(run);

		WebappSession tasklist = WebappSession.login(http, ABSENT, "tasklist");
		HttpHeaders asTasklist = tasklist.cookiesAndToken(tasklist.csrfToken());
		asTasklist.setContentType(MediaType.APPLICATION_JSON);
		var inTasklist = http.exchange("/camunda/api/engine/engine/default/task/" + fetch.getId() + "/claim",
				HttpMethod.POST, new HttpEntity<>(Map.of("userId", ABSENT), asTasklist), String.class);

		// Tasklist's engine API answers as /engine-rest does (EngineRestErrors), and Tasklist shows the message
		assertThat(inTasklist.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(inTasklist.getBody()).contains(ABSENT + " 正在请假（2026-11-02 至 2026-11-05）",
				"is absent from 2026-11-02 to 2026-11-05");
		assertThat(fetchTask(run).getAssignee()).isNull();
	}

	Task fetchTask(ProxyRun run) {
		return taskService.createTaskQuery()
			.processInstanceId(run.getProcessInstanceId())
			.taskDefinitionKey("fetchCertificate")
			.singleResult();
	}
}
