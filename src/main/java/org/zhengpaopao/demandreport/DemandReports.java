package org.zhengpaopao.demandreport;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.publicguard.PublicAttempts;
import org.zhengpaopao.publicguard.TypedIdentifier;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Text;
import org.zhengpaopao.workflow.StepDeadlines;

/**
 * The citizen's side of demand reports: what may be reported, taking a report, and finding it again by its tracking
 * number. The reform office reads them through {@link DemandReportOffice}, the process records its steps through
 * {@link DemandReportProgress}, the KPIs count them through {@link ConfirmedDemandReports}.
 */
@Service
@Transactional
public class DemandReports {

	/** the dispositions under which a department may no longer ask for the certificate */
	static final Set<Disposition> REPORTABLE = EnumSet.of(Disposition.CANCELLED, Disposition.SHARED,
			Disposition.REPLACED);
	static final int MAX_DETAILS = 500;
	static final int MAX_CONTACT_NAME = 50;
	/** how far back a demand may be reported */
	static final int MAX_AGE_DAYS = 365;
	/** the same phone reporting the same department and certificate again within this time gets the first report */
	static final Duration DUPLICATE_WINDOW = Duration.ofDays(30);
	static final int VERIFICATION_WORKING_DAYS = 3;

	/** Crockford's base32: no I, L, O, U, so a number read out on the phone is not misheard */
	private static final char[] BASE32 = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	private static final int RANDOM_CHARACTERS = 8;
	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final DemandReportRepository reports;
	private final Catalog catalog;
	private final Organization organization;
	private final WorkingDayCalendar calendar;
	private final DemandReportProcess process;
	private final PublicAttempts attempts;
	private final Notifier notifier;
	private final Clock clock;
	private final SecureRandom random = new SecureRandom();

