package org.zhengpaopao.proxyrun;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.absence.TaskMovedForAbsence;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.SmsMessage;
import org.zhengpaopao.notification.SmsTemplate;
import org.zhengpaopao.notification.StaffMessage;
import org.zhengpaopao.notification.WebappLinks;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.workflow.OverdueLevel;
import org.zhengpaopao.workflow.OverdueNotice;
import org.zhengpaopao.workflow.StepDeadlines;

/**
 * A run's deadline and its watch, as the process reports them: routing fixes the deadline, the yellow and red cards
 * and the further escalation levels follow it, and the task force urges, transfers, extends or closes the run as an
 * exception. Absence cover moving a runner's task is recorded here too.
 */
@Service
@Transactional
public class ProxyRunSupervision {

	private final ProxyRunRepository runs;
	private final Catalog catalog;
	private final WorkingDayCalendar calendar;
	private final Notifier notifier;
	private final WebappLinks links;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	ProxyRunSupervision(ProxyRunRepository runs, Catalog catalog, WorkingDayCalendar calendar, Notifier notifier,
			WebappLinks links, ApplicationEventPublisher events, Clock clock) {
		this.runs = runs;
		this.catalog = catalog;
		this.calendar = calendar;
		this.notifier = notifier;
		this.links = links;
		this.events = events;
		this.clock = clock;
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
				+ run.getIssuerName() + "出具），办结期限 " + deadline.date() + " 18:00，请在任务列表认领。", caseNo,
				links.task(null))); // the task is created after routing: the link opens the group's list
		if (run.getApplicationCaseNo() == null) {
			// a case's runs are the case's: its applicant hears of the decision instead
			notifier.send(new SmsMessage(run.getPhone(), SmsTemplate.RUN_OPENED, caseNo, Map.of("caseNo", caseNo,
					"certificate", certificate.getName(), "deadline", deadline.date().toString(), "link",
					links.trackingPage(caseNo))));
		}
		return deadlines;
	}

	/** @param task the open runner task: its holder is named in the message and gets it in person */
	public void raiseYellowCard(String caseNo, OpenRunnerTask task) {
		ProxyRun run = get(caseNo);
		if (run.raiseYellowCard(clock.instant())) {
			overdue(run, OverdueLevel.YELLOW, task);
		}
	}

	public void raiseRedCard(String caseNo, OpenRunnerTask task) {
		ProxyRun run = get(caseNo);
		if (run.raiseRedCard(clock.instant())) {
			overdue(run, OverdueLevel.RED, task);
		}
	}

	public void escalate(String caseNo, int level, OpenRunnerTask task) {
		ProxyRun run = get(caseNo);
		if (run.escalate(level, clock.instant())) {
			// these levels count against the unit and name nobody, as before; the link still opens the late task
			overdue(run, level == 2 ? OverdueLevel.LEVEL2 : OverdueLevel.LEVEL3, new OpenRunnerTask(task.taskId(), null));
		}
	}

	private void overdue(ProxyRun run, OverdueLevel level, OpenRunnerTask task) {
		new OverdueNotice(level, "代跑办件 " + run.getCaseNo(), run.getCaseNo(), null, run.getRunnerGroup(),
				run.getDeadline(), task.holder(), taskLink(task), links.processInstance(run.getProcessInstanceId()))
			.send(notifier, run.getRunnerGroup());
	}

	public void urge(String caseNo, String actor, String note, OpenRunnerTask task) {
		ProxyRun run = get(caseNo);
		run.urge(actor, note, clock.instant());
		notifier.send(new GroupMessage(run.getRunnerGroup(), "工作专班催办 " + caseNo, "工作专班催办代跑办件 " + caseNo
				+ mention(task.holder()) + (note == null || note.isBlank() ? "" : "：" + note.strip()), caseNo,
				taskLink(task)));
	}

	/**
	 * @param to    what the history says the task went to
	 * @param moved the task after the move: its new holder, when it went to a person, hears of it in person
	 */
	public void transfer(String caseNo, String actor, String to, boolean toGroup, OpenRunnerTask moved) {
		ProxyRun run = get(caseNo);
		run.transfer(actor, to, toGroup, clock.instant());
		String text = "工作专班将代跑办件 " + caseNo + " 转办给" + (toGroup ? "本群" : "您") + "，办结期限 " + run.getDeadline()
				+ " 18:00，请在任务列表" + (toGroup ? "认领" : "办理") + "。";
		if (toGroup) {
			notifier.send(new GroupMessage(to, "工作专班转办 " + caseNo, text, caseNo, taskLink(moved)));
		}
		else {
			notifier.send(new StaffMessage(moved.holder(), "工作专班转办 " + caseNo, text, taskLink(moved), caseNo,
					run.getRunnerGroup()));
		}
	}

	/**
	 * Absence cover moved the run's task: the move goes into the run's history, and a stand-in who got it hears of
	 * it in person. Tasks of other processes are skipped.
	 */
	@EventListener
	public void taskMovedForAbsence(TaskMovedForAbsence moved) {
		runs.findByProcessInstanceId(moved.processInstanceId()).ifPresent(run -> {
			run.coverForAbsence(moved.actor(), moved.note(), clock.instant());
			if (!moved.toGroup()) {
				// not the note: it gives the reason for the absence, which the fallback group chat need not read
				notifier.send(new StaffMessage(moved.movedTo(), "请假代岗 " + run.getCaseNo(), moved.absentUser()
						+ " 请假，代跑办件 " + run.getCaseNo() + " 的「" + moved.taskName() + "」已转交您代岗办理，办结期限 "
						+ run.getDeadline() + " 18:00。", links.task(moved.taskId()), run.getCaseNo(), run.getRunnerGroup()));
			}
		});
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

	private String taskLink(OpenRunnerTask task) {
		return task.taskId() == null ? null : links.task(task.taskId());
	}

	private static String mention(String runner) {
		return runner == null ? "" : "（当前办理人 @" + runner + "）";
	}

	private ProxyRun get(String caseNo) {
		return runs.require(caseNo);
	}
}
