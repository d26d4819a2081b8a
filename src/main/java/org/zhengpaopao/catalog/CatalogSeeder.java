package org.zhengpaopao.catalog;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Seed;
import org.zhengpaopao.system.SeedFiles;

/**
 * Loads the published lists (batches), matters, certificates and the catalog into an empty database. Batches, matters
 * and certificates missing from the database are added; the entries of a batch only while the database has no entry of
 * that batch, so that maintainers' changes are never overwritten and a database seeded before a batch was added to the
 * seeds (the 2017 clean-up, ADR 0037) gains it on its next start.
 */
@Component
@Order(20)
class CatalogSeeder implements Seed {

	private static final Logger log = LoggerFactory.getLogger(CatalogSeeder.class);
	private static final String SEEDED_BY = "seed";

	private final SeedFiles seeds;
	private final CertificateRepository certificates;
	private final MatterRepository matters;
	private final CatalogEntryRepository entries;
	private final CatalogBatchRepository batches;
	private final Organization organization;

	CatalogSeeder(SeedFiles seeds, CertificateRepository certificates, MatterRepository matters,
			CatalogEntryRepository entries, CatalogBatchRepository batches, Organization organization) {
		this.seeds = seeds;
		this.certificates = certificates;
		this.matters = matters;
		this.entries = entries;
		this.batches = batches;
		this.organization = organization;
	}

	@Override
	@Transactional
	public void seed() {
		for (CSVRecord row : seeds.read("catalog-batches.csv")) {
			int number = Integer.parseInt(row.get("number"));
			if (!batches.existsById(number)) {
				batches.save(new CatalogBatch(number, row.get("name"), LocalDate.parse(row.get("publishedOn"))));
			}
		}
		// every code of the seed files is known after these loops: the entries below ask the database only about
		// codes the files do not have (each query flushes the session, which had made seeding quadratic)
		Set<String> knownCertificates = new HashSet<>();
		Set<String> knownMatters = new HashSet<>();
		int addedCertificates = 0;
		for (CSVRecord row : seeds.read("certificates.csv")) {
			knownCertificates.add(row.get("code"));
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
			knownMatters.add(row.get("code"));
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
		int addedEntries = seedEntries(knownCertificates, knownMatters);
		if (addedCertificates + addedMatters + addedEntries > 0) {
			log.info("Seeded {} certificates, {} matters and {} catalog entries", addedCertificates, addedMatters,
					addedEntries);
		}
	}

	private int seedEntries(Set<String> knownCertificates, Set<String> knownMatters) {
		Map<Integer, CatalogBatch> published = new HashMap<>();
		batches.findAll().forEach(b -> published.put(b.getNumber(), b));
		Set<Integer> alreadySeeded = new HashSet<>();
		published.keySet().stream().filter(entries::existsByBatch).forEach(alreadySeeded::add);
		if (alreadySeeded.equals(published.keySet())) {
			return 0; // every list is in: the usual start, which need not read the seed file
		}
		// an empty catalog (a new database) cannot hold a maintainer's entry
		boolean catalogEmpty = entries.count() == 0;
		Set<String> seen = new HashSet<>();
		int added = 0;
		for (CSVRecord row : seeds.read("catalog-entries.csv")) {
			String matter = row.get("matterCode");
			String certificate = row.get("certificateCode");
			if (!(knownMatters.contains(matter) || matters.existsById(matter))
					|| !(knownCertificates.contains(certificate) || certificates.existsById(certificate))) {
				throw seedError(row, "unknown matter or certificate");
			}
			if (!seen.add(matter + "/" + certificate)) {
				throw seedError(row, "the matter lists this certificate twice");
			}
			int number = Integer.parseInt(row.get("batch"));
			CatalogBatch batch = published.get(number);
			if (batch == null) {
				throw seedError(row, "batch " + number + " is not in catalog-batches.csv");
			}
			if (alreadySeeded.contains(number)) {
				continue;
			}
			if (!catalogEmpty && entries.existsByMatterCodeAndCertificateCode(matter, certificate)) {
				// a maintainer listed it before this batch reached the seeds: theirs stands
				log.warn("Seed line {}: {}/{} is already in the catalog, left as it is", row.getRecordNumber(), matter,
						certificate);
				continue;
			}
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
			entries.save(CatalogEntry.first(matter, certificate, number, terms, SEEDED_BY,
					batch.getPublishedOn().atStartOfDay(CountyTime.ZONE).toInstant(), "证明清单：" + batch.getName()));
			added++;
		}
		return added;
	}

	private Department department(CSVRecord row, String column) {
		return organization.department(row.get(column)).orElseThrow(() -> seedError(row, "unknown department " + row.get(column)));
	}

	private static IllegalStateException seedError(CSVRecord row, String problem) {
		return new IllegalStateException("seed line " + row.getRecordNumber() + ": " + problem);
	}
}
