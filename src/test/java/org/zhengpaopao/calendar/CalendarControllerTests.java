package org.zhengpaopao.calendar;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.zhengpaopao.web.ProblemDetails.invalidField;
import static org.zhengpaopao.web.ProblemDetails.problem;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.test.context.support.WithAnonymousUser;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.zhengpaopao.identity.ApplicationSecurity;

/**
 * The deadline calculator on the web layer alone (the real security chains and problem details), with the real
 * calendar tables as packaged rather than a mock: the calendar is a rule in memory, and the answers are worth
 * checking across a Spring Festival.
 */
@WebMvcTest(CalendarController.class)
@ApplicationSecurity
@WithMockUser(username = "runner-county-1", authorities = { "ROLE_RUNNER", "GROUP_runners-county" })
class CalendarControllerTests {

	@TestConfiguration
	static class SeededCalendar {

		@Bean
		WorkingDayCalendar workingDayCalendar() {
			return CalendarFixtures.seededCalendar(LocalDate.of(2026, 6, 1));
		}
	}

	@Autowired
	MockMvc mvc;

	@Test
	void shouldAnswerDeadlineAcrossSpringFestival() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-12").param("workingDays", "3"))
			.andExpect(status().isOk())
			.andExpect(content().json("""
					{ "from": "2026-02-12", "workingDays": 3, "deadline": "2026-02-24",
					  "dueAt": "2026-02-24T18:00:00+08:00", "provisional": false, "provisionalYears": [] }
					""", true));
	}

	@Test
	void shouldAnswerProvisionalDeadlineIntoUnloadedYear() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("from", "2026-12-30").param("workingDays", "2"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.deadline").value("2027-01-04"))
			.andExpect(jsonPath("$.provisional").value(true))
			.andExpect(jsonPath("$.provisionalYears[0]").value(2027));
	}

	@Test
	void shouldRefuseWorkingDaysOutsideZeroTo250NamingTheParameter() throws Exception {
		for (String days : new String[] { "251", "-1" }) {
			mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-12").param("workingDays", days))
				.andExpect(invalidField("workingDays", "工作日数为 0–250 / workingDays is 0–250"));
		}
		mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-12").param("workingDays", "1.5"))
			.andExpect(invalidField("workingDays", "格式不正确 / has the wrong format"));
	}

	@Test
	void shouldRefuseADateThatIsMissingMalformedOrOutOfRange() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("from", "12/02/2026").param("workingDays", "1"))
			.andExpect(invalidField("from", "格式不正确 / has the wrong format"));
		mvc.perform(get("/api/calendar/deadline").param("workingDays", "1"))
			.andExpect(invalidField("from", "必填 / is required"));
		mvc.perform(get("/api/calendar/deadline").param("from", "1999-12-31").param("workingDays", "1"))
			.andExpect(invalidField("from",
					"日期须在 2000-01-01 至 2099-12-31 之间 / the date must be between 2000-01-01 and 2099-12-31"));
	}

	@Test
	@WithAnonymousUser
	void shouldAskAnonymousCallersToLogIn() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-12").param("workingDays", "3"))
			.andExpect(problem(401, "需要登录 / Authentication required"));
	}
}