	DemandReports(DemandReportRepository reports, Catalog catalog, Organization organization,
			WorkingDayCalendar calendar, DemandReportProcess process, PublicAttempts attempts, Notifier notifier,
			Clock clock) {
		this.reports = reports;
		this.catalog = catalog;
		this.organization = organization;
		this.calendar = calendar;
		this.process = process;
		this.attempts = attempts;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** Departments → their matters → the certificates those matters may no longer ask for. */
	@Transactional(readOnly = true)
	public List<DepartmentChoice> choices() {
		Map<String, Matter> matters = catalog.matters().stream().collect(Collectors.toMap(Matter::getCode, m -> m));
		Map<String, Certificate> certificates = catalog.certificates()
			.stream()
			.collect(Collectors.toMap(Certificate::getCode, c -> c));
		Map<String, Map<String, List<CertificateChoice>>> byDepartment = new TreeMap<>();
		for (CatalogEntry entry : catalog.entriesInForce()) {
			Matter matter = matters.get(entry.getMatterCode());
			Certificate certificate = certificates.get(entry.getCertificateCode());
			if (matter == null || certificate == null || !REPORTABLE.contains(entry.getDisposition())) {
				continue;
			}
			byDepartment.computeIfAbsent(matter.getUsingDepartmentCode(), d -> new TreeMap<>())
				.computeIfAbsent(matter.getCode(), m -> new ArrayList<>())
				.add(new CertificateChoice(certificate.getCode(), certificate.getName(), entry.getDisposition(),
						entry.getDisposition().label()));
		}
		Map<String, String> departmentNames = organization.departments()
			.stream()
			.collect(Collectors.toMap(Department::getCode, Department::getName, (a, b) -> a, LinkedHashMap::new));
		return byDepartment.entrySet()
			.stream()
			.filter(d -> departmentNames.containsKey(d.getKey()))
			.map(d -> new DepartmentChoice(d.getKey(), departmentNames.get(d.getKey()),
					d.getValue()
						.entrySet()
						.stream()
						.map(m -> new MatterChoice(m.getKey(), matters.get(m.getKey()).getName(),
								m.getValue().stream().sorted(Comparator.comparing(CertificateChoice::code)).toList()))
						.toList()))
			.toList();
	}

	public record DepartmentChoice(String code, String name, List<MatterChoice> matters) {
	}

	public record MatterChoice(String code, String name, List<CertificateChoice> certificates) {
	}

	public record CertificateChoice(String code, String name, Disposition disposition, String dispositionLabel) {
	}

	/**
	 * Takes a report and starts its supervision case, unless the same phone reported the same department and
	 * certificate within {@link #DUPLICATE_WINDOW} and the demand happened before that report (the same demand told
	 * again): then the report is kept as a repeat of the earlier one, with a tracking number of its own, and starts
	 * nothing. Either counts against the client address's limit ({@link PublicAttempts#countReport}): the caller
	 * has not proven the phone, so a repeat must cost and answer what a new report does
	 * (docs/adr/0003-public-identifiers.md).
	 */
	public Submission submit(NewDemandReport form, String clientAddress) {
		Department department = organization.department(strip(form.departmentCode()))
			.orElseThrow(() -> new InvalidInputException("departmentCode", "没有这个部门", "unknown department"));
		Matter matter = catalog.matter(form.matterCode())
			.filter(m -> m.getUsingDepartmentCode().equals(department.getCode()))
			.orElseThrow(() -> new InvalidInputException("matterCode", "该部门没有这个办事事项",
					"the department handles no such matter"));
		CatalogEntry entry = catalog.entriesInForce(matter.getCode())
			.stream()
			.filter(e -> e.getCertificateCode().equals(strip(form.certificateCode())))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException("certificateCode", "该事项的证明清单中没有这个证明",
					"the matter's catalog does not list this certificate"));
		if (!REPORTABLE.contains(entry.getDisposition())) {
			throw new InvalidInputException("certificateCode",
					"该证明在清单中属于「代跑」证明：部门仍可使用，可由证跑跑代您调取，不属于举报范围。如需代跑，请到窗口申请",
					"this certificate is on the proxy-run list: the department may still use it and a runner can "
							+ "fetch it for you, so it cannot be reported; ask at the window for a proxy-run");
		}
		LocalDate today = today();
		LocalDate demandedOn = form.demandedOn();
		if (demandedOn == null) {
			throw new InvalidInputException("demandedOn", "请填写被索要证明的日期", "the date of the demand is required");
		}
		if (demandedOn.isAfter(today)) {
			throw new InvalidInputException("demandedOn", "日期不能晚于今天", "the date cannot be in the future");
		}
		if (demandedOn.isBefore(today.minusDays(MAX_AGE_DAYS))) {
			throw new InvalidInputException("demandedOn", "只受理一年内发生的索要证明行为",
					"only demands of the past year can be reported");
		}
		String name = Text.optional(form.contactName(), "contactName", MAX_CONTACT_NAME, false);
		String phone = PhoneNumber.parse(form.contactPhone(), "contactPhone");
		String details = Text.optional(form.details(), "details", MAX_DETAILS, true);

		attempts.countReport(clientAddress);
		Instant now = clock.instant();
		Optional<DemandReport> earlier = reports
			.findFirstByContactPhoneAndDepartmentCodeAndCertificateCodeAndDuplicateOfIsNullAndSubmittedAtAfterOrderBySubmittedAtDesc(
					phone, department.getCode(), entry.getCertificateCode(), now.minus(DUPLICATE_WINDOW));
		// a demand after the earlier report is a new one (the department asked again): a report of its own
		if (earlier.isPresent() && !demandedOn.isAfter(earlier.get().getSubmittedAt().atZone(CountyTime.ZONE).toLocalDate())) {
			// one demand, one verification: the office reads the repeat with the earlier report
			return new Submission(reports.save(new DemandReport(newTrackingNumber(today), department.getCode(),
					matter.getCode(), entry.getCertificateCode(), entry.getDisposition(), demandedOn,
					name.isEmpty() ? null : name, phone, details.isEmpty() ? null : details, now, null, earlier.get())),
					true);
		}
		StepDeadlines verification = StepDeadlines.after(calendar, today, VERIFICATION_WORKING_DAYS);
		DemandReport report = reports.save(new DemandReport(newTrackingNumber(today), department.getCode(),
				matter.getCode(), entry.getCertificateCode(), entry.getDisposition(), demandedOn,
				name.isEmpty() ? null : name, phone, details.isEmpty() ? null : details, now, verification.dueAt(), null));
		process.start(report, names(report), verification);
		notifier.send(new GroupMessage(Groups.MANAGERS, "新的索要证明举报 " + report.getTrackingNumber(),
				"收到举报：" + department.getName() + "办理「" + matter.getName() + "」时索要已" + entry.getDisposition().label()
						+ "的证明，请在 " + verification.date() + " 18:00 前向部门核实（任务列表「核实举报」）。",
				report.getTrackingNumber()));
		return new Submission(report, false);
	}

	/**
	 * @param report    the report just taken, with its own tracking number
	 * @param duplicate whether it repeats an earlier report (for the office; never to be told to the caller)
	 */
	public record Submission(DemandReport report, boolean duplicate) {
	}

	private String newTrackingNumber(LocalDate today) {
		while (true) {
			StringBuilder number = new StringBuilder("JB").append(DAY.format(today)).append('-');
			for (int i = 0; i < RANDOM_CHARACTERS; i++) {
				number.append(BASE32[random.nextInt(BASE32.length)]);
			}
			if (!reports.existsByTrackingNumber(number.toString())) {
				return number.toString();
			}
		}
	}

	/** The report under a tracking number as typed (in any spelling, see {@link TypedIdentifier}). */
	@Transactional(readOnly = true)
	public Optional<DemandReport> track(String trackingNumber) {
		return trackingNumber == null ? Optional.empty()
				: reports.findByTrackingNumber(TypedIdentifier.normalize(trackingNumber));
	}

	/** The names of what a report is about, as the public and the staff read them. */
	@Transactional(readOnly = true)
	public Names names(DemandReport report) {
		return new Names(
				organization.department(report.getDepartmentCode()).map(Department::getName).orElse(report.getDepartmentCode()),
				catalog.matter(report.getMatterCode()).map(Matter::getName).orElse(report.getMatterCode()),
				catalog.certificate(report.getCertificateCode()).map(Certificate::getName).orElse(report.getCertificateCode()));
	}

	public record Names(String department, String matter, String certificate) {
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CountyTime.ZONE));
	}

	private static String strip(String code) {
		return code == null ? null : code.strip();
	}
}
