package org.zhengpaopao.organization;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.system.Seed;
import org.zhengpaopao.system.SeedFiles;

/**
 * Loads divisions and departments from the seeds into an empty database, and adds rows that a later
 * seed file brings; rows already present are left as the county changed them.
 */
@Component
@Order(10)
class OrganizationSeeder implements Seed {

	private static final Logger log = LoggerFactory.getLogger(OrganizationSeeder.class);

	private final SeedFiles seeds;
	private final DivisionRepository divisions;
	private final DepartmentRepository departments;

	OrganizationSeeder(SeedFiles seeds, DivisionRepository divisions, DepartmentRepository departments) {
		this.seeds = seeds;
		this.divisions = divisions;
		this.departments = departments;
	}

	@Override
	@Transactional
	public void seed() {
		int added = 0;
		for (CSVRecord row : seeds.read("divisions.csv")) {
			if (!divisions.existsById(row.get("code"))) {
				String parent = row.get("parentCode");
				divisions.save(new Division(row.get("code"), row.get("name"), DivisionType.valueOf(row.get("type")),
						parent.isEmpty() ? null : parent));
				added++;
			}
		}
		for (CSVRecord row : seeds.read("departments.csv")) {
			if (!departments.existsById(row.get("code"))) {
				departments.save(new Department(row.get("code"), row.get("name"),
						DepartmentKind.valueOf(row.get("kind")), Boolean.parseBoolean(row.get("hasLiaison")),
						Boolean.parseBoolean(row.get("hasWindow"))));
				added++;
			}
		}
		if (added > 0) {
			log.info("Seeded {} divisions and departments", added);
		}
	}
}
