package org.zhengpaopao.window;

import java.util.Optional;
import java.util.Set;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.Notifier;
import org.zhengpaopao.notification.SmsTemplate;
import org.zhengpaopao.notification.TextMessageUndelivered;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * A text message the case cannot do without (the one-time code, the decision) did not reach the applicant: the
 * window that took the case is asked to call them. The note names the case, never the phone or the code.
 */
@Component
class UnreachableApplicants {

	private static final Set<SmsTemplate> NEEDED = Set.of(SmsTemplate.AUTHORIZATION_CODE,
			SmsTemplate.DECISION_APPROVED, SmsTemplate.DECISION_REJECTED);

	private final ProxyRuns runs;
	private final Applications applications;
	private final Notifier notifier;

	UnreachableApplicants(ProxyRuns runs, Applications applications, Notifier notifier) {
		this.runs = runs;
		this.applications = applications;
		this.notifier = notifier;
	}

	@EventListener
	void undelivered(TextMessageUndelivered event) {
		if (!NEEDED.contains(event.template()) || event.reference() == null) {
			return;
		}
		window(event.reference()).ifPresent(window -> notifier.send(new GroupMessage(window,
				"短信未送达，请电话联系申请人 / Text message not delivered: call the applicant",
				"办件 " + event.reference() + " 的" + (event.template() == SmsTemplate.AUTHORIZATION_CODE ? "授权验证码"
						: "办理结果") + "短信未能送达申请人，请电话联系申请人。", event.reference())));
	}

	private Optional<String> window(String caseNo) {
		Optional<String> department = runs.find(caseNo).map(ProxyRun::getUsingDepartmentCode);
		if (department.isEmpty()) {
			department = applications.find(caseNo).map(Application::getUsingDepartmentCode);
		}
		return department.map(Groups::window);
	}
}
