package org.zhengpaopao.application;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.zhengpaopao.web.ProblemDetails.invalidField;
import static org.zhengpaopao.web.ProblemDetails.problem;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.Intake;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.identity.ApplicationSecurity;

/**
 * The window's intake of a case on the web layer alone (the real security chains and problem details, the service
 * mocked): what the request body must look like before the service is asked, and who sees a case.
 */
@WebMvcTest(ApplicationController.class)
@ApplicationSecurity
@WithMockUser(username = "window-minzheng-1", authorities = { "ROLE_WINDOW", "GROUP_window-minzheng" })
class ApplicationControllerTests {

	static final String CASE_NO = "BJ20261207-000001";

	static final String VALID = """
			{ "applicantName": "王建国", "idNumber": "330825199111110025", "phone": "13905700001",
			  "townshipCode": "huzhen", "villageCode": "huzhen-xiaku", "matterCode": "SX-001",
			  "requiredCertificates": ["ZM-0114"], "commitments": ["ZM-0114"], "authorizedAtWindow": true }
			""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Applications applications;

	static Application taken() {
		var application = new Application(
				Applicant.person("王建国", "330825199111110025", "13905700001"),
				new Application.Residence("huzhen", "huzhen-xiaku"), Intake.WINDOW,
				"SX-001", "最低生活保障申请", "minzheng", true, null, null, "window-minzheng-1",
				Instant.parse("2026-12-07T02:00:00Z"));
		application.assignCaseNo(CASE_NO);
		application.require(new RequiredCertificate.Terms("ZM-0114", "居住证明", 114, 1, Disposition.REPLACED,
				Replacement.COMMITMENT, "告知承诺", null, 5), Handling.COMMITMENT, "申请人签署告知承诺书",
				Instant.parse("2026-12-07T02:00:00Z"));
		return application;
	}

	static MockHttpServletRequestBuilder take(String json) {
		return post("/api/applications").contentType(MediaType.APPLICATION_JSON).content(json);
	}

	@Test
	void shouldAnswerCreatedWithTheCaseNumberAndWhatWillHappenToEachCertificate() throws Exception {
		given(applications.take(any(), any(), eq("window-minzheng-1")))
			.willReturn(new Applications.Taken(taken(), true));

		mvc.perform(take(VALID))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/applications/" + CASE_NO))
			.andExpect(jsonPath("$.idNumber").value("330***********0025"))
			.andExpect(jsonPath("$.certificates[0].handlingLabel").value("告知承诺"))
			.andExpect(jsonPath("$.certificates[0].plan").value("申请人签署告知承诺书"));
		verify(applications).take(new NewApplication("王建国", "330825199111110025", "13905700001", "huzhen",
				"huzhen-xiaku", "SX-001", List.of("ZM-0114"), List.of("ZM-0114"), true), null, "window-minzheng-1");
	}

	@Test
	void shouldRefuseAnEmptyEntryInACertificateListNamingTheList() throws Exception {
		mvc.perform(take(VALID.replace("\"requiredCertificates\": [\"ZM-0114\"]", "\"requiredCertificates\": [null]")))
			.andExpect(invalidField("requiredCertificates", "列表中不能有空值 / the list may not contain null"));
		mvc.perform(take(VALID.replace("\"commitments\": [\"ZM-0114\"]", "\"commitments\": [\"ZM-0114\", null]")))
			.andExpect(invalidField("commitments", "列表中不能有空值 / the list may not contain null"));
		verifyNoInteractions(applications);
	}

	@Test
	void shouldRefuseACertificateListGivenAsText() throws Exception {
		mvc.perform(take(VALID.replace("[\"ZM-0114\"], \"commitments\"", "\"ZM-0114\", \"commitments\"")))
			.andExpect(invalidField("requiredCertificates", "应为列表 / should be a list"));
		verifyNoInteractions(applications);
	}

	@Test
	void shouldRefuseUnknownFieldsAndValuesOfAnotherType() throws Exception {
		mvc.perform(take(VALID.replace("\"matterCode\"", "\"matter\"")))
			.andExpect(invalidField("matter", "不是可接受的字段 / is not a known field"));
		mvc.perform(take(VALID.replace("\"authorizedAtWindow\": true", "\"authorizedAtWindow\": \"yes\"")))
			.andExpect(invalidField("authorizedAtWindow", "应为 true 或 false / should be true or false"));
		mvc.perform(take(VALID.replace("\"SX-001\"", "1"))).andExpect(invalidField("matterCode", "应为文本 / should be text"));
		mvc.perform(take("{\"matterCode\": ")).andExpect(problem(400, "请求数据有误 / Invalid request"));
		verifyNoInteractions(applications);
	}

	@Test
	@WithMockUser(username = "runner-county-1", authorities = { "ROLE_RUNNER", "GROUP_runners-county" })
	void shouldLetOnlyTheWindowTakeACase() throws Exception {
		mvc.perform(take(VALID)).andExpect(problem(403, "无权操作 / Forbidden"));
		verifyNoInteractions(applications);
	}

	@Test
	@WithMockUser(username = "window-sifa-1", authorities = { "ROLE_WINDOW", "GROUP_window-sifa" })
	void shouldAnswerACaseOfAnotherWindowAsIfItDidNotExist() throws Exception {
		given(applications.find(CASE_NO)).willReturn(Optional.of(taken()));

		mvc.perform(get("/api/applications/" + CASE_NO))
			.andExpect(problem(404, "未找到 / Not found", "no application " + CASE_NO));
	}

	@Test
	@WithMockUser(username = "manager-1", authorities = { "ROLE_MANAGER", "GROUP_managers" })
	void shouldShowACaseToThoseWhoSupervise() throws Exception {
		given(applications.find(CASE_NO)).willReturn(Optional.of(taken()));

		mvc.perform(get("/api/applications/" + CASE_NO))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.caseNo").value(CASE_NO))
			.andExpect(jsonPath("$.phone").value("139****0001"));
	}
}
