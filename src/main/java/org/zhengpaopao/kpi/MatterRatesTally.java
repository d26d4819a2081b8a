package org.zhengpaopao.kpi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogBatch;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.catalog.MatterCategory;
import org.zhengpaopao.system.CountyTime;

/**
 * The matter-level figures ({@code GET /api/kpi/matter-rates}) at the end of a day, from the catalog as published
 * then; see {@link MatterRates} and docs/kpi.md.
 */
@Service
@Transactional(readOnly = true)
class MatterRatesTally {

	static final String LIVELIHOOD_ONE_ID = "民生事项一证通办率（按事项）";
	static final String ONLINE = "可网办率（按事项）";
	static final String ZERO_TRIP = "零跑腿率（按事项）";

	private final Catalog catalog;

	MatterRatesTally(Catalog catalog) {
		this.catalog = catalog;
	}

	MatterRates at(LocalDate date) {
		Instant endOfDay = date.plusDays(1).atStartOfDay(CountyTime.ZONE).toInstant();
		List<CatalogEntry> published = catalog.entriesPublishedAt(endOfDay);
		Map<String, Boolean> oneId = new HashMap<>();
		for (CatalogEntry entry : published) {
			oneId.merge(entry.getMatterCode(), entry.terms().satisfiedByIdCard(), Boolean::logicalAnd);
		}
		List<Matter> matters = catalog.matters();
		List<Matter> livelihood = matters.stream().filter(m -> m.getCategory() == MatterCategory.LIVELIHOOD).toList();
		long livelihoodOneId = livelihood.stream().filter(m -> oneId.getOrDefault(m.getCode(), true)).count();
		long online = matters.stream().filter(Matter::isOnline).count();
		long zeroTrip = matters.stream().filter(Matter::isZeroTrip).count();

		List<MatterRates.BatchCleared> batches = new ArrayList<>();
		long cumulative = 0;
		for (CatalogBatch batch : catalog.batches()) {
			if (batch.getPublishedOn().isAfter(date)) {
				continue;
			}
			List<CatalogEntry> of = published.stream()
				.filter(e -> Objects.equals(e.getBatch(), batch.getNumber()))
				.toList();
			cumulative += of.size();
			batches.add(new MatterRates.BatchCleared(batch.getNumber(), batch.getName(), batch.getPublishedOn(),
					of.size(), count(of, Disposition.CANCELLED), count(of, Disposition.SHARED),
					count(of, Disposition.REPLACED), count(of, Disposition.PROXY), cumulative));
		}
		long later = published.stream().filter(e -> e.getBatch() == null).count();
		return new MatterRates(date, MatterRates.BASIS,
				MatterRates.Figure.of(LIVELIHOOD_ONE_ID, livelihoodOneId, livelihood.size()),
				MatterRates.Figure.of(ONLINE, online, matters.size()),
				MatterRates.Figure.of(ZERO_TRIP, zeroTrip, matters.size()), batches, cumulative, later);
	}

	private static long count(List<CatalogEntry> entries, Disposition disposition) {
		return entries.stream().filter(e -> e.getDisposition() == disposition).count();
	}
}
