package org.zhengpaopao.agent;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.zhengpaopao.applicant.IntakeChannel;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.ApplicationState;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.ApplicationsInVillage;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.organization.Department;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.proxyrun.AuthorizationOutcome;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunAuthorizations;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRunStep;
import org.zhengpaopao.proxyrun.ProxyRunStepKind;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.proxyrun.RunsInVillage;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

/**
 * The agent's villages and their cases: what the agents took, newest first, with the state and deadline, the runs
 * waiting for the villager's code, and the results handed back. ID numbers only masked.
 */
@Service
class AgentDesk {

	private final AgentVillages villages;
	private final RunsInVillage runs;
	private final ApplicationsInVillage applications;
	private final ProxyRuns proxyRuns;
	private final Applications allApplications;
	private final ProxyRunAuthorizations authorizations;
	private final Organization organization;
	private final Catalog catalog;

	AgentDesk(AgentVillages villages, RunsInVillage runs, ApplicationsInVillage applications, ProxyRuns proxyRuns,
			Applications allApplications, ProxyRunAuthorizations authorizations, Organization organization,
			Catalog catalog) {
		this.villages = villages;
		this.runs = runs;
		this.applications = applications;
		this.proxyRuns = proxyRuns;
		this.allApplications = allApplications;
		this.authorizations = authorizations;
		this.organization = organization;
		this.catalog = catalog;
	}

	Desk of(Authentication agent) {
		List<AgentVillages.Village> mine = villages.of(agent);
		List<String> codes = mine.stream().map(AgentVillages.Village::code).toList();
		Map<String, String> names = mine.stream()
			.collect(Collectors.toMap(AgentVillages.Village::code, AgentVillages.Village::name));
		List<ProxyRun> villageRuns = runs.takenIn(codes);
		Map<String, LocalDate> caseDeadlines = villageRuns.stream()
			.filter(r -> r.getApplicationCaseNo() != null && r.getDeadline() != null)
			.collect(Collectors.toMap(ProxyRun::getApplicationCaseNo, ProxyRun::getDeadline,
					(a, b) -> a.isAfter(b) ? a : b));
		List<VillageCase> cases = new ArrayList<>();
		applications.takenIn(codes)
			.forEach(a -> cases.add(VillageCase.of(a, names.get(a.getVillageCode()), caseDeadlines.get(a.getCaseNo()))));
		villageRuns.stream()
			.filter(r -> r.getApplicationCaseNo() == null)
			.forEach(r -> cases.add(VillageCase.of(r, names.get(r.getVillageCode()), certificateName(r))));
		cases.sort(Comparator.comparing(VillageCase::receivedAt).reversed());
		List<PendingAuthorization> pending = runs.awaitingAuthorization(codes)
			.stream()
			.map(r -> new PendingAuthorization(r.getCaseNo(), r.getApplicationCaseNo(), certificateName(r),
					r.getApplicantName(), r.getApplicant().maskedIdNumber(), names.get(r.getVillageCode()),
					r.getSteps().stream().anyMatch(s -> s.is(ProxyRunStepKind.AUTHORIZATION_CODE_SENT)),
					r.getAuthorizationDue()))
			.toList();
		List<UsingDepartment> departments = organization.departments()
			.stream()
			.filter(Department::hasWindow)
			.map(d -> new UsingDepartment(d.getCode(), d.getName()))
			.toList();
		return new Desk(mine, departments, cases, pending);
	}

	/**
	 * The villager read out the code the text message brought: confirmed, or refused like the public page refuses
	 * it (the attempt counts; too many and the code is used up).
	 */
	String confirm(Authentication agent, String caseNo, String code) {
		ProxyRun run = villageRun(agent, caseNo);
		if (code == null || code.isBlank()) {
			throw new InvalidInputException("code", "请输入村民收到的短信验证码", "the code is required");
		}
		AuthorizationOutcome outcome = authorizations.confirmAuthorization(run.getCaseNo(), code.strip());
		return switch (outcome) {
			case CONFIRMED -> "村民已授权，证跑跑开始代跑 " + certificateName(run) + "。";
			case WRONG_CODE -> throw new InvalidInputException("code", "验证码不正确，请村民核对短信后重新告知",
					"wrong code");
			case LOCKED -> throw new ConflictException("验证码错误次数过多，已失效；请村民到窗口办理或重新受理",
					"too many wrong codes: the code is used up");
			case NOT_PENDING -> throw new ConflictException("该代跑不在待授权状态（已授权或授权已过期）",
					"the run is not waiting for an authorization");
		};
	}

