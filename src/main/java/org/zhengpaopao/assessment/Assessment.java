package org.zhengpaopao.assessment;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.application.ApplicationDecided;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.SmsMessage;
import org.zhengpaopao.notification.SmsTemplate;
import org.zhengpaopao.personaldata.PersonalDataView;
import org.zhengpaopao.personaldata.PersonalDataViews;
import org.zhengpaopao.proxyrun.ProxyRunFinished;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.CountyTime;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Text;
import org.zhengpaopao.workflow.OverdueLevel;
import org.zhengpaopao.workflow.OverdueNotice;

/**
 * The assessment feature's API: inviting applicants to rate finished services, taking their ratings, reminding
 * them once, and the rectification of bad ratings that the process reports.
 */
@Service
@Transactional
public class Assessment {

	static final int MAX_COMMENT = 500;

	private final RatingRepository ratings;
	private final ProxyRuns proxyRuns;
	private final Applications applications;
	private final RectificationProcess rectification;
	private final WorkingDayCalendar calendar;
	private final Notifier notifier;
	private final PersonalDataViews personalDataViews;
	private final Clock clock;
	private final Duration remindAfter;
	private final String publicBaseUrl;

	Assessment(RatingRepository ratings, ProxyRuns proxyRuns, Applications applications,
			RectificationProcess rectification, WorkingDayCalendar calendar, Notifier notifier,
			PersonalDataViews personalDataViews, Clock clock,
			@Value("${zhengpaopao.rating.remind-after:P3D}") Duration remindAfter,
			@Value("${zhengpaopao.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.ratings = ratings;
		this.proxyRuns = proxyRuns;
		this.applications = applications;
		this.rectification = rectification;
		this.calendar = calendar;
		this.notifier = notifier;
		this.personalDataViews = personalDataViews;
		this.clock = clock;
		this.remindAfter = remindAfter;
		this.publicBaseUrl = publicBaseUrl;
	}

	/** A proxy-run opened on its own has ended; one that fetched a certificate for a case is rated with the case. */
	@EventListener
	void proxyRunFinished(ProxyRunFinished finished) {
		proxyRuns.find(finished.caseNo())
			.filter(run -> run.getApplicationCaseNo() == null)
			.filter(run -> run.getState() != ProxyRunState.AUTHORIZATION_EXPIRED)
			.ifPresent(run -> invite(run.getCaseNo(), RatedService.PROXY_RUN, run.getApplicant(),
					run.getTownshipCode(), run.getRunnerGroup()));
	}

	@EventListener
	void applicationDecided(ApplicationDecided decided) {
		applications.find(decided.caseNo())
			.ifPresent(application -> invite(application.getCaseNo(), RatedService.APPLICATION,
					application.getApplicant(), application.getTownshipCode(),
					Groups.window(application.getUsingDepartmentCode())));
	}

	/** A company is rated by its contact: the invitation goes to the contact's phone, the one the rating page asks. */
	private void invite(String caseNo, RatedService service, Applicant applicant, String townshipCode, String group) {
		if (ratings.findByCaseNo(caseNo).isPresent()) {
			return;
		}
		ratings.save(new Rating(caseNo, service, applicant.type(), applicant.phone(), townshipCode, group,
				clock.instant()));
		notifier.send(new SmsMessage(applicant.phone(), SmsTemplate.RATING_INVITATION, caseNo,
				Map.of("caseNo", caseNo, "link", link(caseNo))));
	}

	private String link(String caseNo) {
		return publicBaseUrl + "/public/rate?caseNo=" + caseNo;
	}

	/** Sends the one reminder to applicants who have not rated within the configured time; returns how many. */
	public int remindUnrated() {
		List<Rating> due = ratings.findByRatedAtIsNullAndRemindedAtIsNullAndInvitedAtBefore(
				clock.instant().minus(remindAfter));
		for (Rating rating : due) {
			rating.reminded(clock.instant());
			notifier.send(new SmsMessage(rating.getPhone(), SmsTemplate.RATING_REMINDER, rating.getCaseNo(),
					Map.of("caseNo", rating.getCaseNo(), "link", link(rating.getCaseNo()))));
		}
		return due.size();
	}

	/**
	 * The applicant's rating, with the phone number the case was opened with as the second factor. The first
	 * rating of a case is the rating; after a rectification the applicant may rate once more.
	 */
	public Rating rate(String caseNo, String phone, RatingLevel level, String comment) {
		if (level == null) {
			throw new InvalidInputException("level", "请选择评价等级", "choose a level");
		}
		String text = Text.optional(comment, "comment", MAX_COMMENT, true);
		Rating rating = find(caseNo, phone).orElseThrow(() -> new InvalidInputException("caseNo",
				"办件编号或手机号码不正确，或该办件尚未办结", "no finished case with this number and phone"));
		if (!rating.isRated()) {
			rating.rate(level, text, clock.instant());
			if (level.isBad()) {
				startRectification(rating);
			}
		}
		else if (rating.mayFollowUp()) {
			rating.followUp(level, text, clock.instant());
		}
		else {
			throw new org.zhengpaopao.system.ConflictException("该办件已评价，每个办件只能评价一次",
					"this case has been rated; one rating per case");
		}
		return rating;
	}

	private void startRectification(Rating rating) {
		LocalDate today = LocalDate.now(clock.withZone(CountyTime.ZONE));
		Instant callBackDue = calendar.deadline(today, 1).dueAt().toInstant();
		Instant rectificationDue = calendar.deadline(today, 15).dueAt().toInstant();
		rating.rectificationStarted(callBackDue, rectificationDue);
		rectification.start(rating.getCaseNo(), rating.getResponsibleGroup(), callBackDue, rectificationDue);
	}

	@Transactional(readOnly = true)
	public Optional<Rating> find(String caseNo, String phone) {
		String number = phone == null ? "" : phone.strip();
		return ratings.findByCaseNo(caseNo == null ? "" : caseNo.strip())
			.filter(r -> r.getPhone().equals(number));
	}

	@Transactional(readOnly = true)
	public Optional<Rating> find(String caseNo) {
		return ratings.findByCaseNo(caseNo);
	}

	/** The ratings of these cases by case number, in one query (cases without a rating left out), for the KPIs. */
	@Transactional(readOnly = true)
	public Map<String, Rating> findAll(Collection<String> caseNos) {
		return caseNos.isEmpty() ? Map.of()
				: ratings.findByCaseNoIn(caseNos)
					.stream()
					.collect(Collectors.toMap(Rating::getCaseNo, Function.identity()));
	}

	/**
	 * The rating, for a member of its responsible group about to call the applicant back and see the phone in
	 * full: only while the call-back is due, and recorded first.
	 */
	public Rating revealPhoneForCallBack(String caseNo, String viewer) {
		Rating rating = get(caseNo);
		if (rating.getCallBackDue() == null || rating.getCalledBackAt() != null) {
			throw new ConflictException("该办件没有待办的回访，不显示完整手机号",
					"no call-back is due for this case, the full phone is not shown");
		}
		personalDataViews.record(caseNo, viewer, PersonalDataView.Shown.PHONE);
		return rating;
	}

	/** Ratings given in [from, to), by their first rating's time, for the KPIs. */
	@Transactional(readOnly = true)
	public List<RatingFacts> ratings(LocalDate from, LocalDate toExclusive) {
		return ratings
			.findByRatedAtGreaterThanEqualAndRatedAtLessThan(from.atStartOfDay(CountyTime.ZONE).toInstant(),
					toExclusive.atStartOfDay(CountyTime.ZONE).toInstant())
			.stream()
			.map(Rating::facts)
			.toList();
	}

	// --- what rectification.bpmn reports

	public void calledBack(String caseNo, String note) {
		get(caseNo).calledBack(clock.instant());
	}

	public void appealed(String caseNo, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidInputException("appealReason", "申诉须写明理由", "an appeal needs a reason");
		}
		get(caseNo).appeal(reason.strip());
	}

