package org.zhengpaopao.catalog;

import static org.hamcrest.Matchers.contains;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.zhengpaopao.web.ProblemDetails.invalidField;
import static org.zhengpaopao.web.ProblemDetails.problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.http.MediaType;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.zhengpaopao.identity.ApplicationSecurity;

/**
 * The catalog API on the web layer alone (the real security chains and problem details, the catalog mocked):
 * terms that do not fit their disposition, unknown choices and wrong types are refused naming the field before the
 * catalog is asked; only its maintainers propose changes, which are answered 202 with the proposal to follow.
 */
@WebMvcTest(CatalogController.class)
@ApplicationSecurity
@WithMockUser(username = "catalog-1", authorities = { "ROLE_CATALOG_MAINTAINER", "GROUP_catalog-maintainers" })
class CatalogControllerTests {

	static final String ENTRIES = "/api/catalog/matters/SX-002/entries";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Catalog catalog;

	@MockitoBean
	CatalogReview review;

	static MockHttpServletRequestBuilder add(String json) {
		return post(ENTRIES).contentType(MediaType.APPLICATION_JSON).content(json);
	}

	@Test
	void shouldExplainTermsThatDoNotFitTheDispositionBeforeTheCatalogIsAsked() throws Exception {
		mvc.perform(add("""
				{ "certificateCode": "ZM-0014", "disposition": "PROXY", "detail": "代为调取", "reason": "增列" }"""))
			.andExpect(invalidField("deadlineWorkingDays",
					"代跑须有办结时限（1至60个工作日） / a proxy-run needs a deadline of 1 to 60 working days"));
		mvc.perform(add("""
				{ "certificateCode": "ZM-0014", "disposition": "CANCELLED", "detail": "无依据",
				  "deadlineWorkingDays": 5, "reason": "清理" }"""))
			.andExpect(invalidField("deadlineWorkingDays", "只有「代跑」才有办结时限 / only a proxy-run has a deadline"));
		mvc.perform(add("""
				{ "certificateCode": "ZM-0014", "detail": "无依据", "reason": "清理" }"""))
			.andExpect(invalidField("disposition",
					"请选择处理方式（CANCELLED/SHARED/REPLACED/PROXY） / choose a disposition"));
		verifyNoInteractions(catalog, review);
	}

	@Test
	void shouldNameTheChoicesWhenTheDispositionIsUnknown() throws Exception {
		mvc.perform(add("""
				{ "certificateCode": "ZM-0014", "disposition": "DROPPED", "detail": "无依据", "reason": "清理" }"""))
			.andExpect(invalidField("disposition", "应为以下之一：CANCELLED, SHARED, REPLACED, PROXY / "
					+ "should be one of CANCELLED, SHARED, REPLACED, PROXY"));
		verifyNoInteractions(catalog, review);
	}

	@Test
	void shouldTakeTheDeadlineAsAWholeNumberOnly() throws Exception {
		for (String deadline : List.of("\"5\"", "5.5", "true")) {
			mvc.perform(put(ENTRIES + "/ZM-0014").contentType(MediaType.APPLICATION_JSON).content("""
					{ "disposition": "PROXY", "detail": "代为调取", "deadlineWorkingDays": %s, "reason": "调整" }"""
				.formatted(deadline)))
				.andExpect(invalidField("deadlineWorkingDays", "应为整数 / should be a whole number"));
		}
		verifyNoInteractions(catalog, review);
	}

	@Test
	void shouldRefuseAnUnknownFieldWhenRetiringAnEntry() throws Exception {
		mvc.perform(post(ENTRIES + "/ZM-0014/retirement").contentType(MediaType.APPLICATION_JSON)
			.content("{ \"reason\": \"清理\", \"retired\": true }"))
			.andExpect(invalidField("retired", "不是可接受的字段 / is not a known field"));
		verifyNoInteractions(catalog, review);
	}

	@Test
	@WithMockUser(username = "window-renshe-1", authorities = { "ROLE_WINDOW", "GROUP_window-renshe" })
	void shouldLetOnlyCatalogMaintainersChangeTheCatalog() throws Exception {
		mvc.perform(add("""
				{ "certificateCode": "ZM-0014", "disposition": "CANCELLED", "detail": "x", "reason": "y" }"""))
			.andExpect(problem(403, "无权操作 / Forbidden"));
		verifyNoInteractions(catalog, review);
	}

	@Test
	void shouldProposeAChangeInsteadOfChangingTheCatalog() throws Exception {
		given(review.propose(List.of(CatalogChange.retire("SX-002", "ZM-0014")), "清理", "catalog-1"))
			.willReturn("TZ20261201-000007");

		mvc.perform(post(ENTRIES + "/ZM-0014/retirement").contentType(MediaType.APPLICATION_JSON)
			.content("{ \"reason\": \"清理\" }"))
			.andExpect(status().isAccepted())
			.andExpect(header().string("Location", "/api/catalog/proposals/TZ20261201-000007"))
			.andExpect(jsonPath("$.number").value("TZ20261201-000007"))
			.andExpect(jsonPath("$.state").value("REFORM_REVIEW"));
		verifyNoInteractions(catalog);
	}

	@Test
	@WithMockUser(username = "window-renshe-1", authorities = { "ROLE_WINDOW", "GROUP_window-renshe" })
	void shouldListOnlyTheOneIdMattersWhenAsked() throws Exception {
		given(catalog.matters(null)).willReturn(List.of(new Matter("SX-001", "最低生活保障申请", MatterCategory.LIVELIHOOD, "minzheng", true, false),
				new Matter("SX-002", "临时救助申请", MatterCategory.LIVELIHOOD, "minzheng", true, false)));
		given(catalog.oneIdFlags()).willReturn(Map.of("SX-001", true, "SX-002", false));

		mvc.perform(get("/api/catalog/matters").param("oneId", "true"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].code").value(contains("SX-001")))
			.andExpect(jsonPath("$[0].oneId").value(true));
	}

	@Test
	void shouldRefuseAFilterValueThatDoesNotExistNamingTheParameter() throws Exception {
		mvc.perform(get("/api/catalog/matters").param("category", "HEALTH"))
			.andExpect(invalidField("category", "格式不正确 / has the wrong format"));
		mvc.perform(get("/api/catalog/matters").param("oneId", "maybe"))
			.andExpect(invalidField("oneId", "格式不正确 / has the wrong format"));
		verifyNoInteractions(catalog, review);
	}

	@Test
	void shouldAnswerAnUnknownMatterWithNotFound() throws Exception {
		given(catalog.matter("SX-999")).willReturn(Optional.empty());

		mvc.perform(get("/api/catalog/matters/SX-999"))
			.andExpect(problem(404, "未找到 / Not found", "no matter SX-999"));
	}
}
