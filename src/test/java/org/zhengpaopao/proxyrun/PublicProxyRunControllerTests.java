package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.zhengpaopao.web.ProblemDetails.invalidField;
import static org.zhengpaopao.web.ProblemDetails.problem;

import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.zhengpaopao.identity.ApplicationSecurity;
import org.zhengpaopao.publicguard.PublicAttempts;

/**
 * The applicant's public calls (authorize, track) on the web layer alone, without login: every refusal looks the
 * same, whatever the reason, and nothing of the staff's view leaks. The service and the lock-out counts are mocked.
 */
@WebMvcTest(PublicProxyRunController.class)
@ApplicationSecurity
class PublicProxyRunControllerTests {

	static final String CASE_NO = ProxyRunTransitionsTests.CASE_NO;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	ProxyRuns proxyRuns;

	@MockitoBean
	ProxyRunAuthorizations authorizations;

	@MockitoBean
	PublicAttempts attempts;

	final PublicAttempts.Attempt attempt = mock(PublicAttempts.Attempt.class);

	@BeforeEach
	void countAttempts() {
		given(attempts.begin(anyString(), anyString())).willReturn(attempt);
		given(attempt.caseNumber()).willReturn(CASE_NO);
	}

	static MockHttpServletRequestBuilder postJson(String path, String json) {
		return post(path).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	static MockHttpServletRequestBuilder confirm(String code) {
		return postJson("/public/api/authorizations", "{ \"caseNo\": \"" + CASE_NO + "\", \"code\": \"" + code + "\" }");
	}

	@Test
	void shouldConfirmTheAuthorizationWithTheRightCodeAndTakeTheCountBack() throws Exception {
		given(authorizations.confirmAuthorization(CASE_NO, "123456")).willReturn(AuthorizationOutcome.CONFIRMED);

		mvc.perform(confirm("１２３４５６"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseNo").value(CASE_NO))
			.andExpect(jsonPath("$.message").value("授权成功，证跑跑将为您代跑证明。"));
		verify(attempt).succeeded();
	}

	@Test
	void shouldAnswerAWrongCodeAnExpiredAuthorizationAndAUsedUpCodeAlike() throws Exception {
		String[] answers = new String[3];
		AuthorizationOutcome[] outcomes = { AuthorizationOutcome.WRONG_CODE, AuthorizationOutcome.NOT_PENDING,
				AuthorizationOutcome.LOCKED };
		for (int i = 0; i < outcomes.length; i++) {
			given(authorizations.confirmAuthorization(any(), any())).willReturn(outcomes[i]);
			MvcResult result = mvc.perform(confirm("000000"))
				.andExpect(invalidField("code", "办件编号或验证码不正确，或授权已失效 / "
						+ "wrong case number or code, or the authorization is no longer pending"))
				.andReturn();
			answers[i] = result.getResponse().getContentAsString();
		}
		assertThat(answers).containsOnly(answers[0]);
		verify(attempt, never()).succeeded();
	}

	@Test
	void shouldShowTheApplicantProgressWithoutNamesNumbersOrStaff() throws Exception {
		given(proxyRuns.track(CASE_NO, "13905705678")).willReturn(Optional.of(ProxyRunTransitionsTests.fetching()));

		mvc.perform(postJson("/public/api/track", "{ \"caseNo\": \"" + CASE_NO + "\", \"phone\": \" 13905705678 \" }"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.stateLabel").value("代跑员调取中"))
			.andExpect(jsonPath("$.finished").value(false))
			.andExpect(jsonPath("$.steps[0].label").value("窗口受理代跑申请"))
			.andExpect(content().string(not(containsString("李四"))))
			.andExpect(content().string(not(containsString("330825"))))
			.andExpect(content().string(not(containsString("window-minzheng-1"))));
		verify(attempt).succeeded();
	}

	@Test
	void shouldAnswerAWrongPhoneAsNotFoundAndCountTheAttempt() throws Exception {
		given(proxyRuns.track(any(), any())).willReturn(Optional.empty());

		mvc.perform(postJson("/public/api/track", "{ \"caseNo\": \"" + CASE_NO + "\", \"phone\": \"13900000000\" }"))
			.andExpect(problem(404, "未找到 / Not found", "no proxy-run matches this case number and phone"));
		verify(attempt, never()).succeeded();
	}

	@Test
	void shouldRefuseAnUnknownFieldBeforeCountingAnAttempt() throws Exception {
		mvc.perform(postJson("/public/api/track", "{ \"caseNo\": \"" + CASE_NO + "\", \"mobile\": \"13905705678\" }"))
			.andExpect(invalidField("mobile", "不是可接受的字段 / is not a known field"));
		mvc.perform(postJson("/public/api/authorizations", "{ \"caseNo\": \"" + CASE_NO + "\", \"code\": 123456 }"))
			.andExpect(invalidField("code", "应为文本 / should be text"));
		verifyNoInteractions(attempts, proxyRuns);
	}
}
