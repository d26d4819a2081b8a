package org.zhengpaopao.catalog;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;

@RestController
@RequestMapping("/api/catalog")
class CatalogController {

	static final String Q = "名称的一部分、全拼或拼音首字母，不区分大小写，忽略空格，至多50字 / part of the name, its toneless "
			+ "pinyin or its pinyin initials (zdsh → 最低生活保障申请); case and spaces ignored; at most 50 characters";
	static final String SEARCH = "With q: only the names that match, best first: the whole name, then names that begin "
			+ "with q, then names whose pinyin or initials begin with q, then names that contain q or its pinyin; "
			+ "within each, by code. A character with several readings (行 xing/hang) matches by any. Without q (or "
			+ "blank): all, by code.";

	private final Catalog catalog;
	private final CatalogReview review;

	CatalogController(Catalog catalog, CatalogReview review) {
		this.catalog = catalog;
		this.review = review;
	}

	@GetMapping("/certificates")
	@Operation(summary = "证明目录 / Every certificate with its issuer and the working days a runner gets to fetch it",
			description = SEARCH)
	List<CertificateView> certificates(@RequestParam(required = false) @Parameter(description = Q) String q) {
		return catalog.certificates(q).stream().map(CertificateView::of).toList();
	}

	@GetMapping("/matters")
	@Operation(summary = "事项 / Matters, optionally found by name or pinyin, only the one-ID (一证通办) ones or one "
			+ "category", description = SEARCH)
	List<MatterView> matters(@RequestParam(required = false) @Parameter(description = Q) String q,
			@RequestParam(required = false) MatterCategory category, @RequestParam(required = false) Boolean oneId) {
		Map<String, Boolean> flags = catalog.oneIdFlags();
		return catalog.matters(q)
			.stream()
			.filter(m -> category == null || m.getCategory() == category)
			.filter(m -> oneId == null || flags.get(m.getCode()) == oneId.booleanValue())
			.map(m -> MatterView.of(m, flags.get(m.getCode())))
			.toList();
	}

	@GetMapping("/matters/{matterCode}")
	@Operation(summary = "一个事项及其现行证明清单 / A matter and the catalog entries in force for it")
	MatterDetails matter(@PathVariable String matterCode) {
		Matter matter = catalog.matter(matterCode)
			.orElseThrow(() -> new NotFoundException("没有这个事项：" + matterCode, "no matter " + matterCode));
		return new MatterDetails(MatterView.of(matter, catalog.isOneId(matter.getCode())),
				catalog.entriesInForce(matter.getCode()).stream().map(this::view).toList());
	}

	@GetMapping("/matters/{matterCode}/entries/{certificateCode}/history")
	@Operation(summary = "清单条目的全部版本 / Every version of a catalog entry: who changed it, when and why")
	List<EntryView> history(@PathVariable String matterCode, @PathVariable String certificateCode) {
		return catalog.history(matterCode, certificateCode).stream().map(this::view).toList();
	}

	@PostMapping("/matters/{matterCode}/entries")
	@Operation(summary = "提出新增清单条目（清单维护人员），经审核后发布 / Propose adding a certificate to a matter's list: "
			+ "202 with the proposal, published after the county's review (docs/catalog-review.md)")
	ResponseEntity<ProposalReceipt> add(@PathVariable String matterCode, @RequestBody EntryRequest request,
			Principal principal) {
		return proposed(review.propose(List.of(CatalogChange.add(matterCode, request.certificateCode(), request.terms())),
				request.reason(), principal.getName()));
	}

	@PutMapping("/matters/{matterCode}/entries/{certificateCode}")
	@Operation(summary = "提出调整清单条目（清单维护人员），经审核后发布 / Propose changing an entry: 202 with the proposal; "
			+ "a new version once the review publishes it")
	ResponseEntity<ProposalReceipt> change(@PathVariable String matterCode, @PathVariable String certificateCode,
			@RequestBody EntryRequest request, Principal principal) {
		return proposed(review.propose(List.of(CatalogChange.change(matterCode, certificateCode, request.terms())),
				request.reason(), principal.getName()));
	}

	@PostMapping("/matters/{matterCode}/entries/{certificateCode}/retirement")
	@Operation(summary = "提出移出清单（清单维护人员），经审核后发布 / Propose retiring an entry: 202 with the proposal")
	ResponseEntity<ProposalReceipt> retire(@PathVariable String matterCode, @PathVariable String certificateCode,
			@RequestBody Retirement request, Principal principal) {
		return proposed(review.propose(List.of(CatalogChange.retire(matterCode, certificateCode)), request.reason(),
				principal.getName()));
	}

