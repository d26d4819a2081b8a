package org.zhengpaopao.proxyrun;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.domain.Sort.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.absence.TaskMovedForAbsence;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.IssuingLevel;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.SmsMessage;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.personaldata.IdNumber;
import org.zhengpaopao.personaldata.PersonName;
import org.zhengpaopao.personaldata.PersonalDataView;
import org.zhengpaopao.personaldata.PersonalDataViews;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.Idempotency;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;
import org.zhengpaopao.workflow.StepDeadlines;

/**
 * The proxy-run feature's API: opening runs at the window, the applicant's confirmation, and the transitions
 * the process adapter reports.
 */
@Service
@Transactional
public class ProxyRuns {

	private static final DateTimeFormatter CASE_DATE = DateTimeFormatter.BASIC_ISO_DATE;
	private static final Set<ProxyRunState> OPEN_STATES = Arrays.stream(ProxyRunState.values())
		.filter(state -> !state.isFinished())
		.collect(Collectors.toCollection(() -> EnumSet.noneOf(ProxyRunState.class)));

	private final ProxyRunRepository runs;
	private final PersonalDataViews personalDataViews;
	private final Catalog catalog;
	private final Organization organization;
	private final WorkingDayCalendar calendar;
	private final ProxyRunProcess process;
	private final Notifier notifier;
	private final org.springframework.context.ApplicationEventPublisher events;
	private final Clock clock;
	private final int confirmWithinWorkingDays;
	private final int maxCodeAttempts;
	private final String publicBaseUrl;

