package org.zhengpaopao.demandreport;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.zhengpaopao.web.ProblemDetails.invalidField;
import static org.zhengpaopao.web.ProblemDetails.problem;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengpaopao.identity.ApplicationSecurity;
import org.zhengpaopao.system.NotFoundException;

/**
 * The reform office's list and detail of demand reports on the web layer alone (the real security chains and
 * problem details, the service mocked, the clock fixed): who may read them, how a wrong filter is answered, and
 * which open step is overdue.
 */
@WebMvcTest(DemandReportController.class)
@ApplicationSecurity
@WithMockUser(username = "manager-1", authorities = { "ROLE_MANAGER", "GROUP_managers" })
class DemandReportControllerTests {

	@TestConfiguration
	static class FixedClock {

		@Bean
		Clock clock() {
			// after the verification of DemandReportTransitionsTests' report was due
			return Clock.fixed(Instant.parse("2026-12-11T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
		}
	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	DemandReportOffice reports;

	@MockitoBean
	DemandReports intake;

	@Test
	void shouldListReportsWithTheDueDateOfTheOpenStepAndWhetherItIsOverdue() throws Exception {
		var late = DemandReportTransitionsTests.report();
		var answered = DemandReportTransitionsTests.report();
		answered.recordFinding(Finding.NOT_CONFIRMED, "窗口未索要", "manager-1", DemandReportTransitionsTests.later(1),
				DemandReportTransitionsTests.REPLY_DUE);
		answered.reply("经核实不属实", "manager-1", DemandReportTransitionsTests.later(2));
		given(reports.list(DemandReportStatus.SUBMITTED, null)).willReturn(List.of(late, answered));
		given(intake.names(any())).willReturn(new DemandReports.Names("县民政局", "最低生活保障申请", "无犯罪记录证明"));

		mvc.perform(get("/api/demand-reports").param("status", "SUBMITTED"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].statusLabel").value("已受理，正在向部门核实"))
			.andExpect(jsonPath("$[0].departmentName").value("县民政局"))
			.andExpect(jsonPath("$[0].overdue").value(true))
			.andExpect(jsonPath("$[1].due").doesNotExist())
			.andExpect(jsonPath("$[1].overdue").value(false))
			.andExpect(jsonPath("$[0].contactPhone").doesNotExist());
	}

	@Test
	void shouldRefuseAStatusThatDoesNotExistNamingTheParameter() throws Exception {
		mvc.perform(get("/api/demand-reports").param("status", "OPEN"))
			.andExpect(invalidField("status", "格式不正确 / has the wrong format"));
		verifyNoInteractions(reports);
	}

	@Test
	void shouldAnswerAnUnknownTrackingNumberWithNotFound() throws Exception {
		given(reports.get("JB20261201-ZZZZZZZZ"))
			.willThrow(new NotFoundException("没有这个举报：JB20261201-ZZZZZZZZ", "no demand report JB20261201-ZZZZZZZZ"));

		mvc.perform(get("/api/demand-reports/JB20261201-ZZZZZZZZ"))
			.andExpect(problem(404, "未找到 / Not found", "no demand report JB20261201-ZZZZZZZZ"));
	}

	@Test
	@WithMockUser(username = "window-minzheng-1", authorities = { "ROLE_WINDOW", "GROUP_window-minzheng" })
	void shouldShowTheReportsToTheReformOfficeOnly() throws Exception {
		mvc.perform(get("/api/demand-reports")).andExpect(problem(403, "无权操作 / Forbidden"));
		mvc.perform(get("/api/demand-reports/JB20261207-ABCDEFGH")).andExpect(problem(403, "无权操作 / Forbidden"));
		verifyNoInteractions(reports);
	}

	@Test
	@WithAnonymousUser
	void shouldAskAnonymousCallersToLogIn() throws Exception {
		mvc.perform(get("/api/demand-reports")).andExpect(problem(401, "需要登录 / Authentication required"));
		verifyNoInteractions(reports);
	}
}
