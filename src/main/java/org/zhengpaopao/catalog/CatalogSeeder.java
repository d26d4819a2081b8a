package org.zhengpaopao.catalog;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.SeedFiles;

/**
 * Loads matters, certificates and the catalog into an empty database. Matters and certificates missing from the
 * database are added; the entries only while there are none, so that maintainers' changes are never overwritten.
 */
@Component
@Order(20)
class CatalogSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);
	private static final String SEEDED_BY = "seed";

	private final SeedFiles seeds;
	private final CertificateRepository certificates;
	private final MatterRepository matters;
	private final CatalogEntryRepository entries;
	private final Organization organization;

	CatalogSeeder(SeedFiles seeds, CertificateRepository certificates, MatterRepository matters,
			CatalogEntryRepository entries, Organization organization) {
		this.seeds = seeds;
		this.certificates = certificates;
		this.matters = matters;
		this.entries = entries;
		this.organization = organization;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		int addedCertificates = 0;
		for (CSVRecord row : seeds.read("certificates.csv")) {
			if (!certificates.existsById(row.get("code"))) {
				department(row, "issuingDepartmentCode");
				certificates.save(new Certificate(row.get("code"), row.get("name"), row.get("issuingDepartmentCode"),
						IssuingLevel.valueOf(row.get("issuingLevel")), row.get("legalBasis"),
						Integer.parseInt(row.get("fetchWorkingDays"))));
				addedCertificates++;
			}
		}
		int addedMatters = 0;
		for (CSVRecord row : seeds.read("matters.csv")) {
			if (!matters.existsById(row.get("code"))) {
				if (!department(row, "usingDepartmentCode").hasWindow()) {
					throw seedError(row, "using department without a window");
				}
				matters.save(new Matter(row.get("code"), row.get("name"), MatterCategory.valueOf(row.get("category")),
						row.get("usingDepartmentCode"), Boolean.parseBoolean(row.get("online")),
						Boolean.parseBoolean(row.get("zeroTrip"))));
				addedMatters++;
			}
		}
		int addedEntries = entries.count() == 0 ? seedEntries() : 0;
		if (addedCertificates + addedMatters + addedEntries > 0) {
			log.info("Seeded {} certificates, {} matters and {} catalog entries", addedCertificates, addedMatters,
					addedEntries);
		}
	}

	private int seedEntries() {
		Set<String> seen = new HashSet<>();
		int added = 0;
		for (CSVRecord row : seeds.read("catalog-entries.csv")) {
			String matter = row.get("matterCode");
			String certificate = row.get("certificateCode");
			if (!matters.existsById(matter) || !certificates.existsById(certificate)) {
				throw seedError(row, "unknown matter or certificate");
			}
			if (!seen.add(matter + "/" + certificate)) {
				throw seedError(row, "the matter lists this certificate twice");
			}
			int batch = Integer.parseInt(row.get("batch"));
			EntryTerms terms;
			try {
				String replacement = row.get("replacement");
				String deadline = row.get("deadlineWorkingDays");
				terms = new EntryTerms(Disposition.valueOf(row.get("disposition")),
						replacement.isEmpty() ? null : Replacement.valueOf(replacement), row.get("detail"),
						deadline.isEmpty() ? null : Integer.valueOf(deadline), row.get("legalBasis"));
			}
			catch (InvalidInputException e) {
				throw seedError(row, e.field() + ": " + e.bilingualMessage());
			}
			entries.save(CatalogEntry.first(matter, certificate, batch, terms, SEEDED_BY, publishedOn(batch)
				.atStartOfDay(CountyTime.ZONE)
				.toInstant(), "第" + batch + "批证明清单（" + publishedOn(batch).getYear() + "年" + publishedOn(batch).getMonthValue() + "月）"));
			added++;
		}
		return added;
	}

	private static LocalDate publishedOn(int batch) {
		return switch (batch) {
			case 1 -> LocalDate.of(2018, 3, 1);
			case 2 -> LocalDate.of(2018, 9, 1);
			default -> throw new IllegalArgumentException("batch " + batch);
		};
	}

	private Department department(CSVRecord row, String column) {
		return organization.department(row.get(column)).orElseThrow(() -> seedError(row, "unknown department " + row.get(column)));
	}

	private static IllegalStateException seedError(CSVRecord row, String problem) {
		return new IllegalStateException("seed line " + row.getRecordNumber() + ": " + problem);
	}
}
