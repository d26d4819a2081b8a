package org.zhengpaopao.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/** The overdue list as a manager reads it, with runs made yellow and red by their own timers. */
@IntegrationTest
class OverdueRunsApiTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	static Date at(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Asia/Shanghai")).toInstant());
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	/** Opens a run in 模环乡 on 2026-09-24 (deadline 2026-09-30) and fires its timers up to {@code until}. */
	String openAndFireUntil(String until, String... timers) {
		return openAndFireUntil(new NewProxyRun("周九", "330825198503121239", "13905702222", "mohuan", "mohuan-mohuan",
				"ZM-0009", "renshe", true), until, timers);
	}

	String openAndFireUntil(NewProxyRun run, String until, String... timers) {
		ClockUtil.setCurrentTime(at("2026-09-24T10:00"));
		String caseNo = proxyRuns.open(run, "window-renshe-1").getCaseNo();
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
		return caseNo;
	}

	ResponseEntity<Map<String, Object>> get(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		headers.setBasicAuth(user, "demo");
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> items(ResponseEntity<Map<String, Object>> response) {
		return (List<Map<String, Object>>) response.getBody().get("items");
	}

	@Test
	void shouldListRedRunsLongestOverdueFirstWithTheirFacts() {
		String yellow = openAndFireUntil("2026-09-29T18:30", "yellowCardDue");
		String red = openAndFireUntil("2026-10-12T09:00", "yellowCardDue", "deadlineReached");

		var response = get("manager-1", "/api/supervision/overdue?township=mohuan&size=50");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(items(response)).extracting(i -> i.get("caseNo")).contains(red, yellow);
		var redItem = items(response).stream().filter(i -> red.equals(i.get("caseNo"))).findFirst().orElseThrow();
		assertThat(redItem).containsEntry("card", "RED")
			.containsEntry("escalationLevel", 1)
			.containsEntry("townshipName", "模环乡")
			.containsEntry("certificateName", "火化证明补开")
			.containsEntry("runnerGroup", "runners-county")
			.containsEntry("deadline", "2026-09-30")
			.containsEntry("dueAt", "2026-09-30T18:00:00+08:00");
		// 8, 9, 10 (the adjusted Saturday) and 12 October: four working days after the deadline
		assertThat(redItem.get("workingDaysOverdue")).isEqualTo(4);
		assertThat((String) redItem.get("cockpitUrl")).startsWith("/camunda/app/cockpit/default/#/process-instance/");
		assertThat(items(response).indexOf(redItem))
			.isLessThan(items(response).indexOf(items(response).stream()
				.filter(i -> yellow.equals(i.get("caseNo")))
				.findFirst()
				.orElseThrow()));
		assertThat((List<?>) response.getBody().get("byTownship")).isNotEmpty();
	}

	@Test
	void shouldFilterByLevelAndPage() {
		openAndFireUntil("2026-10-01T09:00", "yellowCardDue", "deadlineReached");
		openAndFireUntil("2026-10-01T09:00", "yellowCardDue", "deadlineReached");

		var firstPage = get("manager-1", "/api/supervision/overdue?township=mohuan&level=1&size=1");
		assertThat(items(firstPage)).hasSize(1).allSatisfy(i -> assertThat(i).containsEntry("escalationLevel", 1));
		assertThat(((Number) firstPage.getBody().get("totalItems")).longValue()).isGreaterThanOrEqualTo(2);
		assertThat(items(get("manager-1", "/api/supervision/overdue?township=mohuan&level=3"))).isEmpty();

		var badLevel = get("manager-1", "/api/supervision/overdue?level=9");
		assertThat(badLevel.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldShowTheRunOfAProcessInstanceForCockpitsTab() {
		String caseNo = openAndFireUntil("2026-09-29T18:30", "yellowCardDue");
		String instance = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(caseNo)
			.singleResult()
			.getId();

		var details = get("taskforce-1", "/api/supervision/process-instances/" + instance);
		assertThat(details.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(details.getBody()).containsEntry("caseNo", caseNo).containsEntry("card", "YELLOW");
		assertThat(details.getBody().toString()).doesNotContain("330825198503121239", "13905702222");

		assertThat(get("taskforce-1", "/api/supervision/process-instances/nope").getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldNameACompanyButNoPersonInTheListAndShowTheCompanyInTheDetails() {
		String company = openAndFireUntil(new NewProxyRun(ApplicantType.COMPANY, "龙游县模环茶业有限公司", null,
				"91330825307654321B", "郑芳", "13905703333", "mohuan", "mohuan-mohuan", "ZM-0009", "renshe", true),
				"2026-09-29T18:30", "yellowCardDue");
		String person = openAndFireUntil("2026-09-29T18:30", "yellowCardDue");

		var list = items(get("manager-1", "/api/supervision/overdue?township=mohuan&size=200"));
		assertThat(list).filteredOn(i -> company.equals(i.get("caseNo")))
			.singleElement()
			.satisfies(item -> assertThat(item).containsEntry("applicantType", "COMPANY")
				.containsEntry("applicant", "企业：龙游县模环茶业有限公司"));
		assertThat(list).filteredOn(i -> person.equals(i.get("caseNo")))
			.singleElement()
			.satisfies(item -> assertThat(item).containsEntry("applicantType", "PERSON").containsEntry("applicant", "个人"));
		assertThat(list.toString()).as("the list names no person").doesNotContain("周九", "郑芳");

		String instance = runtimeService.createProcessInstanceQuery()
			.processInstanceBusinessKey(company)
			.singleResult()
			.getId();
		var details = get("taskforce-1", "/api/supervision/process-instances/" + instance).getBody();
		assertThat(details).containsEntry("applicantType", "COMPANY")
			.containsEntry("applicantTypeLabel", "企业")
			.containsEntry("applicantName", "龙游县模环茶业有限公司")
			.containsEntry("creditCode", "91330825307654321B")
			.containsEntry("contactName", "郑芳")
			.containsEntry("phone", "139****3333")
			.containsEntry("idNumber", null);
	}
}
