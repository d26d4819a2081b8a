package org.zhengpaopao.catalog;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Text;
import org.zhengpaopao.system.NotFoundException;

/**
 * The catalog feature's API: matters, certificates and the versioned entries that say how each matter treats each
 * certificate.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

	private static final int MAX_REASON = 512;

	private final CertificateRepository certificates;
	private final MatterRepository matters;
	private final CatalogEntryRepository entries;
	private final CatalogBatchRepository batches;
	private final Clock clock;
	private final NameSearch names = new NameSearch();

	Catalog(CertificateRepository certificates, MatterRepository matters, CatalogEntryRepository entries,
			CatalogBatchRepository batches, Clock clock) {
		this.certificates = certificates;
		this.matters = matters;
		this.entries = entries;
		this.batches = batches;
		this.clock = clock;
	}

	public Optional<Certificate> certificate(String code) {
		return code == null ? Optional.empty() : certificates.findById(code);
	}

	public List<Certificate> certificates() {
		return certificates.findAll(org.springframework.data.domain.Sort.by("code"));
	}

	/**
	 * The certificates whose name matches what was typed (part of it, its pinyin or initials), best match first;
	 * every certificate when {@code query} is blank.
	 */
	public List<Certificate> certificates(String query) {
		return names.find(certificates(), Certificate::getName, query);
	}

	public Optional<Matter> matter(String code) {
		return code == null ? Optional.empty() : matters.findById(code.strip());
	}

	public List<Matter> matters() {
		return matters.findAll(org.springframework.data.domain.Sort.by("code"));
	}

	/** The matters whose name matches what was typed, as {@link #certificates(String)} finds certificates. */
	public List<Matter> matters(String query) {
		return names.find(matters(), Matter::getName, query);
	}

	/** The entries in force for a matter: what a case taken now must satisfy. */
	public List<CatalogEntry> entriesInForce(String matterCode) {
		return entries.findByMatterCodeAndSupersededAtIsNullOrderByCertificateCode(matterCode)
			.stream()
			.filter(CatalogEntry::isInForce)
			.toList();
	}

	/** Every entry in force, of every matter, in one query. */
	public List<CatalogEntry> entriesInForce() {
		return entries.findBySupersededAtIsNullAndRetiredFalse();
	}

	/**
	 * The catalog as it was published at {@code at}: of every entry, the version taken on before {@code at} and not
	 * yet superseded then, unless that version took the entry off the list.
	 */
	public List<CatalogEntry> entriesPublishedAt(java.time.Instant at) {
		return entries.publishedAt(at);
	}

	/** The county's published lists, oldest first. */
	public List<CatalogBatch> batches() {
		return batches.findAll(org.springframework.data.domain.Sort.by("number"));
	}

	/** The name of a published list; 「动态调整」 for entries added later ({@code null}). */
	public String batchName(Integer batch) {
		if (batch == null) {
			return "动态调整";
		}
		return batches.findById(batch).map(CatalogBatch::getName).orElse("第" + batch + "批");
	}

	/** 一证通办: every certificate the matter still lists is satisfied by the ID card alone. */
	public boolean isOneId(String matterCode) {
		return entriesInForce(matterCode).stream().allMatch(e -> e.terms().satisfiedByIdCard());
	}

	/** The one-ID flag of every matter, in one query. */
	public Map<String, Boolean> oneIdFlags() {
		Map<String, Boolean> flags = entries.findBySupersededAtIsNullAndRetiredFalse()
			.stream()
			.collect(Collectors.groupingBy(CatalogEntry::getMatterCode,
					Collectors.reducing(true, e -> e.terms().satisfiedByIdCard(), Boolean::logicalAnd)));
		matters.findAll().forEach(m -> flags.putIfAbsent(m.getCode(), true));
		return flags;
	}

	/** A certificate the catalog lets runners fetch on their own: 代跑 for at least one matter. */
	public boolean keepsAsProxyRun(String certificateCode) {
		return entries.existsByCertificateCodeAndDispositionAndSupersededAtIsNullAndRetiredFalse(certificateCode,
				Disposition.PROXY);
	}

	/** Every version of one entry, oldest first. */
	public List<CatalogEntry> history(String matterCode, String certificateCode) {
		List<CatalogEntry> versions = entries.findByMatterCodeAndCertificateCodeOrderByVersion(matterCode,
				certificateCode);
		if (versions.isEmpty()) {
			throw new NotFoundException("事项 " + matterCode + " 的证明清单中没有 " + certificateCode,
					"no catalog entry " + matterCode + "/" + certificateCode);
		}
		return versions;
	}

	/** Counts of the entries in force by batch and disposition, computed from the data. */
	public List<Tally> tallies() {
		return entries.tallies()
			.stream()
			.map(t -> new Tally(t.getBatch(), t.getDisposition(), t.getEntries()))
			.sorted(Comparator.comparing((Tally t) -> t.batch() == null ? Integer.MAX_VALUE : t.batch())
				.thenComparing(Tally::disposition))
			.toList();
	}

	public record Tally(Integer batch, Disposition disposition, long entries) {
	}

	@Transactional
	public CatalogEntry add(String matterCode, String certificateCode, EntryTerms terms, String actor,
			String reason) {
		Matter matter = existingMatter(matterCode);
		Certificate certificate = certificate(certificateCode).orElseThrow(() -> new InvalidInputException(
				"certificateCode", "证明目录中没有这个证明：" + certificateCode, "unknown certificate"));
		String why = reason(reason);
		Optional<CatalogEntry> latest = entries
			.findByMatterCodeAndCertificateCodeAndSupersededAtIsNull(matter.getCode(), certificate.getCode());
		if (latest.isPresent() && !latest.get().isRetired()) {
			throw new ConflictException("该事项已列有此证明，请修改而不是新增",
					"the matter already lists this certificate; change it instead");
		}
		CatalogEntry next = latest.map(retired -> retired.change(terms, actor, clock.instant(), why))
			.orElseGet(() -> CatalogEntry.first(matter.getCode(), certificate.getCode(), null, terms, actor,
					clock.instant(), why));
		return entries.save(next);
	}

	@Transactional
	public CatalogEntry change(String matterCode, String certificateCode, EntryTerms terms, String actor,
			String reason) {
		String why = reason(reason);
		return entries.save(inForce(matterCode, certificateCode).change(terms, actor, clock.instant(), why));
	}

	@Transactional
	public CatalogEntry retire(String matterCode, String certificateCode, String actor, String reason) {
		String why = reason(reason);
		return entries.save(inForce(matterCode, certificateCode).retire(actor, clock.instant(), why));
	}

	private CatalogEntry inForce(String matterCode, String certificateCode) {
		existingMatter(matterCode);
		return entries.findByMatterCodeAndCertificateCodeAndSupersededAtIsNull(matterCode, certificateCode)
			.filter(CatalogEntry::isInForce)
			.orElseThrow(() -> new NotFoundException("事项 " + matterCode + " 的现行证明清单中没有 " + certificateCode,
					"no catalog entry in force for " + matterCode + "/" + certificateCode));
	}

	private Matter existingMatter(String matterCode) {
		return matter(matterCode)
			.orElseThrow(() -> new NotFoundException("没有这个事项：" + matterCode, "no matter " + matterCode));
	}

	private static String reason(String reason) {
		return Text.required(reason, "reason", MAX_REASON, true, "请写明调整理由（不超过512字）",
				"a reason of at most 512 characters is required");
	}
}
