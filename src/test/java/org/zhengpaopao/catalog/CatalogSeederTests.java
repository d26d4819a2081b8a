package org.zhengpaopao.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.SeedFiles;

/**
 * A database seeded before the 2017 list joined the seeds (batches 1 and 2 present) gains batch 0 on its next start,
 * and only that: the lists it has are never seeded again (ADR 0037).
 */
class CatalogSeederTests {

	final CertificateRepository certificates = mock(CertificateRepository.class);
	final MatterRepository matters = mock(MatterRepository.class);
	final CatalogEntryRepository entries = mock(CatalogEntryRepository.class);
	final CatalogBatchRepository batches = mock(CatalogBatchRepository.class);
	final CatalogSeeder seeder = new CatalogSeeder(new SeedFiles(new DefaultResourceLoader(), "classpath:seeds/"),
			certificates, matters, entries, batches, mock(Organization.class));

	@Test
	void shouldSeedOnlyTheBatchTheDatabaseDoesNotHave() {
		when(certificates.existsById(anyString())).thenReturn(true);
		when(matters.existsById(anyString())).thenReturn(true);
		when(batches.existsById(anyInt())).thenReturn(true);
		when(batches.findAll()).thenReturn(List.of(new CatalogBatch(0, "2017年清理", LocalDate.of(2017, 12, 1)),
				new CatalogBatch(1, "2018年3月第一批", LocalDate.of(2018, 3, 1)),
				new CatalogBatch(2, "2018年9月第二批", LocalDate.of(2018, 9, 1))));
		when(entries.existsByBatch(0)).thenReturn(false);
		when(entries.existsByBatch(1)).thenReturn(true);
		when(entries.existsByBatch(2)).thenReturn(true);
		when(entries.count()).thenReturn(400L);
		// a maintainer listed one pair of the 2017 list already: theirs stands
		when(entries.existsByMatterCodeAndCertificateCode("SX-174", "ZM-0104")).thenReturn(true);
		List<CatalogEntry> saved = new ArrayList<>();
		when(entries.save(any())).thenAnswer(call -> {
			saved.add(call.getArgument(0));
			return call.getArgument(0);
		});

		seeder.seed();

		assertThat(saved).hasSize(192 - 1).allSatisfy(e -> {
			assertThat(e.getBatch()).isZero();
			assertThat(e.getChangedAt()).isEqualTo(LocalDate.of(2017, 12, 1).atStartOfDay(CountyTime.ZONE).toInstant());
			assertThat(e.getChangeReason()).isEqualTo("证明清单：2017年清理");
			assertThat(e.getDisposition()).isNotEqualTo(Disposition.PROXY);
		});
		assertThat(saved).extracting(CatalogEntry::getMatterCode).doesNotContain("SX-001", "SX-114");
		verify(batches, never()).save(any());
	}
}