	ProxyRuns(ProxyRunRepository runs, PersonalDataViews personalDataViews, Catalog catalog, Organization organization, WorkingDayCalendar calendar,
			ProxyRunProcess process, Notifier notifier, org.springframework.context.ApplicationEventPublisher events,
			Clock clock,
			@Value("${zhengpaopao.authorization.confirm-within-working-days:3}") int confirmWithinWorkingDays,
			@Value("${zhengpaopao.authorization.max-code-attempts:5}") int maxCodeAttempts,
			@Value("${zhengpaopao.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.runs = runs;
		this.personalDataViews = personalDataViews;
		this.catalog = catalog;
		this.organization = organization;
		this.calendar = calendar;
		this.process = process;
		this.notifier = notifier;
		this.events = events;
		this.clock = clock;
		this.confirmWithinWorkingDays = confirmWithinWorkingDays;
		this.maxCodeAttempts = maxCodeAttempts;
		this.publicBaseUrl = publicBaseUrl;
	}

	/**
	 * A run opened on its own at a window. Validates the request completely before anything is stored; then
	 * stores the run and starts its process in the same transaction, so that a failure leaves neither behind.
	 */
	public ProxyRun open(NewProxyRun request, String actor) {
		return open(request, null, actor).run();
	}

	/** A run opened at the window, or the run this idempotency key already opened. */
	public record Opening(ProxyRun run, boolean created) {
	}

	/**
	 * Like {@link #open(NewProxyRun, String)}; with an idempotency key, the same request again returns the run the
	 * key opened, and another request with that key is refused.
	 *
	 * @throws ConflictException when the key opened a run for a different request
	 */
	public Opening open(NewProxyRun request, String idempotencyKey, String actor) {
		String key = Idempotency.key(idempotencyKey);
		String fingerprint = Idempotency.fingerprint(request.applicantName(), request.idNumber(), request.phone(),
				request.townshipCode(), request.villageCode(), request.certificateCode(), request.usingDepartmentCode(),
				request.authorizedAtWindow());
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
		ProxyRunOpened opened = store(request, certificate, certificate.getFetchWorkingDays(), null, actor,
				run -> run.keyedBy(key, key == null ? null : fingerprint));
		process.start(opened);
		return new Opening(get(opened.caseNo()), true);
	}

	@Transactional(readOnly = true)
	public Optional<ProxyRun> findByIdempotencyKey(String key) {
		return key == null ? Optional.empty() : runs.findByIdempotencyKey(key.strip());
	}

	/**
	 * A run for a certificate of a case (办件): stored now, its process started by the case's process, which
	 * hands it the returned facts.
	 */
	public ProxyRunOpened openForApplication(NewProxyRun request, int deadlineWorkingDays, String applicationCaseNo,
			String actor) {
		return store(request, certificate(request.certificateCode()), deadlineWorkingDays, applicationCaseNo, actor,
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

	private ProxyRunOpened store(NewProxyRun request, Certificate certificate, int deadlineWorkingDays,
			String applicationCaseNo, String actor, java.util.function.Consumer<ProxyRun> beforeSaving) {
		String name = PersonName.parse(request.applicantName(), "applicantName");
		IdNumber idNumber = IdNumber.parse(request.idNumber(), "idNumber");
		String phone = PhoneNumber.parse(request.phone(), "phone");
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
		ProxyRun run = new ProxyRun(new ProxyRun.Applicant(name, idNumber.value(), phone),
				new ProxyRun.Request(township.getCode(), village.getCode(), certificate.getCode(),
						usingDepartment.getCode(), applicationCaseNo, deadlineWorkingDays),
				new ProxyRun.Issuer(issuer.code(), issuer.name()), authorizationDue, actor, clock.instant());
		beforeSaving.accept(run);
		runs.saveAndFlush(run);
		run.assignCaseNo("DP" + LocalDate.now(clock).format(CASE_DATE) + "-" + String.format("%06d", run.getId()));
		return new ProxyRunOpened(run.getCaseNo(), run.getId(), request.authorizedAtWindow(), authorizationDue,
				certificate.getCode(), certificate.getName(), certificate.getIssuingLevel().name(),
				certificate.getIssuingDepartmentCode(), issuer.hasLiaison(), issuer.name(), issuer.group(),
				township.getCode(), village.getCode());
	}

	private IssuerFacts issuerOf(Certificate certificate, Division township, Division village) {
		if (certificate.getIssuingLevel() == IssuingLevel.COUNTY) {
			Department department = organization.department(certificate.getIssuingDepartmentCode()).orElseThrow();
			return new IssuerFacts(department.getCode(), department.getName(),
					Groups.issuingClerks(department.getCode()), department.hasLiaison());
		}
		// Township and village issuers are the applicant's own; village committees work through the township's
		// clerks in Tasklist (see docs/adr/0007-foundation.md).
		if (certificate.getIssuingLevel() == IssuingLevel.TOWNSHIP) {
			return new IssuerFacts(township.getCode(), township.getName(), Groups.issuingClerks(township.getCode()),
					false);
		}
		String committee = village.getName() + (village.getName().endsWith("社区") ? "居民委员会" : "民委员会");
		return new IssuerFacts(township.getCode(), committee, Groups.issuingClerks(township.getCode()), false);
	}

	private record IssuerFacts(String code, String name, String group, boolean hasLiaison) {
	}

	/** Open runs carrying a yellow or red card, the longest overdue first. */
	@Transactional(readOnly = true)
	public Page<ProxyRun> carded(CardedRunCriteria criteria,
			Pageable pageable) {
		return runs.findAll(criteria.toSpecification(), PageRequest.of(pageable.getPageNumber(), pageable.getPageSize(),
					// red runs (level 1 and up) before yellow ones; among them the earliest deadline is the most overdue
					Sort.by(Order.desc("escalationLevel"), Order.asc("deadline"), Order.asc("caseNo"))));
	}

	/** Yellow and red counts of open runs, by township and by issuer. */
	@Transactional(readOnly = true)
	public CardCounts cardCounts() {
		return new CardCounts(runs.countCardsByTownship(), runs.countCardsByIssuer());
	}

	/** Runs ever opened, all nodes together. Runs are never deleted, so the number only grows (for metrics). */
	@Transactional(readOnly = true)
	public long countOpened() {
		return runs.count();
	}

	/** Runs whose certificate reached the using department, all nodes together; only grows (for metrics). */
	@Transactional(readOnly = true)
	public long countDelivered() {
		return runs.countByState(ProxyRunState.DELIVERED);
	}

	/**
	 * Open runs carrying a red card, by escalation level: 1 = handed to the task force, 2 and 3 = the further
	 * levels reported to 督考办. Levels without runs are left out.
	 */
	@Transactional(readOnly = true)
	public Map<Integer, Long> openOverdueByLevel() {
		Map<Integer, Long> byLevel = new TreeMap<>();
		for (Object[] row : runs.countByEscalationLevel(Card.RED, OPEN_STATES)) {
			byLevel.put(((Number) row[0]).intValue(), ((Number) row[1]).longValue());
		}
		return byLevel;
	}

	/** Open runs carrying a yellow card (due within a working day, not yet overdue). */
	@Transactional(readOnly = true)
	public long countOpenWithYellowCard() {
		return runs.countByCardAndStateIn(Card.YELLOW, OPEN_STATES);
	}

	/**
	 * Runs opened before {@code to} that were unfinished at some moment of [{@code from}, {@code to}): open now, or
	 * with a step (their ending at the latest) at or after {@code from}; with their steps. For the KPIs.
	 */
	@Transactional(readOnly = true)
	public java.util.List<ProxyRun> aliveBetween(Instant from, Instant to) {
		return runs.findAliveBetween(from, to, OPEN_STATES);
	}

	@Transactional(readOnly = true)
	public Optional<ProxyRun> findByProcessInstance(String processInstanceId) {
		return runs.findByProcessInstanceId(processInstanceId);
	}

	@Transactional(readOnly = true)
	public Optional<ProxyRun> find(String caseNo) {
		return runs.findByCaseNo(caseNo);
	}

	/**
	 * The run, for a member of staff who is about to see the applicant's full ID number and phone; the view is
	 * recorded first, in the same transaction, so that no full view goes unrecorded.
	 */
	public ProxyRun revealApplicant(String caseNo, String viewer) {
		ProxyRun run = get(caseNo);
		personalDataViews.record(run.getCaseNo(), viewer, PersonalDataView.Shown.ID_NUMBER_AND_PHONE);
		return run;
	}

	/** The applicant's view: only with the phone number the run was opened with. */
	@Transactional(readOnly = true)
	public Optional<ProxyRun> track(String caseNo, String phone) {
		return runs.findByCaseNo(caseNo).filter(run -> run.getPhone().equals(phone == null ? "" : phone.strip()));
	}

	/** The code is minted when the message goes out, and only its hash is kept (AuthorizationCodes). */
	public void sendAuthorizationCode(String caseNo) {
		ProxyRun run = get(caseNo);
		run.requestAuthorizationCode(clock.instant());
		notifier.send(SmsMessage.withOneTimeCode(run.getPhone(),
				"【证跑跑】您的代跑办件 " + caseNo + " 需要您确认授权，验证码 " + SmsMessage.CODE + "，请打开 " + publicBaseUrl
						+ "/public/authorize?caseNo=" + caseNo + " 输入。", caseNo));
	}

	public AuthorizationOutcome confirmAuthorization(String caseNo, String code) {
		Optional<ProxyRun> found = runs.findForUpdateByCaseNo(caseNo == null ? "" : caseNo.strip());
		if (found.isEmpty()) {
			return AuthorizationOutcome.NOT_PENDING;
		}
		ProxyRun run = found.get();
		AuthorizationOutcome outcome = run.confirmAuthorization(code == null ? "" : code.strip(), maxCodeAttempts,
				clock.instant());
		if (outcome == AuthorizationOutcome.CONFIRMED) {
			process.applicantAuthorized(run.getCaseNo());
		}
		return outcome;
	}

	public void expireAuthorization(String caseNo) {
		get(caseNo).expireAuthorization(clock.instant());
	}

	/**
	 * Hands the run to its runner group and fixes its deadline, counted in working days from today.
	 */
	public StepDeadlines route(String caseNo, String runnerGroup) {
		ProxyRun run = get(caseNo);
		Certificate certificate = catalog.certificate(run.getCertificateCode()).orElseThrow();
		var deadline = calendar.deadline(LocalDate.now(clock), run.getDeadlineWorkingDays());
		StepDeadlines deadlines = StepDeadlines.on(calendar, deadline.date());
		run.route(runnerGroup, deadline.date(), deadlines.dueAt(), deadline.provisional(), clock.instant());
		notifier.send(new GroupMessage(runnerGroup, "新代跑任务 " + caseNo, "新的代跑任务：" + certificate.getName() + "（"
				+ run.getIssuerName() + "出具），办结期限 " + deadline.date() + " 18:00，请在任务列表认领。", caseNo));
		return deadlines;
	}

	/** @param runner the runner who holds the open task, if any, so that the message names them */
	public void raiseYellowCard(String caseNo, String runner) {
		ProxyRun run = get(caseNo);
		if (run.raiseYellowCard(clock.instant())) {
			notifier.send(new GroupMessage(run.getRunnerGroup(), "黄牌预警 " + caseNo,
					"代跑办件 " + caseNo + " 将于 " + run.getDeadline() + " 18:00 到期，请抓紧办理" + mention(runner) + "。", caseNo));
		}
	}

	public void raiseRedCard(String caseNo, String runner) {
		ProxyRun run = get(caseNo);
		if (run.raiseRedCard(clock.instant())) {
			String text = "代跑办件 " + caseNo + " 已超过办结期限 " + run.getDeadline() + "，已移交工作专班督办" + mention(runner) + "。";
			notifier.send(new GroupMessage(run.getRunnerGroup(), "红牌超期 " + caseNo, text, caseNo));
			notifier.send(new GroupMessage(Groups.TASK_FORCE, "红牌超期 " + caseNo, text, caseNo));
		}
	}

	public void escalate(String caseNo, int level) {
		ProxyRun run = get(caseNo);
		if (run.escalate(level, clock.instant())) {
			notifier.send(new GroupMessage(Groups.MANAGERS, level + "级督办 " + caseNo,
					"代跑办件 " + caseNo + "（" + run.getRunnerGroup() + "）超期仍未办结，期限 " + run.getDeadline()
							+ "，已升级为" + level + "级督办，纳入考核。",
					caseNo));
		}
	}

	public void urge(String caseNo, String actor, String note, String runner) {
		ProxyRun run = get(caseNo);
		run.urge(actor, note, clock.instant());
		notifier.send(new GroupMessage(run.getRunnerGroup(), "工作专班催办 " + caseNo,
				"工作专班催办代跑办件 " + caseNo + mention(runner) + (note == null || note.isBlank() ? "" : "：" + note.strip()),
				caseNo));
	}

	public void transfer(String caseNo, String actor, String to, boolean toGroup) {
		get(caseNo).transfer(actor, to, toGroup, clock.instant());
	}

	/** Absence cover moved the run's task: the move goes into the run's history. Tasks of other processes are skipped. */
	@EventListener
	public void taskMovedForAbsence(TaskMovedForAbsence moved) {
		runs.findByProcessInstanceId(moved.processInstanceId())
			.ifPresent(run -> run.coverForAbsence(moved.actor(), moved.note(), clock.instant()));
	}

	public StepDeadlines extendDeadline(String caseNo, String actor, LocalDate newDeadline, String reason) {
		if (newDeadline == null) {
			throw new InvalidInputException("newDeadline", "请选择新的办结期限", "choose the new deadline");
		}
		if (!calendar.isWorkingDay(newDeadline)) {
			throw new InvalidInputException("newDeadline", "新的办结期限须为工作日", "the new deadline must be a working day");
		}
		ProxyRun run = get(caseNo);
		StepDeadlines deadlines = StepDeadlines.on(calendar, newDeadline);
		boolean provisional = !calendar.loadedYears().contains(newDeadline.getYear());
		run.extendDeadline(actor, newDeadline, deadlines.dueAt(), provisional, reason, clock.instant());
		return deadlines;
	}

	public void closeAsException(String caseNo, String actor, String reason) {
		get(caseNo).closeAsException(actor, reason, clock.instant());
		events.publishEvent(new ProxyRunFinished(caseNo));
	}

	private static String mention(String runner) {
		return runner == null ? "" : "（当前办理人 @" + runner + "）";
	}

	public void requestedFromIssuer(String caseNo, String actor, String note) {
		get(caseNo).markRequestedFromIssuer(actor, note, clock.instant());
	}

	public void issued(String caseNo, String actor) {
		get(caseNo).markIssued(actor, clock.instant());
	}

	public void refused(String caseNo, String actor, String reason) {
		get(caseNo).markRefused(actor, reason, clock.instant());
		events.publishEvent(new ProxyRunFinished(caseNo));
	}

	public void moreInformationNeeded(String caseNo, String actor, String what) {
		get(caseNo).requestMoreInformation(actor, what, clock.instant());
	}

	public void informationSupplemented(String caseNo, String actor, String note) {
		get(caseNo).supplementInformation(actor, note, clock.instant());
	}

	public void delivered(String caseNo, String actor, String note) {
		get(caseNo).markDelivered(actor, note, clock.instant());
		events.publishEvent(new ProxyRunFinished(caseNo));
	}

	private ProxyRun get(String caseNo) {
		return runs.findByCaseNo(caseNo)
			.orElseThrow(() -> new NotFoundException("没有这个代跑办件：" + caseNo, "no proxy-run " + caseNo));
	}
}
