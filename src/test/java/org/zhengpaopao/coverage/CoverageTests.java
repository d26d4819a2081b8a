package org.zhengpaopao.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.absence.Absences;
import org.zhengpaopao.absence.NewAbsence;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.organization.Organization;

@IntegrationTest
class CoverageTests {

	@Autowired
	Coverage coverage;

	@Autowired
	CoverageHealthIndicator health;

	@Autowired
	IdentityService identityService;

	@Autowired
	Organization organization;

	@Autowired
	TestRestTemplate http;

	@Autowired
	Absences absences;

	@Autowired
	JdbcTemplate jdbc;

	static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	/** memberships taken away by a test (other tests may have added members of their own), put back after it */
	final java.util.Map<String, java.util.List<String>> removed = new java.util.HashMap<>();

	@AfterEach
	void restoreMemberships() {
		removed.forEach((group, users) -> users.forEach(user -> identityService.createMembership(user, group)));
		removed.clear();
	}

	@Test
	void demoUsersCoverEveryVillageAndGroup() {
		Coverage.Report report = coverage.report();

		assertThat(report.gaps()).isEmpty();
		assertThat(report.rate()).isEqualTo(1.0);
		assertThat(report.villages().covered()).isEqualTo(report.villages().total()).isPositive();
		assertThat(report.groups().covered()).isEqualTo(report.groups().total()).isPositive();
		assertThat(health.health().getStatus().getCode()).isEqualTo("UP");
		// the demo profile seeds an agent for some villages only (seeds/village-agents.csv)
		assertThat(report.villageCoverage().ownAgent()).isEqualTo(19);
		assertThat(report.villageCoverage().townshipOnly()).isEqualTo(report.villages().total() - 19);
		assertThat(report.villageCoverage().uncovered()).isZero();
		assertThat(report.villageCoverage().townshipOnlyVillages()).extracting(Coverage.Village::code)
			.contains("huzhen-xiaku")
			.doesNotContain("huzhen-xinghuo");
	}

	@Test
	void aVillageIsCoveredByItsOwnAgentFirstThenByItsTownshipAndOtherwiseIsAGap() {
		// huzhen: 星火村 and 舍后村 have an agent each, the other villages only the township's group
		emptyGroup(Groups.townshipRunners("huzhen"));
		long absence = absences.record(new NewAbsence("agent-huzhen-shehou-1", LocalDate.now(COUNTY).toString(),
				LocalDate.now(COUNTY).plusDays(2).toString(), "事假", null), "manager-1").getId();
		try {
			Coverage.Report report = coverage.report();

			List<String> gapVillages = report.gaps()
				.stream()
				.filter(gap -> gap.kind().equals("VILLAGE"))
				.map(Coverage.Gap::code)
				.toList();
			assertThat(gapVillages).as("星火村's agent is at work: covered without the township's runners")
				.doesNotContain("huzhen-xinghuo")
				.as("舍后村's only agent is on leave and the township has nobody")
				.contains("huzhen-shehou", "huzhen-xiaku", "huzhen-mabaoqiao");
			assertThat(report.villageCoverage().ownAgent()).isEqualTo(18);
			assertThat(report.villageCoverage().uncovered()).isEqualTo(organization.villagesOf("huzhen").size() - 1)
				.isEqualTo(gapVillages.size());
			assertThat(report.villageCoverage().townshipOnlyVillages()).extracting(Coverage.Village::townshipCode)
				.doesNotContain("huzhen");
			assertThat(report.villageCoverage().ownAgent() + report.villageCoverage().townshipOnly()
					+ report.villageCoverage().uncovered()).isEqualTo(report.villages().total());
			assertThat(report.villages().covered()).isEqualTo(report.villages().total() - gapVillages.size());
		}
		finally {
			jdbc.update("delete from zpp_absence where id = ?", absence);
		}
		// the agent back at work: covered again by their own agent, the township's group still empty
		assertThat(coverage.report().gaps()).extracting(Coverage.Gap::code)
			.doesNotContain("huzhen-shehou", "huzhen-xinghuo")
			.contains("huzhen-xiaku");
	}

	@Test
	void aTownshipAndTheCountyWithoutRunnersAreGaps() {
		emptyGroup(Groups.townshipRunners("huzhen"));
		emptyGroup(Groups.COUNTY_RUNNERS);

		Coverage.Report report = coverage.report();

		// 星火村 and 舍后村 have agents of their own: still covered
		List<String> huzhenVillages = organization.villagesOf("huzhen")
			.stream()
			.map(v -> v.getCode())
			.filter(village -> !List.of("huzhen-xinghuo", "huzhen-shehou").contains(village))
			.toList();
		assertThat(huzhenVillages).isNotEmpty();
		assertThat(report.gaps()).filteredOn(gap -> gap.kind().equals("VILLAGE"))
			.extracting(Coverage.Gap::code)
			.containsExactlyElementsOf(huzhenVillages);
		assertThat(report.gaps()).filteredOn(gap -> gap.kind().equals("GROUP"))
			.containsExactly(new Coverage.Gap("GROUP", "county", "县级代跑群", Groups.COUNTY_RUNNERS, "县级代跑群"));
		int units = report.villages().total() + report.groups().total();
		assertThat(report.rate()).isEqualTo((double) (units - huzhenVillages.size() - 1) / units);
		assertThat(health.health().getStatus().getCode()).isEqualTo("WARNING");
		var overall = http.getForEntity("/actuator/health", String.class);
		assertThat(overall.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(overall.getBody()).contains("\"status\":\"WARNING\"");
	}

	@Test
	void managersSeeCoverageAndRunnersDoNot() {
		var answer = http.withBasicAuth("manager-1", "demo").getForEntity("/api/coverage", String.class);
		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getBody()).contains("\"rate\":1.0", "\"villages\":{\"total\":", "\"gaps\":[]",
				"\"villageCoverage\":{\"ownAgent\":19,", "\"uncovered\":0,", "\"townshipOnlyVillages\":[{\"code\":");
		assertThat(http.withBasicAuth("runner-huzhen-1", "demo")
			.getForEntity("/api/coverage", String.class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	void emptyGroup(String group) {
		var users = identityService.createUserQuery().memberOfGroup(group).list().stream().map(u -> u.getId()).toList();
		users.forEach(user -> identityService.deleteMembership(user, group));
		removed.put(group, users);
	}
}
