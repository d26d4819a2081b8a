package org.zhengpaopao.catalog;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.SeedFiles;

/** Loads the catalog seed; existing certificates are left as they are. */
@Component
@Order(20)
class CatalogSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);

	private final SeedFiles seeds;
	private final CertificateRepository certificates;
	private final Organization organization;

	CatalogSeeder(SeedFiles seeds, CertificateRepository certificates, Organization organization) {
		this.seeds = seeds;
		this.certificates = certificates;
		this.organization = organization;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int added = 0;
		for (CSVRecord row : seeds.read("certificates.csv")) {
			String code = row.get("code");
			if (certificates.existsById(code)) {
				continue;
			}
			if (organization.department(row.get("issuingDepartmentCode")).isEmpty()) {
				throw new IllegalStateException("certificates.csv line " + row.getRecordNumber()
						+ ": unknown issuing department " + row.get("issuingDepartmentCode"));
			}
			String deadline = row.get("deadlineWorkingDays");
			certificates.save(new Certificate(code, row.get("name"), row.get("issuingDepartmentCode"),
					IssuingLevel.valueOf(row.get("issuingLevel")), row.get("legalBasis"),
					Disposition.valueOf(row.get("disposition")), row.get("dispositionNote"),
					deadline.isEmpty() ? null : Integer.valueOf(deadline), Integer.parseInt(row.get("batch"))));
			added++;
		}
		if (added > 0) {
			log.info("Seeded {} catalog certificates", added);
		}
	}
}
