package org.zhengpaopao.catalog.workbook;

import static org.zhengpaopao.catalog.workbook.WorkbookLayout.*;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogChange;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.CatalogReview;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.EntryTerms;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.catalog.workbook.ImportRow.FieldChange;
import org.zhengpaopao.catalog.workbook.ImportRow.Sheet;
import org.zhengpaopao.catalog.workbook.WorkbookRows.SheetRow;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

/**
 * Imports of the catalog workbook: an upload is read into a preview, row by row (new, changed, unchanged, refused
 * with its reason), and kept; its importer then confirms its good rows, which go to the catalog's review as one
 * proposal, or drops it. Nothing here changes the catalog: only the review publishes.
 */
@Service
public class CatalogImports {

	/** What the importer does about the refused rows when confirming. */
	public enum WithRefusedRows {
		/** confirm the good rows, leave the refused ones out */
		SKIP,
		/** confirm nothing: drop the whole import */
		DROP
	}

	private static final Pattern WORKING_DAYS = Pattern.compile("\\d{1,3}(\\.0+)?");
	private static final int MAX_FILE_NAME = 200;

	private final Catalog catalog;
	private final Organization organization;
	private final CatalogImportRepository imports;
	private final CatalogReview review;
	private final Clock clock;

	CatalogImports(Catalog catalog, Organization organization, CatalogImportRepository imports,
			CatalogReview review, Clock clock) {
		this.catalog = catalog;
		this.organization = organization;
		this.imports = imports;
		this.review = review;
		this.clock = clock;
	}

	/** Reads the workbook into a preview and keeps it for the importer's decision. */
	@Transactional
	public long preview(byte[] content, String fileName, String importer) {
		WorkbookRows workbook = WorkbookRows.read(content, List.of(ENTRIES, MATTERS));
		List<SheetRow> entryRows = workbook.sheet(ENTRIES)
			.orElseThrow(() -> new InvalidInputException("file", "工作簿中没有「" + ENTRIES + "」工作表：请使用本系统导出的工作簿",
					"the workbook has no sheet " + ENTRIES));
		List<ImportRow> rows = new ArrayList<>();
		Map<String, CatalogEntry> inForce = catalog.entriesInForce()
			.stream()
			.collect(Collectors.toMap(e -> key(e.getMatterCode(), e.getCertificateCode()), Function.identity()));
		rows.addAll(entries(entryRows, inForce));
		workbook.sheet(MATTERS).ifPresent(matterRows -> rows.addAll(matters(matterRows)));
		Set<String> listed = entryRows.stream()
			.map(r -> key(r.get(MATTER_CODE), r.get(CERTIFICATE_CODE)))
			.collect(Collectors.toSet());
		int missing = (int) inForce.keySet().stream().filter(k -> !listed.contains(k)).count();
		return imports.save(new CatalogImport(fileName(fileName), importer, clock.instant(), rows, missing)).getId();
	}

	@Transactional(readOnly = true)
	CatalogImport find(long id) {
		return imports.findById(id).orElseThrow(() -> notFound(id));
	}

	/**
	 * Hands the import's new and changed rows to the review as one proposal; refused rows are left out only when the
	 * importer says so.
	 *
	 * @return the import, confirmed with its proposal's number, or dropped
	 */
	@Transactional
	public CatalogImport confirm(long id, WithRefusedRows withRefusedRows, String user, boolean admin) {
		CatalogImport decided = forDecision(id, user, admin);
		if (withRefusedRows == WithRefusedRows.DROP) {
			decided.drop(user, clock.instant());
			return decided;
		}
		long refused = decided.getRows().stream().filter(r -> r.getStatus() == ImportRow.Status.REFUSED).count();
		if (refused > 0 && withRefusedRows != WithRefusedRows.SKIP) {
			throw new InvalidInputException("withRefusedRows", "本次导入有 " + refused
					+ " 行被拒绝：请选择跳过被拒绝的行、确认其余修改（\"withRefusedRows\": \"skip\"），或放弃本次导入",
					refused + " rows were refused: confirm with \"withRefusedRows\": \"skip\" or drop the import");
		}
		List<CatalogChange> changes = decided.getRows()
			.stream()
			.filter(ImportRow::proposesAChange)
			.map(ImportRow::change)
			.toList();
		if (changes.isEmpty()) {
			throw new InvalidInputException("withRefusedRows", "本次导入没有新增或修改的行，没有可以提交审核的调整；请放弃本次导入",
					"the import has no new or changed rows to propose; drop it");
		}
		String number = review.propose(changes, "导入 " + decided.getFileName(), user);
		decided.confirm(user, clock.instant(), number);
		return decided;
	}

