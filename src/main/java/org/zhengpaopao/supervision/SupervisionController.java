package org.zhengpaopao.supervision;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.ApplicantType;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.proxyrun.Card;
import org.zhengpaopao.proxyrun.CardCounts;
import org.zhengpaopao.proxyrun.CardedRunCriteria;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.SupervisedRuns;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

@RestController
class SupervisionController {

	static final String PAGE = "页码为 0–1000000 / page is 0–1000000";

	private final SupervisedRuns proxyRuns;
	private final RunnerAssignments runnerAssignments;
	private final Organization organization;
	private final Catalog catalog;
	private final WorkingDayCalendar calendar;
	private final Clock clock;

	SupervisionController(SupervisedRuns proxyRuns, RunnerAssignments runnerAssignments, Organization organization,
			Catalog catalog, WorkingDayCalendar calendar, Clock clock) {
		this.proxyRuns = proxyRuns;
		this.runnerAssignments = runnerAssignments;
		this.organization = organization;
		this.catalog = catalog;
		this.calendar = calendar;
		this.clock = clock;
	}

	@GetMapping("/api/supervision/overdue")
	@Operation(summary = "超期代跑 / Open runs with a yellow or red card, the longest overdue first",
			description = "For managers and the task force. workingDaysOverdue counts the working days after the "
					+ "deadline up to today; escalationLevel is 1 at the red card, 2 and 3 when reported to the managers.")
	OverduePage overdue(@RequestParam(required = false) String township,
			@RequestParam(required = false) String department,
			@RequestParam(required = false) @Min(value = 0, message = "督办级别为 0–3 / level is 0–3") @Max(value = 3,
					message = "督办级别为 0–3 / level is 0–3") Integer level,
			@RequestParam(defaultValue = "0") @Min(value = 0, message = PAGE) @Max(value = 1_000_000, message = PAGE) int page,
			@RequestParam(defaultValue = "20") @Min(value = 1, message = "每页 1–200 条 / size is 1–200") @Max(value = 200,
					message = "每页 1–200 条 / size is 1–200") int size) {
		// the plugin offers known codes only; anything else is a mistake to name, not an empty list
		if (township != null && !township.isBlank() && organization.township(township).isEmpty()) {
			throw new InvalidInputException("township", "没有这个乡镇（街道）", "unknown township");
		}
		if (department != null && !department.isBlank() && organization.department(department).isEmpty()
				&& organization.township(department).isEmpty() && organization.village(department).isEmpty()) {
			throw new InvalidInputException("department", "没有这个出证单位", "unknown issuer");
		}
		Page<ProxyRun> runs = proxyRuns.carded(new CardedRunCriteria(township, department, level),
				PageRequest.of(page, size));
		Map<String, String> runners = runnerAssignments
			.of(runs.getContent().stream().map(ProxyRun::getProcessInstanceId).toList());
		LocalDate today = LocalDate.now(clock);
		CardCounts counts = proxyRuns.cardCounts();
		return new OverduePage(runs.getContent().stream().map(run -> item(run, runners, today)).toList(), page, size,
				runs.getTotalElements(), runs.getTotalPages(),
				counts.byTownship().stream().map(c -> count(c, townshipName(c.code()))).toList(),
				counts.byIssuer().stream().map(c -> count(c, issuerName(c.code()))).toList());
	}

