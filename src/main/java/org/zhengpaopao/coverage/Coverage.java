package org.zhengpaopao.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.zhengpaopao.absence.Absences;
import org.zhengpaopao.identity.GroupMembers;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;

/**
 * Computes coverage. Units are every village (covered by its own agent, 村代办员, else by its township's 乡镇联动群, else
 * a gap), the county group and every department group (covered when it has a runner); rate = covered units / all
 * units. A village with an agent at work is covered whatever its township's group looks like: the agent runs its
 * committee's certificates, and routing sends them there.
 */
@Service
class Coverage {

	private final Organization organization;

	private final GroupMembers members;

	private final Absences absences;

	Coverage(Organization organization, GroupMembers members, Absences absences) {
		this.organization = organization;
		this.members = members;
		this.absences = absences;
	}

	Report report() {
		Set<String> absent = absences.absentNow();
		List<Gap> gaps = new ArrayList<>();
		int villages = 0;
		int byOwnAgent = 0;
		List<Village> townshipOnly = new ArrayList<>();
		for (Division township : organization.townships()) {
			String group = Groups.townshipRunners(township.getCode());
			String groupName = township.getName() + "联动群";
			boolean covered = covered(group, absent);
			for (Division village : organization.villagesOf(township.getCode())) {
				villages++;
				if (covered(Groups.villageAgents(village.getCode()), absent)) {
					byOwnAgent++;
				}
				else if (covered) {
					townshipOnly.add(new Village(village.getCode(), village.getName(), township.getCode(),
							township.getName(), group));
				}
				else {
					gaps.add(new Gap("VILLAGE", village.getCode(), village.getName(), group, groupName));
				}
			}
		}
		int coveredVillages = byOwnAgent + townshipOnly.size();
		int groups = 1;
		int coveredGroups = 0;
		if (covered(Groups.COUNTY_RUNNERS, absent)) {
			coveredGroups++;
		}
		else {
			gaps.add(new Gap("GROUP", "county", "县级代跑群", Groups.COUNTY_RUNNERS, "县级代跑群"));
		}
		for (Department department : organization.departments()) {
			if (!department.hasLiaison()) {
				continue;
			}
			groups++;
			String group = Groups.departmentLiaison(department.getCode());
			if (covered(group, absent)) {
				coveredGroups++;
			}
			else {
				String groupName = department.getName() + "条块群";
				gaps.add(new Gap("GROUP", department.getCode(), groupName, group, groupName));
			}
		}
		int units = villages + groups;
		double rate = units == 0 ? 1.0 : (double) (coveredVillages + coveredGroups) / units;
		return new Report(rate, new Count(groups, coveredGroups), new Count(villages, coveredVillages), gaps,
				new VillageCoverage(byOwnAgent, townshipOnly.size(), villages - coveredVillages, townshipOnly));
	}

	/** A group (or a village's agents) is covered while at least one member is not absent (请假代岗). */
	private boolean covered(String group, Set<String> absent) {
		return members.members(group).stream().anyMatch(member -> !absent.contains(member));
	}

	record Report(double rate, Count groups, Count villages, List<Gap> gaps, VillageCoverage villageCoverage) {
	}

	/**
	 * How the villages are covered: by their own agent (村代办员), only through their township's group, or not at all;
	 * the three add up to all villages. {@code townshipOnlyVillages} are those a township runner has to travel to.
	 */
	record VillageCoverage(int ownAgent, int townshipOnly, int uncovered, List<Village> townshipOnlyVillages) {
	}

	/** A village with the township group that covers it. */
	record Village(String code, String name, String townshipCode, String townshipName, String group) {
	}

	record Count(int total, int covered) {
	}

	/** An uncovered village or group; {@code group} (with its name) is the group that needs an active runner. */
	record Gap(String kind, String code, String name, String group, String groupName) {
	}
}
