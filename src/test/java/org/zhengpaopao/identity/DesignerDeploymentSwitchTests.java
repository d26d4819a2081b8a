package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.organization.Organization;

/**
 * zhengpaopao.designers.may-deploy: the demo profile grants designers CREATE on deployments; a start with it off (as
 * in production) takes that back, also on a database where an earlier start granted it.
 */
@IntegrationTest
class DesignerDeploymentSwitchTests {

	@Autowired
	IdentityService identityService;

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	Organization organization;

	@Test
	void shouldTakeDeployingBackWhenSwitchedOffAndKeepReading() {
		assertThat(designersMayDeploy()).as("demo profile").isTrue();
		try {
			new StaffGroupProvisioning(identityService, authorizationService, organization, false).seed();

			assertThat(designersMayDeploy()).isFalse();
			assertThat(identityService.createUserQuery().memberOfGroup(Groups.DESIGNERS).list()).isNotEmpty()
				.allSatisfy(designer -> assertThat(authorizationService.isUserAuthorized(designer.getId(),
						List.of(Groups.DESIGNERS), Permissions.READ, Resources.DEPLOYMENT, "*")).isTrue());
		}
		finally {
			// the rest of the suite runs in the demo profile
			new StaffGroupProvisioning(identityService, authorizationService, organization, true).seed();
		}
		assertThat(designersMayDeploy()).isTrue();
	}

	boolean designersMayDeploy() {
		var grant = authorizationService.createAuthorizationQuery()
			.groupIdIn(Groups.DESIGNERS)
			.resourceType(Resources.DEPLOYMENT)
			.resourceId("*")
			.authorizationType(AUTH_TYPE_GRANT)
			.singleResult();
		return grant != null && grant.isPermissionGranted(Permissions.CREATE);
	}
}
