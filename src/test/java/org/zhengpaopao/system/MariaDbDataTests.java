package org.zhengpaopao.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Date;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.MariaDbTest;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunProgress;
import org.zhengpaopao.proxyrun.ProxyRuns;

/** What MySQL treats differently from H2: characters outside the BMP, long Chinese text, and local dates. */
@MariaDbTest
class MariaDbDataTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	/** 𠮷 (U+20BB7, a surname character) and 𡈼 (U+2123C) need four bytes in UTF-8; so does 😀 */
	static final String FOUR_BYTE_NAME = "𠮷𡈼";

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	ProxyRunProgress progress;

	@Autowired
	Catalog catalog;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	ProxyRun open(String name) {
		return proxyRuns.open(new NewProxyRun(name, "330825198503121239", "13905701234", "huzhen", "huzhen-xiaku",
				"ZM-0009", "renshe", true), "window-renshe-1");
	}

	@Test
	void shouldKeepFourByteCharactersInNamesAndNotes() {
		ProxyRun run = open(FOUR_BYTE_NAME);
		progress.requestedFromIssuer(run.getCaseNo(), "runner-county-1", "已到窗口😀，经办人" + FOUR_BYTE_NAME);

		ProxyRun stored = proxyRuns.find(run.getCaseNo()).orElseThrow();
		assertThat(stored.getApplicant().name()).isEqualTo(FOUR_BYTE_NAME);
		assertThat(stored.getSteps()).last()
			.satisfies(step -> assertThat(step.getNote()).isEqualTo("已到窗口😀，经办人" + FOUR_BYTE_NAME));
		assertThat(jdbc.queryForObject("select applicant_name from zpp_proxy_run where case_no = ?", String.class,
				run.getCaseNo()))
			.isEqualTo(FOUR_BYTE_NAME);
	}

	/** V13 on MySQL: a company's run is stored without an ID number, and no row mixes a person's and a company's. */
	@Test
	void shouldStoreACompanyAndRefuseARowThatMixesItsNumbersWithAPersons() {
		ProxyRun run = proxyRuns.open(new NewProxyRun(ApplicantType.COMPANY, "龙游县湖镇𠮷祥竹业有限公司", null,
				"91350100M000100Y43", "王芳", "13905701235", "huzhen", "huzhen-xiaku", "ZM-0009", "renshe", true),
				"window-renshe-1");

		assertThat(jdbc.queryForMap("select applicant_type, applicant_name, id_number, credit_code, contact_name "
				+ "from zpp_proxy_run where case_no = ?", run.getCaseNo()))
			.containsValues("COMPANY", "龙游县湖镇𠮷祥竹业有限公司", "91350100M000100Y43", "王芳")
			.containsEntry("id_number", null);
		assertThatThrownBy(() -> jdbc.update("update zpp_proxy_run set id_number = '330825198503121239' "
				+ "where case_no = ?", run.getCaseNo())).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> jdbc.update("update zpp_proxy_run set credit_code = '91350100M000100Y43' "
				+ "where case_no = ?", open("张三").getCaseNo())).isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void shouldKeepLongChineseTextWhole() {
		String reason = "因" + "证明清单动态调整需要说明的情况".repeat(40);
		assertThat(reason.length()).isGreaterThan(500);
		String code = catalog.certificates().get(catalog.certificates().size() - 2).getCode();

		catalog.add("SX-099", code, new EntryTerms(Disposition.CANCELLED, null, reason + "😀", null, ""), "catalog-1",
				"长文本测试" + FOUR_BYTE_NAME);
		try {
			var latest = catalog.history("SX-099", code);
			assertThat(latest).last().satisfies(v -> {
				assertThat(v.getDetail()).isEqualTo(reason + "😀");
				assertThat(v.getChangeReason()).isEqualTo("长文本测试" + FOUR_BYTE_NAME);
			});
		}
		finally {
			catalog.retire("SX-099", code, "catalog-1", "测试结束");
		}
	}

	@Test
	void shouldStoreTimesAroundMidnightInShanghaiOnTheRightDay() {
		// 2026-12-31 23:59:59 in Shanghai is still 2026-12-31 15:59:59 UTC; a second later it is the new year
		Instant lastSecond = ZonedDateTime.of(2026, 12, 31, 23, 59, 59, 0, SHANGHAI).toInstant();
		ClockUtil.setCurrentTime(Date.from(lastSecond));
		ProxyRun before = open("跨年一");
		ClockUtil.setCurrentTime(Date.from(lastSecond.plusSeconds(2)));
		ProxyRun after = open("跨年二");

		assertThat(proxyRuns.find(before.getCaseNo()).orElseThrow().getCreatedAt()).isEqualTo(lastSecond);
		assertThat(proxyRuns.find(after.getCaseNo()).orElseThrow().getCreatedAt()).isEqualTo(lastSecond.plusSeconds(2));
		assertThat(before.getCaseNo()).startsWith("DP20261231-");
		assertThat(after.getCaseNo()).startsWith("DP20270101-");
		// what a report reading the table by date sees: the local date of Shanghai
		assertThat(jdbc.queryForObject("select cast(created_at as date) from zpp_proxy_run where case_no = ?",
				LocalDate.class, before.getCaseNo())).isEqualTo(LocalDate.of(2026, 12, 31));
		assertThat(jdbc.queryForObject("select cast(created_at as date) from zpp_proxy_run where case_no = ?",
				LocalDate.class, after.getCaseNo())).isEqualTo(LocalDate.of(2027, 1, 1));
		// the deadline the run got is a date, the same on every node whatever its own zone
		ProxyRun routed = proxyRuns.find(after.getCaseNo()).orElseThrow();
		assertThat(routed.getDeadline()).isAfter(LocalDate.of(2027, 1, 1));
	}
}
