package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.zhengpaopao.identity.Groups;

/** The designers' routing table, evaluated as the file in bpmn/ says: it names the groups {@link Groups} builds. */
class RunnerRoutingDecisionTests {

	static DmnEngine dmnEngine;
	static DmnDecision routing;

	@BeforeAll
	static void parseDecision() throws IOException {
		dmnEngine = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
		try (InputStream in = new FileInputStream("bpmn/runner-routing.dmn")) {
			routing = dmnEngine.parseDecision("runner-routing", in);
		}
	}

	static String route(String level, String department, boolean hasLiaison, String township) {
		return route(level, department, hasLiaison, township, township + "-village", false);
	}

	static String route(String level, String department, boolean hasLiaison, String township, String village,
			boolean villageHasAgents) {
		return dmnEngine.evaluateDecisionTable(routing, Variables.createVariables()
			.putValue("issuingLevel", level)
			.putValue("issuingDepartmentCode", department)
			.putValue("issuerHasLiaison", hasLiaison)
			.putValue("townshipCode", township)
			.putValue("villageCode", village)
			.putValue("villageHasAgents", villageHasAgents)).getSingleEntry();
	}

	@Test
	void shouldRouteCountyIssuedCertificatesToTheCountyProxyGroup() {
		assertThat(route("COUNTY", "minzheng", false, "huzhen")).isEqualTo(Groups.COUNTY_RUNNERS);
	}

	@Test
	void shouldRouteTownshipAndVillageCertificatesToTheApplicantsTownshipLinkageGroup() {
		assertThat(route("TOWNSHIP", "township-government", false, "muchen")).isEqualTo(Groups.townshipRunners("muchen"));
		assertThat(route("VILLAGE", "village-committee", false, "huzhen")).isEqualTo(Groups.townshipRunners("huzhen"));
	}

	@Test
	void shouldRouteAVillagesCertificateToItsOwnAgentsWhenItHasOne() {
		assertThat(route("VILLAGE", "village-committee", false, "huzhen", "huzhen-xinghuo", true))
			.isEqualTo(Groups.villageAgents("huzhen-xinghuo"));
	}

	@Test
	void shouldRouteAVillagesCertificateToTheTownshipGroupWhenTheVillageHasNoAgentAtWork() {
		assertThat(route("VILLAGE", "village-committee", false, "huzhen", "huzhen-xiaku", false))
			.isEqualTo(Groups.townshipRunners("huzhen"));
	}

	@Test
	void shouldRouteTownshipAndCountyCertificatesPastTheVillagesAgents() {
		// the agents run their own committee's certificates only, not the township's or a department's
		assertThat(route("TOWNSHIP", "township-government", false, "huzhen", "huzhen-xinghuo", true))
			.isEqualTo(Groups.townshipRunners("huzhen"));
		assertThat(route("COUNTY", "minzheng", false, "huzhen", "huzhen-xinghuo", true)).isEqualTo(Groups.COUNTY_RUNNERS);
		assertThat(route("COUNTY", "gongan", true, "huzhen", "huzhen-xinghuo", true))
			.isEqualTo(Groups.departmentLiaison("gongan"));
	}

	@Test
	void shouldRouteDepartmentsWithTheirOwnLiaisonToTheDepartmentGroup() {
		assertThat(route("COUNTY", "gongan", true, "huzhen")).isEqualTo(Groups.departmentLiaison("gongan"));
		assertThat(route("COUNTY", "budongchan", true, "donghua")).isEqualTo(Groups.departmentLiaison("budongchan"));
	}
}
