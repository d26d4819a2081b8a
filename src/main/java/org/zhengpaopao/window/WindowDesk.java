package org.zhengpaopao.window;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.ApplicationsAtWindow;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.RunsAtWindow;
import org.zhengpaopao.system.CountyTime;

/** A window clerk's day: the windows they serve, the cases those windows took today, and what waits for a decision. */
@Service
class WindowDesk {

	private final ApplicationsAtWindow applications;
	private final RunsAtWindow runs;
	private final DecisionTasks decisionTasks;
	private final Organization organization;
	private final Catalog catalog;
	private final Clock clock;

	WindowDesk(ApplicationsAtWindow applications, RunsAtWindow runs, DecisionTasks decisionTasks,
			Organization organization, Catalog catalog, Clock clock) {
		this.catalog = catalog;
		this.applications = applications;
		this.runs = runs;
		this.decisionTasks = decisionTasks;
		this.organization = organization;
		this.clock = clock;
	}

	Desk of(Authentication clerk) {
		List<Window> windows = organization.departments()
			.stream()
			.filter(d -> Groups.memberOfAny(clerk, Groups.window(d.getCode())))
			.map(d -> new Window(d.getCode(), d.getName()))
			.toList();
		List<String> departments = windows.stream().map(Window::departmentCode).toList();
		if (departments.isEmpty()) {
			return new Desk(windows, List.of(), List.of());
		}
		Instant startOfToday = LocalDate.now(clock.withZone(CountyTime.ZONE)).atStartOfDay(CountyTime.ZONE).toInstant();
		List<Application> waiting = applications.awaitingDecision(departments);
		Map<String, String> tasks = decisionTasks.openDecisionTasks(
				waiting.stream().map(Application::getProcessInstanceId).toList());
		List<DeskCase> today = new ArrayList<>();
		applications.takenSince(departments, startOfToday).forEach(a -> today.add(DeskCase.of(a, null)));
		runs.openedSince(departments, startOfToday)
			.forEach(r -> today.add(DeskCase.of(r, catalog.certificate(r.getCertificateCode())
				.map(Certificate::getName)
				.orElse(r.getCertificateCode()))));
		today.sort(Comparator.comparing(DeskCase::receivedAt).reversed());
		return new Desk(windows, today,
				waiting.stream().map(a -> DeskCase.of(a, tasks.get(a.getProcessInstanceId()))).toList());
	}

	record Desk(List<Window> windows, List<DeskCase> today, List<DeskCase> awaitingDecision) {
	}

	record Window(String departmentCode, String departmentName) {
	}

	/**
	 * @param decisionTaskId the open 「窗口审批」 task, to open in Tasklist; {@code null} when there is none
	 * @param resultDelivery how a decided case's result goes back, e.g. 「邮寄送达，邮件号 …」; {@code null} otherwise
	 */
	record DeskCase(String caseNo, String kind, String subject, String applicantName, String state,
			String stateLabel, Instant receivedAt, String receivedBy, String decisionTaskId, String resultDelivery) {

		static DeskCase of(Application a, String decisionTaskId) {
			return new DeskCase(a.getCaseNo(), "APPLICATION", a.getMatterName(), a.getApplicantName(),
					a.getState().name(), a.getState().label(), a.getReceivedAt(), a.getReceivedBy(), decisionTaskId,
					resultDelivery(a));
		}

		static DeskCase of(ProxyRun r, String certificateName) {
			return new DeskCase(r.getCaseNo(), "PROXY_RUN", certificateName, r.getApplicantName(),
					r.getState().name(), r.getState().label(), r.getCreatedAt(), r.getCreatedBy(), null, null);
		}

		private static String resultDelivery(Application a) {
			if (a.getResultDelivery() == null) {
				return null;
			}
			return a.getPostalTrackingNumber() == null ? a.getResultDelivery().label()
					: a.getResultDelivery().label() + "，邮件号 " + a.getPostalTrackingNumber();
		}
	}
}
