package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.camunda.bpm.engine.ProcessEngine;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.personaldata.PersonalDataView;
import org.zhengpaopao.personaldata.PersonalDataViews;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * 补充材料: the issuing clerk asked for more information, and the runner who holds the task calls the applicant. Only
 * that runner sees the full phone, on request, and the view is recorded; a colleague of the same group does not,
 * nor does the runner before claiming the task.
 */
@IntegrationTest
class SupplementApplicantPhoneTests {

	static final String PHONE = "13905708888";
	static final String COLLEAGUE = "phone-runner-huzhen-2";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	PersonalDataViews views;

	@Autowired
	TestRestTemplate http;

	String caseNo;

	@BeforeEach
	void runAwaitingMoreMaterial() {
		var identity = engine.getIdentityService();
		var colleague = identity.newUser(COLLEAGUE);
		colleague.setFirstName("同组");
		colleague.setLastName("代跑员");
		colleague.setPassword("demo");
		identity.saveUser(colleague);
		identity.createMembership(COLLEAGUE, "runners-huzhen");
		caseNo = proxyRuns.open(new NewProxyRun("孙八", "330825199003074514", PHONE, "huzhen", "huzhen-mabaoqiao",
				"ZM-0040", "ziranziyuan", true), "window-ziranziyuan-1").getCaseNo();
		TasklistUser.claimAndComplete(engine, "runner-huzhen-1", task("fetchCertificate"), Map.of("fetchNote", "已提交"));
		TasklistUser.claimAndComplete(engine, "clerk-huzhen-mabaoqiao-1", task("issueCertificate"),
				Map.of("issueOutcome", "moreInfo", "moreInfoRequest", "请补充户口簿复印件"));
	}

	@AfterEach
	void removeColleague() {
		engine.getIdentityService().deleteUser(COLLEAGUE);
	}

	String task(String key) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(key)
			.singleResult()
			.getId();
	}

	ResponseEntity<JsonNode> phoneAs(String user) {
		return http.withBasicAuth(user, "demo")
			.getForEntity("/api/proxy-runs/" + caseNo + "/applicant-phone", JsonNode.class);
	}

	boolean offeredTo(String user) {
		return http.withBasicAuth(user, "demo")
			.getForObject("/api/proxy-runs/" + caseNo, JsonNode.class)
			.path("applicantPhoneRevealable")
			.asBoolean();
	}

	@Test
	void shouldShowTheFullPhoneOnlyToTheRunnerHoldingTheSupplementTaskAndRecordIt() {
		assertThat(phoneAs("runner-huzhen-1").getStatusCode()).as("before claiming").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(offeredTo("runner-huzhen-1")).isFalse();

		engine.getTaskService().claim(task("supplementInformation"), "runner-huzhen-1");

		assertThat(offeredTo("runner-huzhen-1")).isTrue();
		assertThat(offeredTo(COLLEAGUE)).isFalse();
		ResponseEntity<JsonNode> answer = phoneAs("runner-huzhen-1");
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getBody().path("phone").asText()).isEqualTo(PHONE);
		assertThat(answer.getBody().toString()).doesNotContain("330825199003074514");
		assertThat(phoneAs(COLLEAGUE).getStatusCode()).as("a colleague of the group").isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(phoneAs("clerk-huzhen-mabaoqiao-1").getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(views.of(caseNo)).singleElement().satisfies(view -> {
			assertThat(view.getViewer()).isEqualTo("runner-huzhen-1");
			assertThat(view.getShown()).isEqualTo(PersonalDataView.Shown.PHONE);
		});
	}
}
