package org.zhengpaopao.catalog;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.CountyTime;

/**
 * The catalog as citizens read it on {@code /public/catalog}: matters found by name or pinyin, each with the
 * certificates its published list still names and what became of each, in plain Chinese. Published means in force
 * ({@link Catalog#entriesInForce()}): a proposal under review is no version yet, a retired entry is gone. Nothing
 * internal: who changed an entry, the staff's reason, version numbers and batches stay with the staff API. See
 * docs/public-catalog.md.
 */
@Service
@Transactional(readOnly = true)
public class PublicCatalog {

	/** At most this many matters per answer; the rest are found by typing more. */
	public static final int LIMIT = 50;

	private final Catalog catalog;
	private final Organization organization;

	PublicCatalog(Catalog catalog, Organization organization) {
		this.catalog = catalog;
		this.organization = organization;
	}

	/**
	 * @param query as typed (name, pinyin, initials); blank for all matters by code
	 * @throws org.zhengpaopao.system.InvalidInputException naming {@code q} for more than 50 characters or a
	 *         control character
	 */
	public Found matters(String query) {
		List<Matter> matters = catalog.matters(query);
		Map<String, List<CatalogEntry>> entries = catalog.entriesInForce()
			.stream()
			.collect(Collectors.groupingBy(CatalogEntry::getMatterCode));
		Map<String, Certificate> certificates = catalog.certificates()
			.stream()
			.collect(Collectors.toMap(Certificate::getCode, Function.identity()));
		Map<String, String> departments = organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getCode, Department::getName));
		List<PublicMatter> shown = matters.stream().limit(LIMIT).map(matter -> {
			List<CatalogEntry> listed = entries.getOrDefault(matter.getCode(), List.of());
			return new PublicMatter(matter.getCode(), matter.getName(), label(matter.getCategory()),
					departments.getOrDefault(matter.getUsingDepartmentCode(), matter.getUsingDepartmentCode()),
					listed.stream().allMatch(e -> e.terms().satisfiedByIdCard()), matter.isOnline(), matter.isZeroTrip(),
					listed.stream()
						.sorted(Comparator.comparing(CatalogEntry::getCertificateCode))
						.map(e -> certificate(e, certificates.get(e.getCertificateCode())))
						.toList());
		}).toList();
		return new Found(matters.size(), shown.size(), LIMIT, shown);
	}

	private static PublicCertificate certificate(CatalogEntry entry, Certificate certificate) {
		return new PublicCertificate(entry.getCertificateCode(),
				certificate == null ? entry.getCertificateCode() : certificate.getName(), entry.getDisposition(),
				treatment(entry.terms()), entry.getDetail(), entry.getLegalBasis(),
				LocalDate.ofInstant(entry.getChangedAt(), CountyTime.ZONE));
	}

	/** What happened to a certificate, as a citizen says it. */
	static String treatment(EntryTerms terms) {
		return switch (terms.disposition()) {
			case CANCELLED -> "已取消";
			case SHARED -> "部门间共享核验（不用提交）";
			case REPLACED -> terms.replacement() == Replacement.LICENCE ? "以证照替代：" + licence(terms.detail())
					: "以告知承诺替代";
			case PROXY -> "由证跑跑代跑（" + terms.deadlineWorkingDays() + " 个工作日）";
		};
	}

	/** The licence a detail such as 「以营业执照替代」 names; the detail itself when it says it otherwise. */
	static String licence(String detail) {
		String name = detail.strip();
		if (name.startsWith("以") && name.endsWith("替代") && name.length() > 3) {
			name = name.substring(1, name.length() - 2);
		}
		return name;
	}

	static String label(MatterCategory category) {
		return switch (category) {
			case LIVELIHOOD -> "民生事项";
			case ENTERPRISE -> "涉企事项";
		};
	}

	/**
	 * @param total how many matters match
	 * @param shown how many are in {@code matters}: at most {@code limit}
	 */
	public record Found(int total, int shown, int limit, List<PublicMatter> matters) {
	}

	/**
	 * @param code the matter's public identifier (the report page takes it)
	 * @param oneId 一证通办: every certificate still listed is satisfied by the ID card alone
	 */
	public record PublicMatter(String code, String name, String category, String department, boolean oneId,
			boolean online, boolean zeroTrip, List<PublicCertificate> certificates) {
	}

	/**
	 * @param code the certificate's public identifier, as on the published lists
	 * @param disposition the machine-readable kind of {@code treatment}
	 * @param treatment what happened to it, in plain Chinese
	 * @param detail the reason (cancelled), the data source (shared), the licence or the commitment's text
	 *        (replaced), the note (proxy-run)
	 * @param changedOn the day the version in force was published, Beijing time
	 */
	public record PublicCertificate(String code, String name, Disposition disposition, String treatment, String detail,
			String legalBasis, LocalDate changedOn) {
	}
}