	public void appealDecided(String caseNo, boolean upheld) {
		if (upheld) {
			get(caseNo).appealUpheld();
		}
	}

	public void rectified(String caseNo, String report) {
		if (report == null || report.isBlank()) {
			throw new InvalidInputException("rectificationReport", "请写明整改情况", "describe what was done");
		}
		Rating rating = get(caseNo);
		rating.rectified(report.strip(), clock.instant());
		notifier.send(new SmsMessage(rating.getPhone(), SmsTemplate.RECTIFICATION_REPORT, caseNo,
				Map.of("caseNo", caseNo, "report", report.strip(), "link", link(caseNo))));
	}

	/**
	 * A step of the rectification is overdue: the reform office (督考办), which assesses it, hears first.
	 *
	 * @param caseLink the rectification's process in Cockpit, which the notices link to
	 */
	public void rectificationStepOverdue(String caseNo, String step, String caseLink) {
		Rating rating = get(caseNo);
		new OverdueNotice(OverdueLevel.RED, "办件 " + caseNo + " 差评整改", caseNo, step, rating.getResponsibleGroup(), null,
				null, null, caseLink).send(notifier, Groups.MANAGERS);
	}

	private Rating get(String caseNo) {
		return ratings.findByCaseNo(caseNo)
			.orElseThrow(() -> new org.zhengpaopao.system.NotFoundException("没有这个评价：" + caseNo, "no rating " + caseNo));
	}
}
