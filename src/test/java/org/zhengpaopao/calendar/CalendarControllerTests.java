package org.zhengpaopao.calendar;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.SerializationFeature;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;

/** The controller alone on a standalone MockMvc: no application context, no security. */
class CalendarControllerTests {

	// Jackson as Spring Boot configures it: ISO strings for java.time values
	private final MockMvc mvc = MockMvcBuilders
		.standaloneSetup(new CalendarController(CalendarFixtures.seededCalendar(LocalDate.of(2026, 6, 1))))
		.setMessageConverters(new MappingJackson2HttpMessageConverter(
				Jackson2ObjectMapperBuilder.json().featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build()))
		.build();

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
	void shouldRejectWorkingDaysAbove250AndBadDates() throws Exception {
		mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-12").param("workingDays", "251"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/calendar/deadline").param("from", "2026-02-12").param("workingDays", "-1"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/calendar/deadline").param("from", "12/02/2026").param("workingDays", "1"))
			.andExpect(status().isBadRequest());
		mvc.perform(get("/api/calendar/deadline").param("workingDays", "1")).andExpect(status().isBadRequest());
	}
}