	/** The agent handed the result back to the villager; a case, or a run taken on its own. */
	VillageCase handBack(Authentication agent, String caseNo) {
		List<String> codes = villages.of(agent).stream().map(AgentVillages.Village::code).toList();
		Optional<Application> application = allApplications.find(caseNo).filter(a -> takenIn(codes, a.getIntake()));
		if (application.isPresent()) {
			Application handed = applications.handBack(application.get().getCaseNo(), agent.getName());
			return VillageCase.of(handed, villageName(handed.getVillageCode()), null);
		}
		ProxyRun run = villageRun(agent, caseNo);
		if (run.getApplicationCaseNo() != null) {
			throw new ConflictException("办件 " + run.getApplicationCaseNo() + " 中的代跑随办件一并交还",
					"a case's proxy-run is handed back with its case");
		}
		ProxyRun handed = runs.handBack(run.getCaseNo(), agent.getName());
		return VillageCase.of(handed, villageName(handed.getVillageCode()), certificateName(handed));
	}

	/** A run one of the agent's villages took; anything else does not exist for the agent. */
	private ProxyRun villageRun(Authentication agent, String caseNo) {
		List<String> codes = villages.of(agent).stream().map(AgentVillages.Village::code).toList();
		return proxyRuns.find(caseNo == null ? "" : caseNo.strip())
			.filter(r -> takenIn(codes, r.getIntake()))
			.orElseThrow(() -> new NotFoundException("本村没有这个办件：" + caseNo, "no case of the agent's villages: "
					+ caseNo));
	}

	private static boolean takenIn(List<String> villageCodes, org.zhengpaopao.applicant.Intake intake) {
		return intake.channel() == IntakeChannel.AGENT && villageCodes.contains(intake.reference());
	}

	private String certificateName(ProxyRun run) {
		return catalog.certificate(run.getCertificateCode()).map(Certificate::getName).orElse(run.getCertificateCode());
	}

	private String villageName(String code) {
		return organization.village(code).map(v -> v.getName()).orElse(code);
	}

	record Desk(List<AgentVillages.Village> villages, List<UsingDepartment> usingDepartments, List<VillageCase> cases,
			List<PendingAuthorization> pendingAuthorizations) {
	}

	record UsingDepartment(String code, String name) {
	}

	/**
	 * @param result         what came back, in Chinese, once there is a result to hand back; {@code null} before
	 * @param handBackable   the result is back and not handed to the villager yet
	 * @param deadline       the run's deadline; a case's: its latest run's, none when no runner is needed
	 */
	record VillageCase(String caseNo, String kind, String subject, String applicantName, String maskedIdNumber,
			String villageName, String state, String stateLabel, boolean authorized, LocalDate deadline,
			Instant receivedAt, String receivedBy, String result, boolean handBackable, Instant handedBackAt,
			String handedBackBy) {

		static VillageCase of(Application a, String villageName, LocalDate deadline) {
			boolean decided = a.getState() == ApplicationState.APPROVED || a.getState() == ApplicationState.REJECTED;
			return new VillageCase(a.getCaseNo(), "APPLICATION", a.getMatterName(), a.getApplicantName(),
					a.getApplicant().maskedIdNumber(), villageName, a.getState().name(), a.getState().label(),
					a.isAuthorizedAtWindow(), deadline, a.getReceivedAt(), a.getReceivedBy(),
					decided ? a.getState().label() + (a.getRejectionReason() == null ? "" : "：" + a.getRejectionReason())
							: null,
					decided && a.getHandedBackAt() == null, a.getHandedBackAt(), a.getHandedBackBy());
		}

		static VillageCase of(ProxyRun r, String villageName, String certificateName) {
			Optional<ProxyRunStep> handedBack = r.handedBackInVillage();
			boolean back = r.getState() == ProxyRunState.DELIVERED;
			return new VillageCase(r.getCaseNo(), "PROXY_RUN", certificateName, r.getApplicantName(),
					r.getApplicant().maskedIdNumber(), villageName, r.getState().name(), r.getState().label(),
					r.isAuthorizedAtWindow(), r.getDeadline(), r.getCreatedAt(), r.getCreatedBy(),
					back ? "证明已由用证部门签收" : null, back && handedBack.isEmpty(),
					handedBack.map(ProxyRunStep::getAt).orElse(null),
					handedBack.map(ProxyRunStep::getActor).orElse(null));
		}
	}

	/** A run of the villages waiting for the villager's code; {@code codeSent} once the text message went out. */
	record PendingAuthorization(String caseNo, String applicationCaseNo, String certificateName, String applicantName,
			String maskedIdNumber, String villageName, boolean codeSent, Instant authorizationDue) {
	}

}