	@GetMapping("/api/supervision/process-instances/{processInstanceId}")
	@Operation(summary = "某流程实例的代跑详情 / The proxy-run of a process instance, for Cockpit's tab")
	RunDetails run(@PathVariable String processInstanceId) {
		ProxyRun run = proxyRuns.findByProcessInstance(processInstanceId)
			.orElseThrow(() -> new NotFoundException("该流程实例不是代跑办件", "no proxy-run for this process instance"));
		String runner = runnerAssignments.of(List.of(processInstanceId)).get(processInstanceId);
		Applicant applicant = run.getApplicant();
		return new RunDetails(run.getCaseNo(), run.getState().name(), run.getState().label(), run.getCertificateCode(),
				certificateName(run), run.getTownshipCode(), townshipName(run.getTownshipCode()), run.getVillageCode(),
				organization.village(run.getVillageCode()).map(Division::getName).orElse(run.getVillageCode()),
				run.getIssuerName(), applicant.type(), applicant.type().label(),
				// masked: supervising a run needs the person, not their numbers; a company's credit code is public
				applicant.name(), applicant.maskedIdNumber(), applicant.creditCode(), applicant.contactName(),
				PhoneNumber.mask(applicant.phone()),
				run.getRunnerGroup(), runner, run.getDeadline(), run.getDueAt(), run.getCard(),
				run.getEscalationLevel(), daysOverdue(run, LocalDate.now(clock)),
				run.getSteps()
					.stream()
					.map(s -> new Step(s.getStep(), s.getLabel(), s.getActor(), s.getAt(), s.getNote()))
					.toList());
	}

	private OverdueItem item(ProxyRun run, Map<String, String> runners, LocalDate today) {
		Applicant applicant = run.getApplicant();
		return new OverdueItem(run.getCaseNo(), run.getProcessInstanceId(), applicant.type(),
				applicant.kindAndCompany(), run.getCertificateCode(),
				certificateName(run), run.getTownshipCode(), townshipName(run.getTownshipCode()), run.getIssuerCode(),
				run.getIssuerName(), run.getRunnerGroup(), runners.get(run.getProcessInstanceId()), run.getDeadline(),
				run.getDueAt(), run.getCard(), daysOverdue(run, today), run.getEscalationLevel(),
				"/camunda/app/cockpit/default/#/process-instance/" + run.getProcessInstanceId() + "/runtime");
	}

	private int daysOverdue(ProxyRun run, LocalDate today) {
		return run.getCard() == Card.RED && run.getDeadline() != null
				? calendar.workingDaysBetween(run.getDeadline(), today) : 0;
	}

	private String certificateName(ProxyRun run) {
		return catalog.certificate(run.getCertificateCode()).map(Certificate::getName).orElse(run.getCertificateCode());
	}

	private String townshipName(String code) {
		return organization.township(code).map(Division::getName).orElse(code);
	}

	private String issuerName(String code) {
		return Optional.ofNullable(code)
			.flatMap(organization::department)
			.map(Department::getName)
			.or(() -> Optional.ofNullable(code).flatMap(organization::village).map(Division::committeeName))
			.orElseGet(() -> townshipName(code));
	}

	private static CardCount count(CardCounts.Count count, String name) {
		return new CardCount(count.code(), name, count.yellow(), count.red());
	}

	record OverduePage(List<OverdueItem> items, int page, int size, long totalItems, int totalPages,
			List<CardCount> byTownship, List<CardCount> byIssuer) {
	}

	/** @param applicant 「个人」, or 「企业：」 and the company's name: the list names no person */
	record OverdueItem(String caseNo, String processInstanceId, ApplicantType applicantType, String applicant,
			String certificateCode, String certificateName,
			String townshipCode, String townshipName, String issuerCode, String issuerName, String runnerGroup,
			String runner, LocalDate deadline, Instant dueAt, Card card, int workingDaysOverdue, int escalationLevel,
			String cockpitUrl) {
	}

	record CardCount(String code, String name, long yellow, long red) {
	}

	record RunDetails(String caseNo, String state, String stateLabel, String certificateCode, String certificateName,
			String townshipCode, String townshipName, String villageCode, String villageName, String issuerName,
			ApplicantType applicantType, String applicantTypeLabel, String applicantName, String idNumber,
			String creditCode, String contactName, String phone, String runnerGroup,
			String runner, LocalDate deadline, Instant dueAt, Card card, int escalationLevel, int workingDaysOverdue,
			List<Step> steps) {
	}

	record Step(String step, String label, String actor, Instant at, String note) {
	}
}
