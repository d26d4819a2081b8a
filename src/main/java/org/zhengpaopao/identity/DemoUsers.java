package org.zhengpaopao.identity;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.DepartmentKind;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.Seed;
import org.zhengpaopao.system.SeedFiles;

/**
 * One demo user per group (村代办员 only for the villages of {@code seeds/village-agents.csv}), all with the demo
 * password; only in the demo profile.
 */
@Component
@Order(35)
@ConditionalOnProperty("zhengpaopao.demo.users")
class DemoUsers implements Seed {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	/** villageCode,name: the villages with a demo agent (村代办员) */
	static final String VILLAGE_AGENTS = "village-agents.csv";

	private final IdentityService identityService;
	private final Organization organization;
	private final SeedFiles seeds;
	private final String password;

	DemoUsers(IdentityService identityService, Organization organization, SeedFiles seeds,
			@Value("${zhengpaopao.demo.password}") String password) {
		this.identityService = identityService;
		this.organization = organization;
		this.seeds = seeds;
		this.password = password;
	}

	/** user id → (display name, groups). */
	Map<String, DemoUser> demoUsers() {
		Map<String, DemoUser> users = new LinkedHashMap<>();
		add(users, "县级代跑员一", Groups.COUNTY_RUNNERS);
		for (Division township : organization.townships()) {
			add(users, township.getName() + "代跑员一", Groups.townshipRunners(township.getCode()));
			add(users, township.getName() + "经办人一", Groups.issuingClerks(township.getCode()));
		}
		for (Division village : organization.villages()) {
			add(users, village.committeeName() + "经办人一", Groups.issuingClerks(village.getCode()));
		}
		// agents for some villages only, from the seed file: the others are served through their township's group,
		// which is what the coverage dashboard tells apart
		for (CSVRecord agent : seeds.read(VILLAGE_AGENTS)) {
			String village = agent.get("villageCode");
			if (organization.village(village).isEmpty()) {
				throw new IllegalStateException(VILLAGE_AGENTS + ": no village " + village);
			}
			add(users, agent.get("name"), Groups.villageAgents(village));
		}
		for (Department department : organization.departments()) {
			if (department.getKind() != DepartmentKind.COUNTY_DEPARTMENT) {
				continue;
			}
			add(users, department.getName() + "经办人一", Groups.issuingClerks(department.getCode()));
			if (department.hasLiaison()) {
				add(users, department.getName() + "联络员一", Groups.departmentLiaison(department.getCode()));
			}
			if (department.hasWindow()) {
				add(users, department.getName() + "窗口一", Groups.window(department.getCode()));
			}
		}
		add(users, "工作专班一", Groups.TASK_FORCE);
		add(users, "督考办一", Groups.MANAGERS);
		add(users, "流程设计一", Groups.DESIGNERS);
		add(users, "清单维护一", Groups.CATALOG_MAINTAINERS);
		return users;
	}

	private static void add(Map<String, DemoUser> users, String name, String group) {
		users.put(DemoUserIds.of(group), new DemoUser(name, List.of(group)));
	}

	@Override
	@Transactional
	public void seed() {
		Set<String> existing = new HashSet<>();
		identityService.createUserQuery().list().forEach(user -> existing.add(user.getId()));
		int created = 0;
		for (var entry : demoUsers().entrySet()) {
			String id = entry.getKey();
			if (existing.contains(id)) {
				continue;
			}
			User user = identityService.newUser(id);
			// the webapps print "first last"; a Chinese name reads whole, family name first
			user.setFirstName(entry.getValue().name());
			user.setLastName("");
			user.setEmail(id + "@zhengpaopao.example");
			user.setPassword(password);
			identityService.saveUser(user);
			for (String group : entry.getValue().groups()) {
				identityService.createMembership(id, group);
			}
			created++;
		}
		if (created > 0) {
			log.info("Created {} demo users (password as configured for the demo profile)", created);
		}
	}

	record DemoUser(String name, List<String> groups) {
	}
}
