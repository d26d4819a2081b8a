package org.zhengpaopao.demandreport;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.zhengpaopao.web.ProblemDetails.invalidField;
import static org.zhengpaopao.web.ProblemDetails.problem;

import java.time.LocalDate;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.zhengpaopao.identity.ApplicationSecurity;
import org.zhengpaopao.publicguard.PublicAttempts;
import org.zhengpaopao.system.InvalidInputException;

/**
 * The public report page's calls on the web layer alone, without login (the real security chains and problem
 * details, the service and the lock-out counts mocked): a repeat is answered like a new report, the tracking answer
 * has no contact, and a body that does not fit is refused naming the field before the service sees it.
 */
@WebMvcTest(PublicDemandReportController.class)
@ApplicationSecurity
class PublicDemandReportControllerTests {

	static final String VALID = """
			{ "departmentCode": "minzheng", "matterCode": "SX-001", "certificateCode": "ZM-0002",
			  "demandedOn": "2026-12-03", "contactName": "钱七", "contactPhone": "13905701111",
			  "details": "窗口要求提供无犯罪记录证明" }
			""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DemandReports reports;

	@MockitoBean
	PublicAttempts attempts;

	static MockHttpServletRequestBuilder submit(String json) {
		return post("/public/api/demand-reports").contentType(MediaType.APPLICATION_JSON).content(json);
	}

	@Test
	void shouldAnswerARepeatExactlyLikeANewReport() throws Exception {
		var first = DemandReportTransitionsTests.report();
		var repeat = DemandReportTransitionsTests.repeatOf(first);
		given(reports.submit(any(), anyString())).willReturn(new DemandReports.Submission(first, false));
		String answerToNew = mvc.perform(submit(VALID))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		given(reports.submit(any(), anyString())).willReturn(new DemandReports.Submission(repeat, true));

		mvc.perform(submit(VALID))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.trackingNumber").value(repeat.getTrackingNumber()))
			.andExpect(jsonPath("$.duplicate").value(false))
			.andExpect(content().json(answerToNew.replace(first.getTrackingNumber(), repeat.getTrackingNumber()),
					true));
	}

	@Test
	void shouldHandTheServiceThePhoneInItsOneSpelling() throws Exception {
		given(reports.submit(any(), anyString()))
			.willReturn(new DemandReports.Submission(DemandReportTransitionsTests.report(), false));

		mvc.perform(submit(VALID.replace("13905701111", "\\uFEFF１３９０５７０１１１１ "))).andExpect(status().isCreated());

		verify(reports).submit(eq(new NewDemandReport("minzheng", "SX-001", "ZM-0002", LocalDate.of(2026, 12, 3), "钱七",
				"13905701111", "窗口要求提供无犯罪记录证明")), anyString());
	}

	@Test
	void shouldRefuseADayThatDoesNotExistOrAnUnknownFieldBeforeTheServiceSeesIt() throws Exception {
		mvc.perform(submit(VALID.replace("2026-12-03", "2026-02-30")))
			.andExpect(invalidField("demandedOn", "类型或格式不对 / has the wrong type or format"));
		mvc.perform(submit(VALID.replace("2026-12-03", "yesterday")))
			.andExpect(invalidField("demandedOn", "类型或格式不对 / has the wrong type or format"));
		mvc.perform(submit(VALID.replace("\"details\"", "\"remarks\"")))
			.andExpect(invalidField("remarks", "不是可接受的字段 / is not a known field"));
		mvc.perform(submit(VALID.replace("\"13905701111\"", "13905701111")))
			.andExpect(invalidField("contactPhone", "应为文本 / should be text"));
		mvc.perform(submit("[" + VALID + "]")).andExpect(problem(400, "请求数据有误 / Invalid request"));
		verifyNoInteractions(reports);
	}

	@Test
	void shouldPassTheServicesRefusalOnNamingTheFieldInBothLanguages() throws Exception {
		given(reports.submit(any(), anyString()))
			.willThrow(new InvalidInputException("demandedOn", "索要日期不能晚于今天", "the date cannot be in the future"));

		mvc.perform(submit(VALID))
			.andExpect(invalidField("demandedOn", "索要日期不能晚于今天 / the date cannot be in the future"));
	}

	@Test
	void shouldTrackAReportWithoutTheContactOrTheDetails() throws Exception {
		var attempt = mock(PublicAttempts.Attempt.class);
		given(attempts.begin(anyString(), anyString())).willReturn(attempt);
		given(attempt.caseNumber()).willReturn("JB20261207-ABCDEFGH");
		given(reports.track("JB20261207-ABCDEFGH")).willReturn(Optional.of(DemandReportTransitionsTests.report()));
		given(reports.names(any())).willReturn(new DemandReports.Names("县民政局", "最低生活保障申请", "无犯罪记录证明"));

		mvc.perform(post("/public/api/demand-reports/track").contentType(MediaType.APPLICATION_JSON)
			.content("{ \"trackingNumber\": \"jb20261207-abcdefgh\" }"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.statusLabel").value("已受理，正在向部门核实"))
			.andExpect(jsonPath("$.dispositionLabel").value("砍掉"))
			.andExpect(content().string(not(containsString("钱七"))))
			.andExpect(content().string(not(containsString("13905701111"))))
			.andExpect(content().string(not(containsString("窗口要求"))));
		verify(attempt).succeeded();
	}

	@Test
	void shouldAnswerAnUnknownTrackingNumberWithNotFound() throws Exception {
		var attempt = mock(PublicAttempts.Attempt.class);
		given(attempts.begin(anyString(), anyString())).willReturn(attempt);
		given(attempt.caseNumber()).willReturn("JB20261201-ZZZZZZZZ");
		given(reports.track(any())).willReturn(Optional.empty());

		mvc.perform(post("/public/api/demand-reports/track").contentType(MediaType.APPLICATION_JSON)
			.content("{ \"trackingNumber\": \"JB20261201-ZZZZZZZZ\" }"))
			.andExpect(problem(404, "未找到 / Not found", "no report has this tracking number"));
	}
}
