package org.zhengpaopao.application.process;

import static org.zhengpaopao.application.process.ApplicationVariables.*;

import java.util.Date;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengpaopao.application.CaseCertificates;
import org.zhengpaopao.application.CaseDecisions;
import org.zhengpaopao.calendar.WorkingDayCalendar;

/**
 * The service tasks of the certificate-free application, one bean per task. Inside the per-certificate
 * sub-process every variable is set locally, so that parallel certificates never see each other's.
 */
@Configuration(proxyBeanMethods = false)
class CertificateSteps {

	private static long item(DelegateExecution execution) {
		return ((Number) execution.getVariable(CERTIFICATE_ITEM)).longValue();
	}

	/** 「查看证明处理方式」 */
	@Bean
	JavaDelegate lookUpHandling(CaseCertificates applications) {
		return execution -> execution.setVariableLocal(HANDLING, applications.handling(item(execution)).name());
	}

	/** 「记录取消依据」 */
	@Bean
	JavaDelegate cancellationRecording(CaseCertificates applications) {
		return execution -> applications.recordCancellation(item(execution));
	}

	/** 「共享数据核验」: asynchronous, so that a platform outage is retried by the job executor, then an incident. */
	@Bean
	JavaDelegate sharedDataVerification(CaseCertificates applications) {
		return execution -> execution.setVariableLocal(DATA_VERIFIED, applications.verify(item(execution)));
	}

	/** 「记录告知承诺」 */
	@Bean
	JavaDelegate commitmentRecording(CaseCertificates applications) {
		return execution -> applications.recordCommitment(item(execution));
	}

	/** 「记录代跑结果」 */
	@Bean
	JavaDelegate proxyRunOutcome(CaseCertificates applications) {
		return execution -> applications.proxyRunEnded(item(execution));
	}

	/**
	 * 「汇总证明情况」: the window's decision task is due the next working day. Camunda Forms take a field's value from
	 * the variable of its key (a field's own default is fixed text), so the intake's label and the usual way of
	 * delivery are set here, before the task exists.
	 */
	@Bean
	JavaDelegate decisionPreparation(CaseCertificates applications, CaseDecisions decisions,
			WorkingDayCalendar calendar,
			@Value("${zhengpaopao.application.decide-within-working-days:1}") int decideWithin,
			@Value("${zhengpaopao.application.post-verify-within-working-days:10}") int postVerifyWithin,
			java.time.Clock clock) {
		return execution -> {
			String caseNo = (String) execution.getVariable(CASE_NO);
			execution.setVariable(CERTIFICATE_SUMMARY, applications.certificatesSettled(caseNo));
			CaseDecisions.DecisionDefaults defaults = decisions.decisionDefaults(caseNo);
			execution.setVariable(INTAKE_LABEL, defaults.intakeLabel());
			execution.setVariable(RESULT_DELIVERY, defaults.delivery().name());
			var today = java.time.LocalDate.now(clock);
			execution.setVariable(DECISION_DUE, Date.from(calendar.deadline(today, decideWithin).dueAt().toInstant()));
			execution.setVariable(POST_VERIFICATION_DUE,
					Date.from(calendar.deadline(today, postVerifyWithin).dueAt().toInstant()));
		};
	}

	/** 「通知申请人」 */
	@Bean
	JavaDelegate applicantNotification(CaseDecisions applications) {
		return execution -> applications.notifyApplicant((String) execution.getVariable(CASE_NO));
	}
}