	@Transactional
	public CatalogImport drop(long id, String user, boolean admin) {
		CatalogImport decided = forDecision(id, user, admin);
		decided.drop(user, clock.instant());
		return decided;
	}

	private CatalogImport forDecision(long id, String user, boolean admin) {
		CatalogImport found = imports.findForDecision(id).orElseThrow(() -> notFound(id));
		if (!admin && !found.getImportedBy().equals(user)) {
			throw new AccessDeniedException("只有导入人可以确认或放弃这次导入 / only the importer decides on an import");
		}
		switch (found.getStatus()) {
			case CONFIRMED -> throw new ConflictException(
					"这次导入已经确认，调整申请 " + found.getProposalNumber() + " 正在审核，不能再次确认或放弃",
					"the import was already confirmed as proposal " + found.getProposalNumber());
			case DROPPED -> throw new ConflictException("这次导入已经放弃，不能再确认；请重新上传工作簿",
					"the import was dropped; upload the workbook again");
			default -> {
			}
		}
		return found;
	}

	private static NotFoundException notFound(long id) {
		return new NotFoundException("没有这次导入：" + id, "no catalog import " + id);
	}

	// --- 「证明清单」

	private List<ImportRow> entries(List<SheetRow> sheet, Map<String, CatalogEntry> inForce) {
		requireColumns(sheet, ENTRIES, MATTER_CODE, CERTIFICATE_CODE, DISPOSITION, REPLACEMENT, DETAIL, LEGAL_BASIS,
				DEADLINE);
		List<SheetRow> rows = sheet.stream().filter(r -> !r.isBlank()).toList();
		Map<String, List<Integer>> occurrences = occurrences(rows,
				r -> key(r.get(MATTER_CODE), r.get(CERTIFICATE_CODE)));
		return rows.stream().map(r -> entry(r, occurrences, inForce)).toList();
	}

