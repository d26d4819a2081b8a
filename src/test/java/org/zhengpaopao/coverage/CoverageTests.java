package org.zhengpaopao.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.zhengpaopao.IntegrationTest;
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
	}

	@Test
	void aTownshipAndTheCountyWithoutRunnersAreGaps() {
		emptyGroup(Groups.townshipRunners("huzhen"));
		emptyGroup(Groups.COUNTY_RUNNERS);

		Coverage.Report report = coverage.report();

		List<String> huzhenVillages = organization.villagesOf("huzhen").stream().map(v -> v.getCode()).toList();
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
		assertThat(answer.getBody()).contains("\"rate\":1.0", "\"villages\":{\"total\":", "\"gaps\":[]");
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
