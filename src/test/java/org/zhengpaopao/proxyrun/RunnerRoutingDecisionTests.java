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
		return dmnEngine.evaluateDecisionTable(routing, Variables.createVariables()
			.putValue("issuingLevel", level)
			.putValue("issuingDepartmentCode", department)
			.putValue("issuerHasLiaison", hasLiaison)
			.putValue("townshipCode", township)).getSingleEntry();
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
	void shouldRouteDepartmentsWithTheirOwnLiaisonToTheDepartmentGroup() {
		assertThat(route("COUNTY", "gongan", true, "huzhen")).isEqualTo(Groups.departmentLiaison("gongan"));
		assertThat(route("COUNTY", "budongchan", true, "donghua")).isEqualTo(Groups.departmentLiaison("budongchan"));
	}
}
