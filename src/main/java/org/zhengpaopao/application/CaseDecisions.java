package org.zhengpaopao.application;

import java.time.Clock;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.SmsMessage;
import org.zhengpaopao.notification.SmsTemplate;
import org.zhengpaopao.system.InvalidInputException;

/** The window's decision on a case and its notice to the applicant; the post-verification (事后核查) of commitments. */
@Service
@Transactional
public class CaseDecisions {

	private static final int MAX_TEXT = 1000;

	private final ApplicationRepository applications;
	private final FalseCommitmentRepository falseCommitments;
	private final Notifier notifier;
	private final ApplicationEventPublisher events;
	private final Clock clock;

	CaseDecisions(ApplicationRepository applications, FalseCommitmentRepository falseCommitments, Notifier notifier,
			ApplicationEventPublisher events, Clock clock) {
		this.applications = applications;
		this.falseCommitments = falseCommitments;
		this.notifier = notifier;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The window's decision and how its result reaches the applicant ({@code delivery}: ONLINE, POST or WINDOW, as
	 * the form sends it). By post the tracking number is required; with another way a number left in the form's
	 * hidden field is dropped. None at all comes only from a task created before the form asked (its deployment's
	 * form has no such field): it gets the way the form now offers first.
	 */
	public void decide(String caseNo, boolean approved, String reason, String delivery, String trackingNumber,
			String actor) {
		Application application = applications.require(caseNo);
		ResultDelivery way = delivery == null ? ResultDelivery.defaultFor(application.getIntake())
				: ResultDelivery.parse(delivery, "resultDelivery");
		String number = null;
		if (way == ResultDelivery.POST) {
			number = ResultDelivery.trackingNumber(trackingNumber, "postalTrackingNumber");
			if (number == null) {
				throw new InvalidInputException("postalTrackingNumber", "邮寄送达请填写邮件号",
						"a result by post needs its tracking number");
			}
		}
		if (approved) {
			application.approve(actor, way, number, clock.instant());
		}
		else {
			application.reject(actor, text(reason, "rejectionReason", "请写明不予办理的理由", "a reason is required"), way,
					number, clock.instant());
		}
	}

	/** What the decision form shows and offers first: where the case came from, and the usual way back. */
	@Transactional(readOnly = true)
	public DecisionDefaults decisionDefaults(String caseNo) {
		Application application = applications.require(caseNo);
		return new DecisionDefaults(application.getIntake().channel().label(),
				ResultDelivery.defaultFor(application.getIntake()));
	}

	/** @param intakeLabel 受理渠道, e.g. 网上申请（省政务服务平台） */
	public record DecisionDefaults(String intakeLabel, ResultDelivery delivery) {
	}

	public void notifyApplicant(String caseNo) {
		Application application = applications.require(caseNo);
		SmsMessage decision = application.getState() == ApplicationState.APPROVED
				? new SmsMessage(application.getPhone(), SmsTemplate.DECISION_APPROVED, caseNo,
						Map.of("matter", application.getMatterName(), "caseNo", caseNo))
				: new SmsMessage(application.getPhone(), SmsTemplate.DECISION_REJECTED, caseNo, Map.of("matter",
						application.getMatterName(), "caseNo", caseNo, "reason", application.getRejectionReason()));
		notifier.send(decision);
		events.publishEvent(new ApplicationDecided(caseNo));
	}

	/** What the post-verification task shows: the certificate and the commitment the applicant signed. */
	@Transactional(readOnly = true)
	public String commitmentUnderReview(long certificateId) {
		RequiredCertificate item = applications.requireCertificate(certificateId);
		return item.getCertificateName() + "：" + item.getDetail();
	}

	/**
	 * 事后核查: a false commitment records a credit flag against the applicant, who may not use commitments again,
	 * and tells the window.
	 */
	public void postVerified(long certificateId, boolean truthful, String finding, String actor) {
		RequiredCertificate item = applications.requireCertificate(certificateId);
		Application application = item.getApplication();
		String note = truthful ? finding : text(finding, "finding", "请写明核查发现的不实情况", "describe what was found");
		item.postVerify(truthful, actor, clock.instant());
		if (!truthful) {
			falseCommitments.save(new FalseCommitment(application.getApplicant(), application.getCaseNo(),
					item.getCertificateCode(), note, actor, clock.instant()));
			notifier.send(new GroupMessage(Groups.window(application.getUsingDepartmentCode()),
					"告知承诺不实 " + application.getCaseNo(),
					"办件 " + application.getCaseNo() + "（" + application.getMatterName() + "）的「"
							+ item.getCertificateName() + "」告知承诺经事后核查不实，已记入申请人信用记录，该申请人今后不再适用告知承诺。",
					application.getCaseNo()));
		}
	}

	private static String text(String raw, String field, String zh, String en) {
		String text = raw == null ? "" : raw.strip();
		if (text.isEmpty()) {
			throw new InvalidInputException(field, zh, en);
		}
		return text.length() > MAX_TEXT ? text.substring(0, MAX_TEXT) : text;
	}
}