	static ResponseEntity<ProposalReceipt> proposed(String number) {
		return ResponseEntity.accepted()
			.location(URI.create("/api/catalog/proposals/" + number))
			.body(new ProposalReceipt(number, ProposalState.REFORM_REVIEW, ProposalState.REFORM_REVIEW.label()));
	}

	/** What a proposal's submitter gets back: its number, to follow it at {@code /api/catalog/proposals/{number}}. */
	record ProposalReceipt(String number, ProposalState state, String stateLabel) {
	}

	@GetMapping("/tallies")
	@Operation(summary = "清单统计 / Entries in force by batch and disposition, counted from the catalog itself",
			description = "batch 0 = 2017年清理, batch 1 = 2018年3月第一批, batch 2 = 2018年9月第二批 (seeds/catalog-batches.csv), "
					+ "batch null = later adjustments (动态调整)")
	List<BatchTally> tallies() {
		Map<Integer, Map<Disposition, Long>> byBatch = new LinkedHashMap<>();
		for (Catalog.Tally tally : catalog.tallies()) {
			byBatch.computeIfAbsent(tally.batch(), b -> new EnumMap<>(Disposition.class))
				.put(tally.disposition(), tally.entries());
		}
		return byBatch.entrySet().stream().map(e -> BatchTally.of(e.getKey(), catalog.batchName(e.getKey()), e.getValue())).toList();
	}

	private EntryView view(CatalogEntry entry) {
		Certificate certificate = catalog.certificate(entry.getCertificateCode()).orElseThrow();
		return new EntryView(entry.getMatterCode(), entry.getCertificateCode(), certificate.getName(),
				certificate.getIssuingDepartmentCode(), entry.getVersion(), entry.getBatch(), entry.getDisposition(),
				entry.getDisposition().label(), entry.getReplacement(), entry.getDetail(),
				entry.getDeadlineWorkingDays(), entry.getLegalBasis(), entry.isRetired(), entry.getChangedBy(),
				entry.getChangedAt(), entry.getChangeReason(), entry.getSupersededAt());
	}

	record CertificateView(String code, String name, String issuingDepartmentCode, IssuingLevel issuingLevel,
			String legalBasis, int fetchWorkingDays) {

		static CertificateView of(Certificate c) {
			return new CertificateView(c.getCode(), c.getName(), c.getIssuingDepartmentCode(), c.getIssuingLevel(),
					c.getLegalBasis(), c.getFetchWorkingDays());
		}
	}

	record MatterView(String code, String name, MatterCategory category, String usingDepartmentCode, boolean oneId) {

		static MatterView of(Matter m, boolean oneId) {
			return new MatterView(m.getCode(), m.getName(), m.getCategory(), m.getUsingDepartmentCode(), oneId);
		}
	}

	record MatterDetails(MatterView matter, List<EntryView> entries) {
	}

	record EntryView(String matterCode, String certificateCode, String certificateName, String issuingDepartmentCode,
			int version, Integer batch, Disposition disposition, String dispositionLabel, Replacement replacement,
			String detail, Integer deadlineWorkingDays, String legalBasis, boolean retired, String changedBy,
			Instant changedAt, String changeReason, Instant supersededAt) {
	}

	/** What a maintainer submits; {@code certificateCode} only when adding. */
	record EntryRequest(String certificateCode, Disposition disposition, Replacement replacement, String detail,
			Integer deadlineWorkingDays, String legalBasis, String reason) {

		EntryTerms terms() {
			return new EntryTerms(disposition, replacement, detail, deadlineWorkingDays, legalBasis);
		}
	}

	record Retirement(String reason) {
	}

	record BatchTally(Integer batch, String list, long cancelled, long shared, long replaced, long proxyRun,
			long total) {

		static BatchTally of(Integer batch, String list, Map<Disposition, Long> counts) {
			long cancelled = counts.getOrDefault(Disposition.CANCELLED, 0L);
			long shared = counts.getOrDefault(Disposition.SHARED, 0L);
			long replaced = counts.getOrDefault(Disposition.REPLACED, 0L);
			long proxyRun = counts.getOrDefault(Disposition.PROXY, 0L);
			return new BatchTally(batch, list, cancelled, shared, replaced, proxyRun,
					cancelled + shared + replaced + proxyRun);
		}
	}
}
