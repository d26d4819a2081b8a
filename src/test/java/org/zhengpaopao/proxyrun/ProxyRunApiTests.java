package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestNotifications.RecordingNotifier;

/** The window's, the staff's and the applicant's calls over HTTP, as a browser or client makes them. */
@IntegrationTest
class ProxyRunApiTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@Autowired
	TestRestTemplate http;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	RecordingNotifier notifier;

	static Map<String, Object> validRequest() {
		Map<String, Object> request = new HashMap<>();
		request.put("applicantName", "李四");
		request.put("idNumber", "330825199001014569");
		request.put("phone", "13905705678");
		request.put("townshipCode", "muchen");
		request.put("villageCode", "muchen-shuangdai");
		request.put("certificateCode", "ZM-0032");
		request.put("usingDepartmentCode", "minzheng");
		request.put("authorizedAtWindow", true);
		return request;
	}

	ResponseEntity<Map<String, Object>> post(String user, String path, Object body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		if (user != null) {
			headers.setBasicAuth(user, "demo");
		}
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
	}

	ResponseEntity<Map<String, Object>> get(String user, String path) {
		HttpHeaders headers = new HttpHeaders();
		if (user != null) {
			headers.setBasicAuth(user, "demo");
		}
		return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), JSON);
	}

	long runs() {
		return runtimeService.createProcessInstanceQuery().processDefinitionKey("proxy-run").count();
	}

	@Test
	void shouldOpenARunAtTheWindowWithTheCaseNumberAsBusinessKey() {
		var request = validRequest();
		request.put("applicantName", "𠮷野家");
		var response = post("window-minzheng-1", "/api/proxy-runs", request);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String caseNo = (String) response.getBody().get("caseNo");
		assertThat(caseNo).matches("DP\\d{8}-\\d{6}");
		assertThat(response.getHeaders().getLocation()).hasToString("/api/proxy-runs/" + caseNo);
		assertThat(response.getBody()).containsEntry("applicantName", "𠮷野家")
			.containsEntry("idNumber", "330***********4569")
			.containsEntry("runnerGroup", "runners-muchen")
			.containsEntry("state", "FETCHING");
		assertThat((String) response.getBody().get("dueAt")).endsWith("T18:00:00+08:00");
		assertThat((String) response.getBody().get("createdAt")).endsWith("+08:00");
		assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).count()).isOne();

		var fetched = get("runner-muchen-1", "/api/proxy-runs/" + caseNo);
		assertThat(fetched.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(fetched.getBody()).containsEntry("applicantName", "𠮷野家");
		assertThat((List<?>) fetched.getBody().get("steps")).hasSize(3);
	}

	@Test
	void shouldRefuseAWrongCheckDigitNamingTheFieldInChineseAndEnglish() {
		long before = runs();
		var request = validRequest();
		request.put("idNumber", "330825199001014568");

		var response = post("window-minzheng-1", "/api/proxy-runs", request);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(errors(response)).containsExactly(
				Map.of("field", "idNumber", "message", "身份证号码校验位错误 / the check digit of the ID number is wrong"));
		assertThat(runs()).isEqualTo(before);
	}

	@Test
	void shouldNameEveryMissingField() {
		var response = post("window-minzheng-1", "/api/proxy-runs", Map.of("applicantName", "王五"));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(errors(response)).extracting(e -> e.get("field"))
			.containsExactlyInAnyOrder("idNumber", "phone", "townshipCode", "villageCode", "certificateCode",
					"usingDepartmentCode", "authorizedAtWindow");
		assertThat(errors(response)).allSatisfy(e -> assertThat(e.get("message")).isEqualTo("必填 / is required"));
	}

	@Test
	void shouldRefuseUnknownOrMismatchedCodesAndStoreNothing() {
		long before = runs();
		assertRefused(Map.of("certificateCode", "ZM-9999"), "certificateCode", "the catalog has no such certificate");
		assertRefused(Map.of("certificateCode", "ZM-0002"), "certificateCode", "not a proxy-run certificate");
		assertRefused(Map.of("townshipCode", "atlantis"), "townshipCode", "unknown township");
		assertRefused(Map.of("villageCode", "atlantis-1"), "villageCode", "unknown village");
		assertRefused(Map.of("villageCode", "huzhen-xiaku"), "villageCode", "does not belong to that township");
		assertRefused(Map.of("usingDepartmentCode", "nowhere"), "usingDepartmentCode", "unknown using department");
		assertRefused(Map.of("phone", "12345"), "phone", "11-digit");
		assertThat(runs()).isEqualTo(before);
	}

	void assertRefused(Map<String, Object> change, String field, String english) {
		var request = validRequest();
		request.putAll(change);
		var response = post("window-minzheng-1", "/api/proxy-runs", request);
		assertThat(response.getStatusCode()).as(change.toString()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(errors(response)).singleElement().satisfies(e -> {
			assertThat(e.get("field")).isEqualTo(field);
			assertThat((String) e.get("message")).contains(english).containsPattern("\\p{IsHan}");
		});
	}

	@SuppressWarnings("unchecked")
	static List<Map<String, Object>> errors(ResponseEntity<Map<String, Object>> response) {
		return (List<Map<String, Object>>) response.getBody().get("errors");
	}

	@Test
	void shouldLetOnlyAuthenticatedWindowStaffOpenRuns() {
		assertThat(post(null, "/api/proxy-runs", validRequest()).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(post("runner-muchen-1", "/api/proxy-runs", validRequest()).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);
		// another user than the other tests': Camunda delays the next login after a wrong password
		var wrongPassword = new HttpHeaders();
		wrongPassword.setBasicAuth("window-sifa-1", "guess");
		assertThat(http.exchange("/api/proxy-runs/DP1", HttpMethod.GET, new HttpEntity<>(wrongPassword), JSON)
			.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldLetTheApplicantConfirmOnlineWithALimitedNumberOfTries() {
		var request = validRequest();
		request.put("authorizedAtWindow", false);
		var opened = post("window-minzheng-1", "/api/proxy-runs", request).getBody();
		assertThat(opened).containsEntry("state", "AWAITING_AUTHORIZATION");
		assertThat((String) opened.get("authorizationDue")).as("close of business, Beijing time").endsWith("T18:00:00+08:00");
		String caseNo = (String) opened.get("caseNo");
		String jobId = managementService.createJobQuery()
			.processInstanceId(runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseNo)
				.singleResult()
				.getId())
			.singleResult()
			.getId();
		managementService.executeJob(jobId);
		String code = notifier.lastCodeFor(caseNo);
		String wrong = code.equals("000000") ? "111111" : "000000";

		var unknownCase = post(null, "/public/api/authorizations", Map.of("caseNo", "DP20000101-000000", "code", code));
		var wrongCode = post(null, "/public/api/authorizations", Map.of("caseNo", caseNo, "code", wrong));
		assertThat(wrongCode.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(errors(wrongCode)).isEqualTo(errors(unknownCase));

		var confirmed = post(null, "/public/api/authorizations", Map.of("caseNo", caseNo, "code", code));
		assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(get("window-minzheng-1", "/api/proxy-runs/" + caseNo).getBody()).containsEntry("state", "FETCHING");
	}

	@Test
	void shouldLockTheCodeAfterFiveWrongTries() {
		var request = validRequest();
		request.put("authorizedAtWindow", false);
		String caseNo = (String) post("window-minzheng-1", "/api/proxy-runs", request).getBody().get("caseNo");
		managementService.executeJob(managementService.createJobQuery()
			.processInstanceId(runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseNo)
				.singleResult()
				.getId())
			.singleResult()
			.getId());
		String code = notifier.lastCodeFor(caseNo);
		String wrong = code.equals("000000") ? "111111" : "000000";
		for (int i = 0; i < 5; i++) {
			post(null, "/public/api/authorizations", Map.of("caseNo", caseNo, "code", wrong));
		}
		// the case number is locked for a while (PublicAttemptsTests), and after that the run's own code is used up
		assertThat(post(null, "/public/api/authorizations", Map.of("caseNo", caseNo, "code", code)).getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofMinutes(15))));
		try {
			var locked = post(null, "/public/api/authorizations", Map.of("caseNo", caseNo, "code", code));
			assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
			assertThat(locked.getBody()).as("the same as for a number that does not exist")
				.isEqualTo(post(null, "/public/api/authorizations", Map.of("caseNo", "DP20000101-000001", "code", code))
					.getBody());
		}
		finally {
			ClockUtil.reset();
		}
		assertThat(get("window-minzheng-1", "/api/proxy-runs/" + caseNo).getBody())
			.containsEntry("state", "AWAITING_AUTHORIZATION");
	}

	@Test
	void shouldShowTheApplicantProgressOnlyWithTheRightPhone() {
		String caseNo = (String) post("window-minzheng-1", "/api/proxy-runs", validRequest()).getBody().get("caseNo");

		var progress = post(null, "/public/api/track", Map.of("caseNo", caseNo, "phone", "13905705678"));
		assertThat(progress.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(progress.getBody()).containsEntry("stateLabel", "代跑员调取中")
			.containsOnlyKeys("caseNo", "state", "stateLabel", "finished", "deadline", "steps");
		assertThat(progress.getBody().toString()).doesNotContain("李四", "330825", "window-minzheng-1");

		var wrongPhone = post(null, "/public/api/track", Map.of("caseNo", caseNo, "phone", "13900000000"));
		var unknownCase = post(null, "/public/api/track", Map.of("caseNo", "DP20000101-000000", "phone", "13905705678"));
		assertThat(wrongPhone.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(wrongPhone.getBody().get("detail")).isEqualTo(unknownCase.getBody().get("detail"));
	}

	@Test
	void shouldServeThePublicPagesInChinese() {
		var authorize = http.getForEntity("/public/authorize", String.class);
		assertThat(authorize.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(authorize.getBody()).contains("确认代跑授权", "验证码");
		assertThat(http.getForEntity("/public/track", String.class).getBody()).contains("办件进度查询", "手机号码");
	}
}
