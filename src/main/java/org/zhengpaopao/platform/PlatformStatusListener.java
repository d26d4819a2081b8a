package org.zhengpaopao.platform;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.zhengpaopao.applicant.IntakeChannel;
import org.zhengpaopao.application.ApplicationDecided;
import org.zhengpaopao.proxyrun.ProxyRunFinished;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * Which steps the platform hears of: a case's decision (准予/不予办理), and a stand-alone run's end (delivered to the
 * using department and signed for, refused, closed as an exception). Runs that belong to a case are the case's: the
 * platform hears its decision. Synchronous, in the step's transaction, so the callback commits with the step.
 */
@Component
class PlatformStatusListener {

	private final PlatformApplications applications;
	private final PlatformCallbacks callbacks;
	private final ProxyRuns proxyRuns;

	PlatformStatusListener(PlatformApplications applications, PlatformCallbacks callbacks, ProxyRuns proxyRuns) {
		this.applications = applications;
		this.callbacks = callbacks;
		this.proxyRuns = proxyRuns;
	}

	@EventListener
	void on(ApplicationDecided decided) {
		applications.statusOfCase(decided.caseNo()).ifPresent(callbacks::changed);
	}

	@EventListener
	void on(ProxyRunFinished finished) {
		proxyRuns.find(finished.caseNo())
			.filter(run -> run.getApplicationCaseNo() == null)
			.filter(run -> run.getIntake().channel() == IntakeChannel.PLATFORM)
			.flatMap(run -> applications.statusOfCase(run.getCaseNo()))
			.ifPresent(callbacks::changed);
	}
}
