package org.zhengpaopao.application;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.CatalogEntry;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.catalog.Replacement;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.sharing.DataSharing;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.Idempotency;
import org.zhengpaopao.system.InvalidInputException;

/**
 * The application feature's API: intake at the window and reading cases. The case's process reports its steps to
 * {@link CaseCertificates} (one certificate at a time) and {@link CaseDecisions} (the window's decision, the
 * post-verification of commitments).
 */
@Service
@Transactional
public class Applications {

	private static final DateTimeFormatter CASE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
	private static final int MAX_TEXT = 1000;

	private final ApplicationRepository applications;
	private final FalseCommitmentRepository falseCommitments;
	private final Catalog catalog;
	private final Organization organization;
	private final ProxyRuns proxyRuns;
	private final DataSharing dataSharing;
	private final CommitmentSampler sampler;
	private final ApplicationProcess process;
	private final Notifier notifier;
	private final org.springframework.context.ApplicationEventPublisher events;
	private final Clock clock;

	Applications(ApplicationRepository applications, FalseCommitmentRepository falseCommitments, Catalog catalog,
			Organization organization, ProxyRuns proxyRuns, DataSharing dataSharing, CommitmentSampler sampler,
			ApplicationProcess process, Notifier notifier, org.springframework.context.ApplicationEventPublisher events,
			Clock clock) {
		this.applications = applications;
		this.falseCommitments = falseCommitments;
		this.catalog = catalog;
		this.organization = organization;
		this.proxyRuns = proxyRuns;
		this.dataSharing = dataSharing;
		this.sampler = sampler;
		this.process = process;
		this.notifier = notifier;
		this.events = events;
		this.clock = clock;
	}

	/** A new case, or the case this idempotency key already took. */
	public record Taken(Application application, boolean created) {
	}

	/**
	 * Checks the whole request before anything is stored; then stores the case and starts its process in the same
	 * transaction, so that a failure leaves neither behind.
	 */
	public Taken take(NewApplication request, String idempotencyKey, String actor) {
		return take(request, Intake.WINDOW, idempotencyKey, actor);
	}

	/**
	 * Like {@link #take(NewApplication, String, String)}, for a case taken in elsewhere than a window.
	 *
	 * @param intake where the case was taken in; a platform's or an agent's case is authorized with its intake when
	 *               {@code request.authorizedAtWindow()} says so
	 */
	public Taken take(NewApplication request, Intake intake, String idempotencyKey, String actor) {
		String key = Idempotency.key(idempotencyKey);
		String fingerprint = fingerprint(request, intake);
		if (key != null) {
			Optional<Application> earlier = applications.findByIdempotencyKey(key);
			if (earlier.isPresent()) {
				return replay(earlier.get(), fingerprint);
			}
		}
		Applicant applicant = Applicant.parse(request.applicantType(), request.applicantName(), request.idNumber(),
				request.creditCode(), request.contactName(), request.phone());
		Organization.Residence residence = organization.residence(request.townshipCode(), request.villageCode());
		Division township = residence.township();
		Division village = residence.village();
		Matter matter = catalog.matter(request.matterCode())
			.orElseThrow(() -> new InvalidInputException("matterCode", "没有这个事项", "unknown matter"));
		List<CatalogEntry> entries = requiredEntries(matter, request.requiredCertificates());
		Set<String> commitments = commitments(entries, request.commitments());
		boolean creditFlagged = applicant.isCompany() ? falseCommitments.existsByCreditCode(applicant.creditCode())
				: falseCommitments.existsByIdNumber(applicant.idNumber());

		Application application = new Application(applicant,
				new Application.Residence(township.getCode(), village.getCode()), intake, matter.getCode(), matter.getName(),
				matter.getUsingDepartmentCode(), request.authorizedAtWindowOrDefault(), key, fingerprint, actor,
				clock.instant());
		for (CatalogEntry entry : entries) {
			Certificate certificate = catalog.certificate(entry.getCertificateCode()).orElseThrow();
			plan(application, entry, certificate, commitments.contains(entry.getCertificateCode()), creditFlagged);
		}
		applications.saveAndFlush(application);
		application.assignCaseNo(
				"BJ" + LocalDate.now(clock).format(CASE_DATE) + "-" + String.format("%06d", application.getId()));
		application.attachProcess(process.start(application.getCaseNo(),
				Groups.window(application.getUsingDepartmentCode()), applicant.type().name()));
		return new Taken(application, true);
	}

	private Taken replay(Application earlier, String fingerprint) {
		if (!earlier.getRequestFingerprint().equals(fingerprint)) {
			throw new ConflictException("该幂等键已用于另一份内容不同的申请（办件 " + earlier.getCaseNo() + "）",
					"this idempotency key was used for a different application");
		}
		return new Taken(earlier, false);
	}

