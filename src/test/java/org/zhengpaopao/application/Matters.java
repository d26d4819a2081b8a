package org.zhengpaopao.application;

import java.util.List;
import java.util.function.Predicate;

import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.catalog.Replacement;

/** Finds seeded matters by the shape of their certificate lists, so that tests say what kind of matter they need. */
class Matters {

	private final Catalog catalog;

	Matters(Catalog catalog) {
		this.catalog = catalog;
	}

	/** The {@code index}-th matter (0 = first) whose entries in force match. */
	Matter with(Predicate<List<CatalogEntry>> shape, int index) {
		return catalog.matters()
			.stream()
			.filter(m -> shape.test(catalog.entriesInForce(m.getCode())))
			.skip(index)
			.findFirst()
			.orElseThrow(() -> new AssertionError("the seeded catalog has no such matter"));
	}

	static Predicate<List<CatalogEntry>> only(Predicate<CatalogEntry> kind) {
		return entries -> entries.size() == 1 && kind.test(entries.get(0));
	}

	static Predicate<List<CatalogEntry>> allFour() {
		return entries -> entries.size() <= 7 && entries.stream().anyMatch(cancelled())
				&& entries.stream().anyMatch(shared()) && entries.stream().anyMatch(licence())
				&& entries.stream().anyMatch(commitment()) && entries.stream().anyMatch(proxy());
	}

	static Predicate<CatalogEntry> cancelled() {
		return e -> e.getDisposition() == Disposition.CANCELLED;
	}

	static Predicate<CatalogEntry> shared() {
		return e -> e.getDisposition() == Disposition.SHARED;
	}

	static Predicate<CatalogEntry> licence() {
		return e -> e.getReplacement() == Replacement.LICENCE;
	}

	static Predicate<CatalogEntry> commitment() {
		return e -> e.getReplacement() == Replacement.COMMITMENT;
	}

	static Predicate<CatalogEntry> proxy() {
		return e -> e.getDisposition() == Disposition.PROXY;
	}

	static Predicate<List<CatalogEntry>> allCancelled() {
		return entries -> !entries.isEmpty() && entries.stream().allMatch(cancelled());
	}
}
