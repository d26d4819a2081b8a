package org.zhengpaopao.demandreport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.SmsMessage;
import org.zhengpaopao.notification.SmsTemplate;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Text;
import org.zhengpaopao.workflow.OverdueLevel;
import org.zhengpaopao.workflow.OverdueNotice;
import org.zhengpaopao.workflow.StepDeadlines;

/** What {@code demand-report.bpmn} records on a report: the finding, the rectification, the reply, late steps. */
@Service
@Transactional
public class DemandReportProgress {

	static final int MAX_NOTE = 1000;
	static final int RECTIFICATION_WORKING_DAYS = 10;
	static final int REPLY_WORKING_DAYS = 1;

	private final DemandReportOffice office;
	private final DemandReports intake;
	private final WorkingDayCalendar calendar;
	private final Notifier notifier;
	private final Clock clock;

	DemandReportProgress(DemandReportOffice office, DemandReports intake, WorkingDayCalendar calendar,
			Notifier notifier, Clock clock) {
		this.office = office;
		this.intake = intake;
		this.calendar = calendar;
		this.notifier = notifier;
		this.clock = clock;
	}

	/** @return the deadline of the next step: the rectification when confirmed, else the reply */
	public StepDeadlines recordFinding(String trackingNumber, Finding finding, String note, String actor) {
		if (finding == null) {
			throw new InvalidInputException("finding", "请选择核实结果：属实或不属实", "choose confirmed or notConfirmed");
		}
		String text = Text.required(note, "findingNote", MAX_NOTE, true, "请写明核实情况", "describe what was found");
		StepDeadlines next = StepDeadlines.after(calendar, today(),
				finding == Finding.CONFIRMED ? RECTIFICATION_WORKING_DAYS : REPLY_WORKING_DAYS);
		office.get(trackingNumber).recordFinding(finding, text, actor, clock.instant(), next.dueAt());
		return next;
	}

	/** @return the deadline of the reply */
	public StepDeadlines recordRectification(String trackingNumber, String rectification, String actor) {
		String text = Text.required(rectification, "rectification", MAX_NOTE, true, "请写明部门的整改情况",
				"describe the department's rectification");
		StepDeadlines next = StepDeadlines.after(calendar, today(), REPLY_WORKING_DAYS);
		office.get(trackingNumber).recordRectification(text, actor, clock.instant(), next.dueAt());
		return next;
	}

	/** The reply the reporter reads on the public tracking page; a text message tells them it is there. */
	public void reply(String trackingNumber, String reply, String actor) {
		String text = Text.required(reply, "reply", MAX_NOTE, true, "请填写给举报人的答复",
				"write the reply to the reporter");
		DemandReport report = office.get(trackingNumber);
		report.reply(text, actor, clock.instant());
		notifier.send(new SmsMessage(report.getContactPhone(), SmsTemplate.DEMAND_REPORT_REPLIED, trackingNumber,
				Map.of("trackingNumber", trackingNumber)));
	}

	/** A step's timer fired while the step is still open: the reform office, which verifies, hears first. */
	/** @param caseLink the report's process in Cockpit, which the notices link to */
	public void stepOverdue(String trackingNumber, String step, OverdueLevel level, String caseLink) {
		DemandReport report = office.get(trackingNumber);
		LocalDate due = report.currentDue() == null ? null : report.currentDue().atZone(CountyTime.ZONE).toLocalDate();
		new OverdueNotice(level, "索要证明举报 " + trackingNumber, trackingNumber, step, intake.names(report).department(),
				due, null, null, caseLink).send(notifier, Groups.MANAGERS);
	}

	private LocalDate today() {
		return LocalDate.now(clock.withZone(CountyTime.ZONE));
	}
}
