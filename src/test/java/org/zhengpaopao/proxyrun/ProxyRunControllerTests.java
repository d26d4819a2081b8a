package org.zhengpaopao.proxyrun;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.is;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.zhengpaopao.web.ProblemDetails.invalidField;
import static org.zhengpaopao.web.ProblemDetails.problem;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.zhengpaopao.identity.ApplicationSecurity;
import org.zhengpaopao.system.InvalidInputException;

/**
 * The window's and the staff's proxy-run API on the web layer alone (the real security chains and problem details,
 * the service mocked): what is refused before the service is asked, and how the answers look.
 */
@WebMvcTest(ProxyRunController.class)
@ApplicationSecurity
@WithMockUser(username = "window-minzheng-1", authorities = { "ROLE_WINDOW", "GROUP_window-minzheng" })
class ProxyRunControllerTests {

	static final String VALID = """
			{ "applicantName": "李四", "idNumber": "330825199001014569", "phone": "13905705678",
			  "townshipCode": "muchen", "villageCode": "muchen-shuangdai", "certificateCode": "ZM-0032",
			  "usingDepartmentCode": "minzheng", "authorizedAtWindow": true }
			""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProxyRuns proxyRuns;

	/** who holds a run's 补充材料 task: nobody, unless a test says so */
	@MockitoBean
	ProxyRunProcess process;

	/** no certificate attached to any run */
	@MockitoBean
	RunCertificates certificates;

	static MockHttpServletRequestBuilder open(String json) {
		return post("/api/proxy-runs").contentType(MediaType.APPLICATION_JSON).content(json);
	}

	static String with(String field, String json) {
		return VALID.replaceFirst("\"" + field + "\": [^,}]+", "\"" + field + "\": " + json);
	}

	@Test
	void shouldAnswerCreatedWithTheCaseNumberAndTheIdentityMasked() throws Exception {
		var run = ProxyRunTransitionsTests.fetching();
		given(proxyRuns.open(any(), isNull(), eq("window-minzheng-1"))).willReturn(new ProxyRuns.Opening(run, true));

		mvc.perform(open(VALID))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/proxy-runs/" + ProxyRunTransitionsTests.CASE_NO))
			.andExpect(jsonPath("$.caseNo").value(ProxyRunTransitionsTests.CASE_NO))
			.andExpect(jsonPath("$.idNumber").value("330***********4569"))
			.andExpect(jsonPath("$.phone").value("139****5678"))
			.andExpect(jsonPath("$.applicantRevealable").value(false))
			.andExpect(jsonPath("$.stateLabel").value("代跑员调取中"));
		verify(proxyRuns).open(new NewProxyRun("李四", "330825199001014569", "13905705678", "muchen",
				"muchen-shuangdai", "ZM-0032", "minzheng", true), null, "window-minzheng-1");
	}

	@Test
	void shouldAnswerTheSameKeyAgainWithTheRunItOpenedBefore() throws Exception {
		given(proxyRuns.open(any(), eq("key-1"), any()))
			.willReturn(new ProxyRuns.Opening(ProxyRunTransitionsTests.fetching(), false));

		mvc.perform(open(VALID).header("Idempotency-Key", "key-1"))
			.andExpect(status().isOk())
			.andExpect(header().doesNotExist("Location"));
	}

	@Test
	void shouldNameEveryMissingFieldAndNotAskTheService() throws Exception {
		mvc.perform(open("""
				{ "applicantName": "王五", "idNumber": " " }"""))
			.andExpect(problem(400, "请求数据有误 / Invalid request"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("idNumber", "phone", "townshipCode",
					"villageCode", "certificateCode", "usingDepartmentCode", "authorizedAtWindow")))
			.andExpect(jsonPath("$.errors[*].message").value(everyItem(is("必填 / is required"))));
		verifyNoInteractions(proxyRuns);
	}

	@Test
	void shouldRefuseAnUnknownFieldRatherThanFallBackToADefault() throws Exception {
		mvc.perform(open(VALID.replace("\"authorizedAtWindow\"", "\"authorisedAtWindow\"")))
			.andExpect(invalidField("authorisedAtWindow", "不是可接受的字段 / is not a known field"));
		verifyNoInteractions(proxyRuns);
	}

	@Test
	void shouldRefuseValuesOfAnotherTypeNamingTheField() throws Exception {
		mvc.perform(open(with("authorizedAtWindow", "\"true\"")))
			.andExpect(invalidField("authorizedAtWindow", "应为 true 或 false / should be true or false"));
		mvc.perform(open(with("authorizedAtWindow", "1")))
			.andExpect(invalidField("authorizedAtWindow", "应为 true 或 false / should be true or false"));
		mvc.perform(open(with("applicantName", "12345"))).andExpect(invalidField("applicantName", "应为文本 / should be text"));
		mvc.perform(open(with("phone", "[\"13905705678\"]"))).andExpect(invalidField("phone", "应为文本 / should be text"));
		verifyNoInteractions(proxyRuns);
	}

	@Test
	void shouldRefuseAFieldGivenTwiceOrAnythingAfterTheJson() throws Exception {
		mvc.perform(open(VALID.replace("{", "{ \"phone\": \"13900000000\",")))
			.andExpect(invalidField("phone", "字段重复出现 / is given more than once"));
		mvc.perform(open(VALID + " xyz"))
			.andExpect(problem(400, "请求数据有误 / Invalid request", "The request body is not valid JSON"));
		mvc.perform(open("{ \"applicantName\": "))
			.andExpect(problem(400, "请求数据有误 / Invalid request"));
		verifyNoInteractions(proxyRuns);
	}

	@Test
	void shouldAskForJsonWhenTheBodyIsSomethingElse() throws Exception {
		mvc.perform(post("/api/proxy-runs").contentType(MediaType.TEXT_PLAIN).content(VALID))
			.andExpect(problem(415, "不支持的内容类型 / Unsupported media type", "Content-Type: application/json"));
		verifyNoInteractions(proxyRuns);
	}

	@Test
	void shouldPassTheServicesRefusalOnNamingTheField() throws Exception {
		given(proxyRuns.open(any(), any(), any())).willThrow(new InvalidInputException("idNumber", "身份证号码校验位错误",
				"the check digit of the ID number is wrong"));

		mvc.perform(open(VALID))
			.andExpect(invalidField("idNumber", "身份证号码校验位错误 / the check digit of the ID number is wrong"));
	}

	@Test
	@WithMockUser(username = "runner-muchen-1", authorities = { "ROLE_RUNNER", "GROUP_runners-muchen" })
	void shouldLetOnlyTheWindowOpenARun() throws Exception {
		mvc.perform(open(VALID)).andExpect(problem(403, "无权操作 / Forbidden"));
		verifyNoInteractions(proxyRuns);
	}

	@Test
	@WithAnonymousUser
	void shouldAskAnonymousCallersToLogIn() throws Exception {
		mvc.perform(open(VALID))
			.andExpect(problem(401, "需要登录 / Authentication required"))
			.andExpect(header().string("WWW-Authenticate", "Basic realm=\"zhengpaopao\""));
		mvc.perform(get("/api/proxy-runs/" + ProxyRunTransitionsTests.CASE_NO))
			.andExpect(problem(401, "需要登录 / Authentication required"));
		verifyNoInteractions(proxyRuns);
	}

	@Test
	@WithMockUser(username = "runner-county-1", authorities = { "ROLE_RUNNER", "GROUP_runners-county" })
	void shouldAnswerARunOfAnotherGroupAsIfItDidNotExist() throws Exception {
		given(proxyRuns.find(ProxyRunTransitionsTests.CASE_NO)).willReturn(Optional.of(ProxyRunTransitionsTests.fetching()));

		mvc.perform(get("/api/proxy-runs/" + ProxyRunTransitionsTests.CASE_NO))
			.andExpect(problem(404, "未找到 / Not found", "no proxy-run " + ProxyRunTransitionsTests.CASE_NO));
	}

	@Test
	@WithMockUser(username = "runner-muchen-1", authorities = { "ROLE_RUNNER", "GROUP_runners-muchen" })
	void shouldShowTheRunToItsRunnersWithItsHistory() throws Exception {
		given(proxyRuns.find(ProxyRunTransitionsTests.CASE_NO)).willReturn(Optional.of(ProxyRunTransitionsTests.fetching()));

		mvc.perform(get("/api/proxy-runs/" + ProxyRunTransitionsTests.CASE_NO))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.runnerGroup").value("runners-muchen"))
			.andExpect(jsonPath("$.steps[*].step").value(contains("accepted", "authorizedAtWindow",
					"routed")));
	}

	@Test
	void shouldTellWhichMethodsAnAddressTakes() throws Exception {
		mvc.perform(delete("/api/proxy-runs/" + ProxyRunTransitionsTests.CASE_NO))
			.andExpect(problem(405, "不支持该请求方法 / Method not allowed", "This address does not take DELETE; it takes GET"));
	}
}