	private void plan(Application application, CatalogEntry entry, Certificate certificate, boolean commits,
			boolean creditFlagged) {
		var terms = new RequiredCertificate.Terms(certificate.getCode(), certificate.getName(), entry.getId(),
				entry.getVersion(), entry.getDisposition(), entry.getReplacement(), entry.getDetail(),
				entry.getLegalBasis(), entry.getDisposition() == Disposition.PROXY ? entry.getDeadlineWorkingDays()
						: certificate.getFetchWorkingDays());
		Handling handling;
		String plan;
		switch (entry.getDisposition()) {
			case CANCELLED -> {
				handling = Handling.NOT_NEEDED;
				plan = "已取消，无需提供：" + entry.getDetail();
			}
			case SHARED -> {
				handling = Handling.VERIFY;
				plan = "共享核验：" + entry.getDetail();
			}
			case PROXY -> {
				handling = Handling.PROXY;
				plan = "证跑跑代跑，" + terms.deadlineWorkingDays() + "个工作日内办结";
			}
			default -> {
				if (entry.getReplacement() == Replacement.LICENCE) {
					handling = Handling.VERIFY;
					plan = "证照替代，共享核验证照：" + entry.getDetail();
				}
				else if (!commits) {
					handling = Handling.PROXY;
					plan = "申请人未选择告知承诺，转由证跑跑代跑";
				}
				else if (creditFlagged) {
					handling = Handling.PROXY;
					plan = "申请人有虚假承诺记录，不适用告知承诺，转由证跑跑代跑";
				}
				else {
					handling = Handling.COMMITMENT;
					plan = "告知承诺：" + entry.getDetail();
				}
			}
		}
		application.require(terms, handling, plan, clock.instant());
	}

	private List<CatalogEntry> requiredEntries(Matter matter, List<String> requested) {
		List<CatalogEntry> inForce = catalog.entriesInForce(matter.getCode());
		if (requested.isEmpty()) {
			return inForce;
		}
		Map<String, CatalogEntry> byCertificate = inForce.stream()
			.collect(Collectors.toMap(CatalogEntry::getCertificateCode, Function.identity()));
		List<CatalogEntry> chosen = new ArrayList<>();
		for (String code : new LinkedHashSet<>(requested)) {
			CatalogEntry entry = byCertificate.get(code == null ? "" : code.strip());
			if (entry == null) {
				throw new InvalidInputException("requiredCertificates",
						"清单之外无证明：事项「" + matter.getName() + "」的现行证明清单中没有 " + code + "，不得要求申请人提供",
						"the catalog does not list " + code + " for this matter");
			}
			chosen.add(entry);
		}
		return chosen;
	}

	private static Set<String> commitments(List<CatalogEntry> entries, List<String> requested) {
		Set<String> commitments = new TreeSet<>();
		for (String code : requested) {
			String certificate = code == null ? "" : code.strip();
			boolean allowed = entries.stream()
				.anyMatch(e -> e.getCertificateCode().equals(certificate) && e.getReplacement() == Replacement.COMMITMENT);
			if (!allowed) {
				throw new InvalidInputException("commitments",
						"证明 " + code + " 在本事项的清单中不适用告知承诺", "no written commitment replaces " + code + " here");
			}
			commitments.add(certificate);
		}
		return commitments;
	}

	private static String fingerprint(NewApplication request, Intake intake) {
		Object[] fields = { request.applicantName(), request.idNumber(), request.phone(), request.townshipCode(),
				request.villageCode(), request.matterCode(), new TreeSet<>(request.requiredCertificates()),
				new TreeSet<>(request.commitments()), request.authorizedAtWindowOrDefault() };
		if (request.applicantType() == ApplicantType.COMPANY) {
			// a person's fingerprint stays what it was before companies could apply: a key sent again still matches
			fields = Stream.concat(Arrays.stream(fields),
					Stream.of(ApplicantType.COMPANY, request.creditCode(), request.contactName())).toArray();
		}
		if (!intake.equals(Intake.WINDOW)) {
			fields = Stream.concat(Arrays.stream(fields), Stream.of(intake.channel(), intake.reference())).toArray();
		}
		return Idempotency.fingerprint(fields);
	}

	@Transactional(readOnly = true)
	public Optional<Application> find(String caseNo) {
		return applications.findByCaseNo(caseNo);
	}

	/** Cases taken at a window in [{@code from}, {@code to}), with their certificates. For the KPIs. */
	@Transactional(readOnly = true)
	public List<Application> receivedBetween(java.time.Instant from, java.time.Instant to) {
		return applications.findByReceivedAtGreaterThanEqualAndReceivedAtLessThanOrderByReceivedAt(from, to);
	}

	@Transactional(readOnly = true)
	public Optional<Application> findByIdempotencyKey(String key) {
		return key == null ? Optional.empty() : applications.findByIdempotencyKey(key.strip());
	}
}
