package org.zhengpaopao.proxyrun;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.IssuingLevel;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.Idempotency;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.personaldata.PersonalDataView;
import org.zhengpaopao.personaldata.PersonalDataViews;

/**
 * The proxy-run feature's front door: opening runs (at the window, idempotently, or for a case) and finding a run.
 * The applicant's online authorization is {@link ProxyRunAuthorizations}; what the process reports is
 * {@link ProxyRunProgress} (the fetch) and {@link ProxyRunSupervision} (deadline, cards, the task force); the read
 * models are {@link SupervisedRuns} (supervision) and {@link ProxyRunStatistics} (metrics and KPIs).
 */
@Service
@Transactional
public class ProxyRuns {

	private static final DateTimeFormatter CASE_DATE = DateTimeFormatter.BASIC_ISO_DATE;

	private final ProxyRunRepository runs;
	private final PersonalDataViews personalDataViews;
	private final Catalog catalog;
	private final Organization organization;
	private final WorkingDayCalendar calendar;
	private final ProxyRunProcess process;
	private final Clock clock;
	private final int confirmWithinWorkingDays;

	ProxyRuns(ProxyRunRepository runs, PersonalDataViews personalDataViews, Catalog catalog, Organization organization, WorkingDayCalendar calendar,
			ProxyRunProcess process, Clock clock,
			@Value("${zhengpaopao.authorization.confirm-within-working-days:3}") int confirmWithinWorkingDays) {
		this.runs = runs;
		this.personalDataViews = personalDataViews;
		this.catalog = catalog;
		this.organization = organization;
		this.calendar = calendar;
		this.process = process;
		this.clock = clock;
		this.confirmWithinWorkingDays = confirmWithinWorkingDays;
	}

	/**
	 * A run opened on its own at a window. Validates the request completely before anything is stored; then
	 * stores the run and starts its process in the same transaction, so that a failure leaves neither behind.
	 */
	public ProxyRun open(NewProxyRun request, String actor) {
		return open(request, Intake.WINDOW, null, actor).run();
	}

	/** A run opened at the window, or the run this idempotency key already opened. */
	public record Opening(ProxyRun run, boolean created) {
	}

	/** At a window: {@link #open(NewProxyRun, Intake, String, String)} with {@link Intake#WINDOW}. */
	public Opening open(NewProxyRun request, String idempotencyKey, String actor) {
		return open(request, Intake.WINDOW, idempotencyKey, actor);
	}

	/**
	 * Like {@link #open(NewProxyRun, String)}; with an idempotency key, the same request again returns the run the
	 * key opened, and another request with that key is refused.
	 *
	 * @param intake where the run was taken in; a platform's or an agent's run is authorized with its intake when
	 *               {@code request.authorizedAtWindow()} says so
	 * @throws ConflictException when the key opened a run for a different request
	 */
	public Opening open(NewProxyRun request, Intake intake, String idempotencyKey, String actor) {
		String key = Idempotency.key(idempotencyKey);
		String fingerprint = fingerprint(request, intake);
		if (key != null) {
			Optional<ProxyRun> earlier = runs.findByIdempotencyKey(key);
			if (earlier.isPresent()) {
				if (!fingerprint.equals(earlier.get().getRequestFingerprint())) {
					throw new ConflictException("该幂等键已用于另一份内容不同的代跑申请（办件 " + earlier.get().getCaseNo() + "）",
							"this idempotency key was used for a different proxy-run request");
				}
				return new Opening(earlier.get(), false);
			}
		}
		Certificate certificate = certificate(request.certificateCode());
		if (!catalog.keepsAsProxyRun(certificate.getCode())) {
			throw new InvalidInputException("certificateCode", "证明清单中该证明不属于代跑证明（取消、共享或替代），无需代跑",
					"the catalog does not keep this certificate as a proxy-run, not a proxy-run certificate");
		}
		ProxyRunOpened opened = store(request, intake, certificate, certificate.getFetchWorkingDays(), null, null,
				actor, run -> run.keyedBy(key, key == null ? null : fingerprint));
		process.start(opened);
		return new Opening(get(opened.caseNo()), true);
	}

