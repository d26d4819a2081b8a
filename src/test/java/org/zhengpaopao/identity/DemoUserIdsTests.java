package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The demo users the README lists and the tests log in as, named from their groups. */
class DemoUserIdsTests {

	@Test
	void shouldNameRunnersAndClerksAfterTheirUnit() {
		assertThat(DemoUserIds.of(Groups.COUNTY_RUNNERS)).isEqualTo("runner-county-1");
		assertThat(DemoUserIds.of(Groups.townshipRunners("huzhen"))).isEqualTo("runner-huzhen-1");
		assertThat(DemoUserIds.of(Groups.issuingClerks("minzheng"))).isEqualTo("clerk-minzheng-1");
		assertThat(DemoUserIds.of(Groups.departmentLiaison("gongan"))).isEqualTo("liaison-gongan-1");
		assertThat(DemoUserIds.of(Groups.window("renshe"))).isEqualTo("window-renshe-1");
	}

	@Test
	void shouldNameVillageClerksAndAgentsAfterTheirVillage() {
		assertThat(DemoUserIds.of(Groups.issuingClerks("longzhou-dongmen"))).isEqualTo("clerk-longzhou-dongmen-1");
		assertThat(DemoUserIds.of(Groups.villageAgents("huzhen-xinghuo"))).isEqualTo("agent-huzhen-xinghuo-1");
		assertThat(Groups.isRunnerGroup(Groups.villageAgents("huzhen-xinghuo"))).as("agents run like runners").isTrue();
		assertThat(Groups.usesTasklist(Groups.villageAgents("huzhen-xinghuo"))).isTrue();
	}

	@Test
	void shouldNameTheCountyWideGroupsMembers() {
		assertThat(DemoUserIds.of(Groups.TASK_FORCE)).isEqualTo("taskforce-1");
		assertThat(DemoUserIds.of(Groups.MANAGERS)).isEqualTo("manager-1");
		assertThat(DemoUserIds.of(Groups.DESIGNERS)).isEqualTo("designer-1");
		assertThat(DemoUserIds.of(Groups.CATALOG_MAINTAINERS)).isEqualTo("catalog-1");
	}

	@Test
	void shouldRefuseAGroupWithoutDemoUser() {
		assertThatThrownBy(() -> DemoUserIds.of(Groups.ADMINS)).isInstanceOf(IllegalArgumentException.class);
	}
}