	private ImportRow entry(SheetRow row, Map<String, List<Integer>> occurrences, Map<String, CatalogEntry> inForce) {
		String matterCode = row.get(MATTER_CODE);
		String certificateCode = row.get(CERTIFICATE_CODE);
		Function<String, ImportRow> refused = reason -> ImportRow.refused(Sheet.ENTRIES, row.number(), matterCode,
				certificateCode, reason);
		if (matterCode.isEmpty() || certificateCode.isEmpty()) {
			return refused.apply("缺少" + (matterCode.isEmpty() ? "事项编码" : "证明编码"));
		}
		List<Integer> same = occurrences.get(key(matterCode, certificateCode));
		if (same.size() > 1) {
			return refused.apply(duplicate(same, row.number(), "同一事项的同一证明"));
		}
		if (catalog.matter(matterCode).filter(m -> m.getCode().equals(matterCode)).isEmpty()) {
			return refused.apply("没有这个事项：" + matterCode);
		}
		if (catalog.certificate(certificateCode).isEmpty()) {
			return refused.apply("证明目录中没有这个证明：" + certificateCode);
		}
		Optional<Disposition> disposition = disposition(row.get(DISPOSITION));
		if (disposition.isEmpty()) {
			return refused.apply(unreadable(DISPOSITION, row.get(DISPOSITION), "砍掉、共享、替代或代跑"));
		}
		String replacementText = row.get(REPLACEMENT);
		Optional<Replacement> replacement = replacementText.isEmpty() ? Optional.empty() : replacement(replacementText);
		if (!replacementText.isEmpty() && replacement.isEmpty()) {
			return refused.apply(unreadable(REPLACEMENT, replacementText, "证照或告知承诺"));
		}
		String deadlineText = row.get(DEADLINE);
		if (!deadlineText.isEmpty() && !WORKING_DAYS.matcher(deadlineText).matches()) {
			return refused.apply(unreadable(DEADLINE, deadlineText, "工作日数，如 5"));
		}
		Integer deadline = deadlineText.isEmpty() ? null : (int) Double.parseDouble(deadlineText);
		String detail = row.get(DETAIL);
		String legalBasis = row.get(LEGAL_BASIS);
		CatalogEntry current = inForce.get(key(matterCode, certificateCode));
		if (current != null && current.getDisposition() == disposition.get()
				&& current.getReplacement() == replacement.orElse(null)
				&& Objects.equals(current.getDetail(), detail) && Objects.equals(current.getDeadlineWorkingDays(), deadline)
				&& text(current.getLegalBasis()).equals(legalBasis)) {
			return ImportRow.unchanged(Sheet.ENTRIES, row.number(), matterCode, certificateCode);
		}
		Disposition d = disposition.get();
		if (d != Disposition.PROXY && legalBasis.isEmpty()) {
			return refused.apply("「" + d.label() + "」须写明法律依据");
		}
		if (d == Disposition.PROXY && deadline == null) {
			return refused.apply("「代跑」须填写代跑时限（工作日）");
		}
		if (d != Disposition.PROXY && deadline != null) {
			return refused.apply("只有「代跑」才填写代跑时限，「" + d.label() + "」不填");
		}
		if (d == Disposition.REPLACED && replacement.isEmpty()) {
			return refused.apply("「替代」须选择替代方式（证照或告知承诺）");
		}
		if (d != Disposition.REPLACED && replacement.isPresent()) {
			return refused.apply("只有「替代」才选择替代方式，「" + d.label() + "」不填");
		}
		EntryTerms terms;
		try {
			terms = new EntryTerms(d, replacement.orElse(null), detail, deadline, legalBasis);
		}
		catch (InvalidInputException e) {
			return refused.apply(chinese(e));
		}
		if (current != null && terms.equals(current.terms())) {
			return ImportRow.unchanged(Sheet.ENTRIES, row.number(), matterCode, certificateCode);
		}
		List<FieldChange> changes = new ArrayList<>();
		EntryTerms before = current == null ? null : current.terms();
		compare(changes, DISPOSITION, before == null ? "" : before.disposition().label(), d.label());
		compare(changes, REPLACEMENT, before == null ? "" : label(before.replacement()), label(terms.replacement()));
		compare(changes, DETAIL, before == null ? "" : before.detail(), terms.detail());
		compare(changes, LEGAL_BASIS, before == null ? "" : text(before.legalBasis()), text(terms.legalBasis()));
		compare(changes, DEADLINE, before == null ? "" : number(before.deadlineWorkingDays()),
				number(terms.deadlineWorkingDays()));
		return ImportRow.entry(row.number(), matterCode, certificateCode, current == null, terms, changes);
	}

	// --- 「事项」

	private List<ImportRow> matters(List<SheetRow> sheet) {
		requireColumns(sheet, MATTERS, CODE, ONLINE, ZERO_TRIP);
		List<SheetRow> rows = sheet.stream().filter(r -> !r.isBlank()).toList();
		Map<String, List<Integer>> occurrences = occurrences(rows, r -> r.get(CODE));
		return rows.stream().map(r -> matter(r, occurrences)).toList();
	}