	private static String fingerprint(NewProxyRun request, Intake intake) {
		Object[] fields = { request.applicantName(), request.idNumber(), request.phone(), request.townshipCode(),
				request.villageCode(), request.certificateCode(), request.usingDepartmentCode(),
				request.authorizedAtWindow() };
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
	public Optional<ProxyRun> findByIdempotencyKey(String key) {
		return key == null ? Optional.empty() : runs.findByIdempotencyKey(key.strip());
	}

	/**
	 * A run for a certificate of a case (办件): stored now, its process started by the case's process, which
	 * hands it the returned facts.
	 */
	public ProxyRunOpened openForApplication(NewProxyRun request, Intake intake, int deadlineWorkingDays,
			String applicationCaseNo, String matterName, String actor) {
		return store(request, intake, certificate(request.certificateCode()), deadlineWorkingDays, applicationCaseNo,
				matterName, actor,
				run -> {
				});
	}

	/** The process variables a run's process starts with. */
	public java.util.Map<String, Object> processVariables(ProxyRunOpened opened) {
		return process.variables(opened);
	}

	/** The run's process has started, whoever started it. */
	public void processStarted(String caseNo, String processInstanceId) {
		get(caseNo).attachProcess(processInstanceId);
	}

	private Certificate certificate(String code) {
		return catalog.certificate(code)
			.orElseThrow(() -> new InvalidInputException("certificateCode", "证明清单中没有这个证明",
					"the catalog has no such certificate"));
	}

	private ProxyRunOpened store(NewProxyRun request, Intake intake, Certificate certificate, int deadlineWorkingDays,
			String applicationCaseNo, String matterName, String actor,
			java.util.function.Consumer<ProxyRun> beforeSaving) {
		Applicant applicant = Applicant.parse(request.applicantType(), request.applicantName(), request.idNumber(),
				request.creditCode(), request.contactName(), request.phone());
		Organization.Residence residence = organization.residence(request.townshipCode(), request.villageCode());
		Division township = residence.township();
		Division village = residence.village();
		Department usingDepartment = organization.department(request.usingDepartmentCode())
			.filter(Department::hasWindow)
			.orElseThrow(() -> new InvalidInputException("usingDepartmentCode", "没有这个用证部门",
					"unknown using department"));

		IssuerFacts issuer = issuerOf(certificate, township, village);
		Instant authorizationDue = request.authorizedAtWindow() ? null
				: calendar.deadline(LocalDate.now(clock), confirmWithinWorkingDays).dueAt().toInstant();
		ProxyRun run = new ProxyRun(applicant,
				new ProxyRun.Request(township.getCode(), village.getCode(), certificate.getCode(),
						usingDepartment.getCode(), applicationCaseNo, matterName, deadlineWorkingDays),
				intake, new ProxyRun.Issuer(issuer.code(), issuer.name()), authorizationDue, actor, clock.instant());
		beforeSaving.accept(run);
		runs.saveAndFlush(run);
		run.assignCaseNo("DP" + LocalDate.now(clock).format(CASE_DATE) + "-" + String.format("%06d", run.getId()));
		return new ProxyRunOpened(run.getCaseNo(), run.getId(), applicant.type().name(), request.authorizedAtWindow(),
				authorizationDue, certificate.getCode(), certificate.getName(), certificate.getIssuingLevel().name(),
				certificate.getIssuingDepartmentCode(), issuer.hasLiaison(), issuer.name(), issuer.group(),
				township.getCode(), village.getCode());
	}

	private IssuerFacts issuerOf(Certificate certificate, Division township, Division village) {
		if (certificate.getIssuingLevel() == IssuingLevel.COUNTY) {
			Department department = organization.department(certificate.getIssuingDepartmentCode()).orElseThrow();
			return new IssuerFacts(department.getCode(), department.getName(),
					Groups.issuingClerks(department.getCode()), department.hasLiaison());
		}
		// Township and village issuers are the applicant's own; a village committee issues through its own clerks
		// (docs/adr/0041-village-clerks-and-agents.md).
		if (certificate.getIssuingLevel() == IssuingLevel.TOWNSHIP) {
			return new IssuerFacts(township.getCode(), township.getName(), Groups.issuingClerks(township.getCode()),
					false);
		}
		return new IssuerFacts(village.getCode(), village.committeeName(), Groups.issuingClerks(village.getCode()),
				false);
	}

	private record IssuerFacts(String code, String name, String group, boolean hasLiaison) {
	}

	@Transactional(readOnly = true)
	public Optional<ProxyRun> find(String caseNo) {
		return runs.findByCaseNo(caseNo);
	}

	/**
	 * The run, for a member of staff who is about to see the applicant's full ID number and phone (a company's
	 * contact's phone); the view is recorded first, in the same transaction, so that no full view goes unrecorded.
	 */
	public ProxyRun revealApplicant(String caseNo, String viewer) {
		ProxyRun run = get(caseNo);
		// a company has no ID number: its contact's phone is all that is personal and shown in full
		personalDataViews.record(run.getCaseNo(), viewer, run.getApplicant().isCompany() ? PersonalDataView.Shown.PHONE
				: PersonalDataView.Shown.ID_NUMBER_AND_PHONE);
		return run;
	}

	/** The runner asking for more material (补充材料) calls the applicant: the phone in full, the view recorded. */
	public ProxyRun revealApplicantPhone(String caseNo, String viewer) {
		ProxyRun run = get(caseNo);
		personalDataViews.record(run.getCaseNo(), viewer, PersonalDataView.Shown.PHONE);
		return run;
	}

	/** The applicant's view: only with the phone number the run was opened with. */
	@Transactional(readOnly = true)
	public Optional<ProxyRun> track(String caseNo, String phone) {
		return runs.findByCaseNo(caseNo).filter(run -> run.getPhone().equals(phone == null ? "" : phone.strip()));
	}

	private ProxyRun get(String caseNo) {
		return runs.require(caseNo);
	}
}
