package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.zhengpaopao.IntegrationTest;

/**
 * The Camunda authorizations the application creates at start-up, compared with the inventory in
 * {@code docs/security.md}: a grant that is not documented, or a documented one that is missing, fails. Left out
 * are the ones Camunda itself creates per object: a task's candidates and assignee (per task), and every user's
 * right to their own account.
 */
@IntegrationTest
class AuthorizationInventoryTests {

	static final String SECTION = "### Camunda authorizations";

	@Autowired
	AuthorizationService authorizationService;

	@Autowired
	ProcessEngineConfiguration configuration;

	@Test
	void shouldGrantExactlyWhatTheInventoryLists() throws IOException {
		assertThat(documented()).as("the inventory in docs/security.md (actual rows below)\n" + String.join("\n", actual()))
			.containsExactlyInAnyOrderElementsOf(actual());
	}

	@Test
	void shouldLetCandidatesWorkOnTasksButNotReassignThem() {
		// a candidate may claim, complete and fill in the form, not hand the task to somebody else or delete it
		assertThat(((ProcessEngineConfigurationImpl) configuration).getDefaultUserPermissionForTask().getName())
			.isEqualTo("TASK_WORK");
	}

	/** One line per grant, the way the document's table writes it. */
	Set<String> actual() {
		Map<Integer, String> resourceNames = Arrays.stream(Resources.values())
			.collect(Collectors.toMap(Resources::resourceType, Resources::resourceName));
		Set<String> rows = new TreeSet<>();
		for (Authorization authorization : authorizationService.createAuthorizationQuery().list()) {
			Resource resource = Arrays.stream(Resources.values())
				.filter(r -> r.resourceType() == authorization.getResourceType())
				.findFirst()
				.orElseThrow();
			boolean perTask = resource == Resources.TASK && !authorization.getResourceId().equals("*");
			boolean ownAccount = resource == Resources.USER
					&& authorization.getResourceId().equals(authorization.getUserId());
			if (perTask || ownAccount) {
				continue;
			}
			String group = authorization.getGroupId();
			String who = authorization.getAuthorizationType() == Authorization.AUTH_TYPE_GLOBAL ? "everybody"
					: group != null ? kindOf(group) : "user " + authorization.getUserId();
			String resourceId = resource == Resources.FILTER ? "(each shared Tasklist filter)"
					: authorization.getResourceId().equals(group) ? "(the group itself)" : authorization.getResourceId();
			Permission[] permissions = authorization.getPermissions(
					((ProcessEngineConfigurationImpl) configuration).getPermissionProvider()
						.getPermissionsForResource(authorization.getResourceType()));
			List<String> names = Arrays.stream(permissions)
				.map(Permission::getName)
				.filter(name -> !name.equals("NONE"))
				.sorted()
				.toList();
			String granted = names.contains("ALL") ? "ALL" : String.join(", ", names);
			String kind = authorization.getAuthorizationType() == Authorization.AUTH_TYPE_REVOKE ? "revoke" : "grant";
			rows.add("| " + who + " | " + resourceNames.get(authorization.getResourceType()) + " | "
					+ resourceId + " | " + kind + " " + granted + " |");
		}
		return rows;
	}

	/** One row for all groups of a kind: every township's linkage group is granted the same. */
	static String kindOf(String groupId) {
		if (groupId.equals(Groups.COUNTY_RUNNERS)) {
			return groupId;
		}
		for (String prefix : List.of("runners-", "liaison-", "agents-", "dept-", "window-")) {
			if (groupId.startsWith(prefix)) {
				return prefix + "*";
			}
		}
		return groupId;
	}

	List<String> documented() throws IOException {
		List<String> lines = Files.readAllLines(AuthorizationMatrixTests.MATRIX, StandardCharsets.UTF_8);
		return lines.stream()
			.skip(lines.indexOf(SECTION) + 1)
			.dropWhile(line -> !line.startsWith("| group"))
			.skip(2)
			.takeWhile(line -> line.startsWith("|"))
			.toList();
	}
}