	private ImportRow matter(SheetRow row, Map<String, List<Integer>> occurrences) {
		String code = row.get(CODE);
		Function<String, ImportRow> refused = reason -> ImportRow.refused(Sheet.MATTERS, row.number(), code, null,
				reason);
		if (code.isEmpty()) {
			return refused.apply("缺少事项编码");
		}
		List<Integer> same = occurrences.get(code);
		if (same.size() > 1) {
			return refused.apply(duplicate(same, row.number(), "同一事项"));
		}
		Optional<Matter> found = catalog.matter(code).filter(m -> m.getCode().equals(code));
		if (found.isEmpty()) {
			return refused.apply("没有这个事项：" + code);
		}
		Matter matter = found.get();
		String department = row.get(DEPARTMENT_CODE);
		if (!department.isEmpty() && !department.equals(matter.getUsingDepartmentCode())) {
			return refused.apply(organization.department(department).isEmpty() ? "没有这个用证部门：" + department
					: "用证部门不能通过导入修改（现为 " + matter.getUsingDepartmentCode() + "）");
		}
		Optional<Boolean> online = yesNo(row.get(ONLINE));
		if (online.isEmpty()) {
			return refused.apply(unreadable(ONLINE, row.get(ONLINE), "是或否"));
		}
		Optional<Boolean> zeroTrip = yesNo(row.get(ZERO_TRIP));
		if (zeroTrip.isEmpty()) {
			return refused.apply(unreadable(ZERO_TRIP, row.get(ZERO_TRIP), "是或否"));
		}
		if (online.get() == matter.isOnline() && zeroTrip.get() == matter.isZeroTrip()) {
			return ImportRow.unchanged(Sheet.MATTERS, row.number(), code, null);
		}
		if (zeroTrip.get() && !online.get()) {
			return refused.apply("「零跑腿」的事项必须「可网办」");
		}
		List<FieldChange> changes = new ArrayList<>();
		compare(changes, ONLINE, yesNo(matter.isOnline()), yesNo(online.get()));
		compare(changes, ZERO_TRIP, yesNo(matter.isZeroTrip()), yesNo(zeroTrip.get()));
		return ImportRow.capabilities(row.number(), code, online.get(), zeroTrip.get(), changes);
	}

	// --- helpers

	private static void requireColumns(List<SheetRow> rows, String sheet, String... columns) {
		if (rows.isEmpty()) {
			return;
		}
		List<String> missing = java.util.Arrays.stream(columns).filter(c -> !rows.get(0).has(c)).toList();
		if (!missing.isEmpty()) {
			throw new InvalidInputException("file",
					"工作表「" + sheet + "」缺少列：" + String.join("、", missing) + "。请使用本系统导出的工作簿，不要修改第一行的列名",
					"sheet " + sheet + " lacks the columns " + missing);
		}
	}

	private static Map<String, List<Integer>> occurrences(List<SheetRow> rows, Function<SheetRow, String> key) {
		Map<String, List<Integer>> occurrences = new HashMap<>();
		rows.forEach(r -> occurrences.computeIfAbsent(key.apply(r), k -> new ArrayList<>()).add(r.number()));
		return occurrences;
	}

	private static String duplicate(List<Integer> rows, int row, String what) {
		return "重复的行：" + what + "出现在第 " + rows.stream().map(String::valueOf).collect(Collectors.joining("、"))
				+ " 行，请只保留一行";
	}

	private static String unreadable(String column, String value, String expected) {
		return column + "无法识别：「" + (value.length() > 50 ? value.substring(0, 50) + "…" : value) + "」，应为"
				+ expected;
	}

	private static void compare(List<FieldChange> changes, String field, String from, String to) {
		if (!from.equals(to)) {
			changes.add(new FieldChange(field, from, to));
		}
	}

	private static String chinese(InvalidInputException e) {
		String message = e.bilingualMessage();
		int slash = message.indexOf(" / ");
		return slash < 0 ? message : message.substring(0, slash);
	}

	static String key(String matterCode, String certificateCode) {
		return matterCode + "\u0000" + certificateCode;
	}

	private static String text(String value) {
		return value == null ? "" : value;
	}

	private static String number(Integer value) {
		return value == null ? "" : value.toString();
	}

	private static String fileName(String name) {
		String base = name == null || name.isBlank() ? "catalog.xlsx" : name.replaceAll(".*[/\\\\]", "");
		// no control characters or line breaks in a name the review shows
		base = base.replaceAll("\\p{Cntrl}", "").strip();
		return base.length() <= MAX_FILE_NAME ? base : base.substring(0, MAX_FILE_NAME);
	}

	/** Names of the matters and certificates the preview shows next to their codes. */
	Map<String, String> names() {
		Map<String, String> names = new LinkedHashMap<>();
		catalog.matters().forEach(m -> names.put(m.getCode(), m.getName()));
		catalog.certificates().forEach(c -> names.put(c.getCode(), c.getName()));
		return names;
	}
}
