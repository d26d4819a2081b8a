package org.zhengpaopao.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.DepartmentKind;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.Seed;

/**
 * Creates the organisation's groups in Camunda and grants each the least it needs; runs on every start and
 * adds only what is missing. Runners and clerks get no read permission on processes or tasks at large: they see
 * a task because they are its candidates (Camunda grants that per task).
 */
@Component
@Order(30)
class StaffGroupProvisioning implements Seed {

	private static final Logger log = LoggerFactory.getLogger(StaffGroupProvisioning.class);

	/** groups no process gives a task to: they have no business in Tasklist */
	private final IdentityService identityService;
	private final AuthorizationService authorizationService;
	private final Organization organization;
	private final boolean designersMayDeploy;
	/** while seeding: resource type/resource id → the groups with a grant on it, as far as this run has asked */
	private Map<String, Set<String>> grantees;

	StaffGroupProvisioning(IdentityService identityService, AuthorizationService authorizationService,
			Organization organization, @Value("${zhengpaopao.designers.may-deploy:false}") boolean designersMayDeploy) {
		this.identityService = identityService;
		this.authorizationService = authorizationService;
		this.organization = organization;
		this.designersMayDeploy = designersMayDeploy;
	}

	/** group id → Chinese name, in a stable order. */
	Map<String, String> staffGroups() {
		Map<String, String> groups = new LinkedHashMap<>();
		groups.put(Groups.COUNTY_RUNNERS, "县级代跑群");
		for (Division township : organization.townships()) {
			groups.put(Groups.townshipRunners(township.getCode()), township.getName() + "乡镇联动群");
		}
		for (Department department : organization.departments()) {
			if (department.getKind() != DepartmentKind.COUNTY_DEPARTMENT) {
				continue;
			}
			if (department.hasLiaison()) {
				groups.put(Groups.departmentLiaison(department.getCode()), department.getName() + "部门条块群");
			}
			groups.put(Groups.issuingClerks(department.getCode()), department.getName() + "出证经办");
			if (department.hasWindow()) {
				groups.put(Groups.window(department.getCode()), department.getName() + "窗口");
			}
		}
		for (Division township : organization.townships()) {
			groups.put(Groups.issuingClerks(township.getCode()), township.getName() + "出证经办");
		}
		// every village gets both groups, whether or not anybody is in them yet: a committee's clerk or an agent
		// is then one membership away, with nothing else to set up
		for (Division village : organization.villages()) {
			groups.put(Groups.issuingClerks(village.getCode()), village.committeeName() + "出证经办");
			groups.put(Groups.villageAgents(village.getCode()), village.getName() + "代办员");
		}
		groups.put(Groups.TASK_FORCE, "工作专班");
		groups.put(Groups.MANAGERS, "跑改办·督考办");
		groups.put(Groups.DESIGNERS, "流程设计人员");
		groups.put(Groups.CATALOG_MAINTAINERS, "证明清单维护人员");
		return groups;
	}

	@Override
	@Transactional
	public void seed() {
		grantees = new HashMap<>();
		try {
			provision();
		}
		finally {
			grantees = null;
		}
	}

	private void provision() {
		Set<String> existing = new HashSet<>();
		identityService.createGroupQuery().list().forEach(group -> existing.add(group.getId()));
		int created = 0;
		for (var entry : staffGroups().entrySet()) {
			if (!existing.contains(entry.getKey())) {
				Group group = identityService.newGroup(entry.getKey());
				group.setName(entry.getValue());
				group.setType("WORKFLOW");
				identityService.saveGroup(group);
				created++;
			}
			if (Groups.usesTasklist(entry.getKey())) {
				grant(entry.getKey(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
				// the process's name on each task card
				grant(entry.getKey(), Resources.PROCESS_DEFINITION, "*", Permissions.READ);
			}
		}
		for (String watcher : Groups.COCKPIT_USERS) {
			grant(watcher, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
			grant(watcher, Resources.PROCESS_DEFINITION, "*", Permissions.READ, Permissions.READ_INSTANCE,
					Permissions.READ_HISTORY);
			grant(watcher, Resources.PROCESS_INSTANCE, "*", Permissions.READ);
			grant(watcher, Resources.DECISION_DEFINITION, "*", Permissions.READ, Permissions.READ_HISTORY);
			grant(watcher, Resources.DEPLOYMENT, "*", Permissions.READ);
		}
		// Modeler's deploy button posts to /engine-rest/deployment/create: that needs CREATE on deployments and
		// nothing more. Only on a test instance: production runs the models packaged with the application
		if (designersMayDeploy) {
			grant(Groups.DESIGNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE);
		}
		else {
			revoke(Groups.DESIGNERS, Resources.DEPLOYMENT, "*", Permissions.CREATE);
		}
		if (created > 0) {
			log.info("Created {} staff groups", created);
		}
	}

	/**
	 * Takes a permission back from the group's grant: turning the setting off must not leave designers able to
	 * deploy because an earlier start on the same database granted it.
	 */
	void revoke(String groupId, Resource resource, String resourceId, Permission permission) {
		var authorization = grantOf(groupId, resource, resourceId);
		if (authorization != null && authorization.isPermissionGranted(permission)) {
			authorization.removePermission(permission);
			authorizationService.saveAuthorization(authorization);
			log.info("Designers may no longer deploy (zhengpaopao.designers.may-deploy=false)");
		}
	}

	/**
	 * Grants the permissions, adding those missing to the group's grant on the resource if there is one: Camunda
	 * keeps one grant per group and resource, and the loops above grant some resources twice.
	 */
	void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
		var authorization = grantOf(groupId, resource, resourceId);
		if (authorization == null) {
			authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
			authorization.setGroupId(groupId);
			authorization.setResource(resource);
			authorization.setResourceId(resourceId);
		}
		else if (Arrays.stream(permissions).allMatch(authorization::isPermissionGranted)) {
			return;
		}
		for (Permission permission : permissions) {
			authorization.addPermission(permission);
		}
		authorizationService.saveAuthorization(authorization);
		if (grantees != null) {
			grantees.computeIfAbsent(resource.resourceType() + "/" + resourceId, key -> new HashSet<>()).add(groupId);
		}
	}

	private Authorization grantOf(String groupId, Resource resource, String resourceId) {
		// one query per resource for the groups that have a grant on it at all, instead of one per group: a new
		// database has none, and a restart asks only about the groups that have one
		if (grantees != null && !grantees.computeIfAbsent(resource.resourceType() + "/" + resourceId,
				key -> new HashSet<>(authorizationService.createAuthorizationQuery()
					.resourceType(resource)
					.resourceId(resourceId)
					.authorizationType(AUTH_TYPE_GRANT)
					.list()
					.stream()
					.map(Authorization::getGroupId)
					.filter(Objects::nonNull)
					.toList()))
			.contains(groupId)) {
			return null;
		}
		return authorizationService.createAuthorizationQuery()
			.groupIdIn(groupId)
			.resourceType(resource)
			.resourceId(resourceId)
			.authorizationType(AUTH_TYPE_GRANT)
			.singleResult();
	}
}
