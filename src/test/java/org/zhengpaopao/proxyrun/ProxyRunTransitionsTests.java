package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;

/**
 * The proxy-run's guarded transitions on the aggregate alone (no Spring, no engine, no database): what each step
 * allows, what it refuses, and what the run's history then shows.
 */
class ProxyRunTransitionsTests {

	static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
	static final Instant AUTHORIZATION_DUE = Instant.parse("2026-12-10T10:00:00Z");
	static final LocalDate DEADLINE = LocalDate.of(2026, 12, 14);
	static final Instant DUE_AT = Instant.parse("2026-12-14T10:00:00Z");
	static final String CASE_NO = "DP20261207-000001";

	static ProxyRun run(boolean authorizedAtWindow) {
		var run = new ProxyRun(Applicant.person("李四", "330825199001014569", "13905705678"),
				new ProxyRun.Request("muchen", "muchen-shuangdai", "ZM-0032", "minzheng", null, null, 5), Intake.WINDOW,
				new ProxyRun.Issuer("muchen", "木陈乡人民政府"), authorizedAtWindow ? null : AUTHORIZATION_DUE,
				"window-minzheng-1", NOW);
		run.assignCaseNo(CASE_NO);
		return run;
	}

	static ProxyRun fetching() {
		var run = run(true);
		run.route("runners-muchen", DEADLINE, DUE_AT, false, NOW);
		return run;
	}

	static ProxyRun awaitingIssue() {
		var run = fetching();
		run.markRequestedFromIssuer("runner-muchen-1", null, later(1));
		return run;
	}

	static ProxyRun issued() {
		var run = awaitingIssue();
		run.recordLicence("ZZ3308250001", "clerk-muchen-1", later(2));
		run.markIssued("clerk-muchen-1", false, later(2));
		return run;
	}

	static ProxyRun handedOver() {
		var run = issued();
		run.handOver("runner-muchen-1", null, later(3));
		return run;
	}

	static ProxyRun delivered() {
		var run = handedOver();
		run.signFor("window-minzheng-1", null, later(4));
		return run;
	}

	static Instant later(int hours) {
		return NOW.plus(Duration.ofHours(hours));
	}

	/** A code as the outbox mints it: only its salted hash stays with the run. */
	static void codeSent(ProxyRun run, String code) {
		run.newAuthorizationCode(AuthorizationCodes.hash("salt-" + code, CASE_NO, code), "salt-" + code);
	}

	static ProxyRun awaitingCode(String code) {
		var run = run(false);
		run.requestAuthorizationCode(NOW);
		codeSent(run, code);
		return run;
	}

	@Test
	void shouldBeAuthorizedAtOnceWhenTheApplicantSignedAtTheWindow() {
		var run = run(true);

		assertThat(run.getState()).isEqualTo(ProxyRunState.AUTHORIZED);
		assertThat(run.isAuthorizedAtWindow()).isTrue();
		assertThat(run.getAuthorizationDue()).isNull();
		assertThat(run.getSteps()).extracting(ProxyRunStep::getStep).containsExactly("accepted", "authorizedAtWindow");
		assertThat(run.getSteps()).allSatisfy(step -> assertThat(step.getActor()).isEqualTo("window-minzheng-1"));
	}

	@Test
	void shouldWaitForTheApplicantWhenTheAuthorizationWasNotSignedAtTheWindow() {
		var run = run(false);

		assertThat(run.getState()).isEqualTo(ProxyRunState.AWAITING_AUTHORIZATION);
		assertThat(run.getAuthorizationDue()).isEqualTo(AUTHORIZATION_DUE);
		assertThat(run.getSteps()).extracting(ProxyRunStep::getStep).containsExactly("accepted");
	}

	@Test
	void shouldTakeTheCaseNumberOnlyOnce() {
		var run = run(true);

		assertThatThrownBy(() -> run.assignCaseNo("DP20261207-000002")).isInstanceOf(IllegalStateException.class);
		assertThat(run.getCaseNo()).isEqualTo(CASE_NO);
	}

	@Test
	void shouldBelongToOneProcessInstanceOnly() {
		var run = run(true);
		run.attachProcess("pi-1");
		run.attachProcess("pi-1");

		assertThatThrownBy(() -> run.attachProcess("pi-2")).isInstanceOf(IllegalStateException.class);
		assertThat(run.getProcessInstanceId()).isEqualTo("pi-1");
	}

	@Test
	void shouldAuthorizeWithTheCodeLastSent() {
		var run = awaitingCode("123456");

		assertThat(run.confirmAuthorization("123456", 5, later(1))).isEqualTo(AuthorizationOutcome.CONFIRMED);

		assertThat(run.getState()).isEqualTo(ProxyRunState.AUTHORIZED);
		assertThat(run.getSteps()).last().satisfies(step -> {
			assertThat(step.getStep()).isEqualTo("authorizedOnline");
			assertThat(step.getActor()).isEqualTo("applicant");
		});
		assertThat(run.confirmAuthorization("123456", 5, later(1))).as("the code is used up")
			.isEqualTo(AuthorizationOutcome.NOT_PENDING);
	}

	@Test
	void shouldCountWrongCodesAndLockTheCodeAtTheLastTry() {
		var run = awaitingCode("123456");

		assertThat(run.confirmAuthorization("000000", 3, later(1))).isEqualTo(AuthorizationOutcome.WRONG_CODE);
		assertThat(run.confirmAuthorization("000000", 3, later(1))).isEqualTo(AuthorizationOutcome.WRONG_CODE);
		assertThat(run.confirmAuthorization("000000", 3, later(1))).isEqualTo(AuthorizationOutcome.LOCKED);
		assertThat(run.confirmAuthorization("123456", 3, later(1))).as("even the right code, once locked")
			.isEqualTo(AuthorizationOutcome.LOCKED);
		assertThat(run.getState()).isEqualTo(ProxyRunState.AWAITING_AUTHORIZATION);
	}

	@Test
	void shouldGiveANewCodeItsOwnTriesAndVoidTheOneBefore() {
		var run = awaitingCode("123456");
		for (int i = 0; i < 3; i++) {
			run.confirmAuthorization("000000", 3, later(1));
		}

		codeSent(run, "654321");

		assertThat(run.confirmAuthorization("123456", 3, later(1))).isEqualTo(AuthorizationOutcome.WRONG_CODE);
		assertThat(run.confirmAuthorization("654321", 3, later(1))).isEqualTo(AuthorizationOutcome.CONFIRMED);
	}

	@Test
	void shouldVoidTheCodeSentWhenTheProcessAsksForAnotherOne() {
		var run = awaitingCode("123456");

		run.requestAuthorizationCode(later(1));

		assertThat(run.confirmAuthorization("123456", 5, later(1))).as("no code until the next message is sent")
			.isEqualTo(AuthorizationOutcome.NOT_PENDING);
		assertThat(run.getSteps()).extracting(ProxyRunStep::getStep)
			.containsExactly("accepted", "authorizationCodeSent", "authorizationCodeSent");
	}

	@Test
	void shouldRefuseTheRightCodeAfterTheAuthorizationWasDue() {
		var run = awaitingCode("123456");

		assertThat(run.awaitsAuthorizationCode(AUTHORIZATION_DUE)).isTrue();
		assertThat(run.confirmAuthorization("123456", 5, AUTHORIZATION_DUE.plusSeconds(1)))
			.isEqualTo(AuthorizationOutcome.NOT_PENDING);
		assertThat(run.getState()).isEqualTo(ProxyRunState.AWAITING_AUTHORIZATION);
	}

	@Test
	void shouldSendNoCodeForARunAuthorizedAtTheWindow() {
		var run = run(true);

		assertThat(run.awaitsAuthorizationCode(NOW)).isFalse();
		assertThatThrownBy(() -> run.requestAuthorizationCode(NOW)).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> codeSent(run, "123456")).isInstanceOf(ConflictException.class);
		assertThat(run.confirmAuthorization("123456", 5, NOW)).isEqualTo(AuthorizationOutcome.NOT_PENDING);
	}

	@Test
	void shouldEndTheRunWhenTheApplicantDoesNotAuthorizeInTime() {
		var run = awaitingCode("123456");

		run.expireAuthorization(AUTHORIZATION_DUE);

		assertThat(run.getState()).isEqualTo(ProxyRunState.AUTHORIZATION_EXPIRED);
		assertThat(run.getState().isFinished()).isTrue();
		assertThat(run.confirmAuthorization("123456", 5, AUTHORIZATION_DUE)).isEqualTo(AuthorizationOutcome.NOT_PENDING);
		assertThatThrownBy(() -> run.route("runners-muchen", DEADLINE, DUE_AT, false, NOW))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void shouldNotExpireAnAuthorizationSignedAtTheWindow() {
		var run = run(true);

		assertThatThrownBy(() -> run.expireAuthorization(AUTHORIZATION_DUE)).isInstanceOf(ConflictException.class)
			.hasMessageContaining("已授权");
		assertThat(run.getState()).isEqualTo(ProxyRunState.AUTHORIZED);
	}

	@Test
	void shouldRefuseToRouteARunTheApplicantHasNotAuthorized() {
		var run = run(false);

		assertThatThrownBy(() -> run.route("runners-muchen", DEADLINE, DUE_AT, false, NOW))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining(CASE_NO)
			.hasMessageContaining("待申请人授权");
		assertThat(run.getRunnerGroup()).isNull();
		assertThat(run.getDeadline()).isNull();
	}

	@Test
	void shouldRouteAnAuthorizedRunToItsRunnersWithTheDeadline() {
		var run = fetching();

		assertThat(run.getState()).isEqualTo(ProxyRunState.FETCHING);
		assertThat(run.getRunnerGroup()).isEqualTo("runners-muchen");
		assertThat(run.getDeadline()).isEqualTo(DEADLINE);
		assertThat(run.getDueAt()).isEqualTo(DUE_AT);
		assertThat(run.getSteps()).last().satisfies(step -> {
			assertThat(step.getStep()).isEqualTo("routed");
			assertThat(step.getNote()).contains("runners-muchen", "2026-12-14");
		});
	}

	@Test
	void shouldFetchIssueAndDeliverInThisOrder() {
		var run = delivered();

		assertThat(run.getState()).isEqualTo(ProxyRunState.DELIVERED);
		assertThat(run.getState().isFinished()).isTrue();
		assertThat(run.getSteps()).extracting(ProxyRunStep::getStep)
			.containsExactly("accepted", "authorizedAtWindow", "routed", "fetchCertificate", "licenceRecorded",
					"certificateIssued", "handedOver", "proxyRunDelivered");
		assertThat(run.getSteps()).extracting(ProxyRunStep::getActor)
			.containsExactly("window-minzheng-1", "window-minzheng-1", ProxyRun.SYSTEM, "runner-muchen-1",
					"clerk-muchen-1", "clerk-muchen-1", "runner-muchen-1", "window-minzheng-1");
	}

	@Test
	void shouldCountAsDeliveredOnlyOnceTheWindowSigns() {
		var run = handedOver();

		assertThat(run.getState()).isEqualTo(ProxyRunState.HANDED_OVER);
		assertThat(run.getState().isFinished()).as("handed over, not yet signed for").isFalse();
		assertThat(run.getSteps()).noneMatch(step -> step.is(ProxyRunStepKind.DELIVERED));
	}

	@Test
	void shouldRefuseToIssueWithoutAFileALicenceNumberOrAPaperOriginal() {
		var run = awaitingIssue();
		int steps = run.getSteps().size();

		var refused = catchThrowableOfType(InvalidInputException.class,
				() -> run.markIssued("clerk-muchen-1", false, later(2)));

		assertThat(refused.field()).isEqualTo("licenceNumber");
		assertThat(refused).hasMessageContaining("上传证明文件").hasMessageContaining("电子证照编号").hasMessageContaining("纸质原件");
		assertThat(run.getState()).isEqualTo(ProxyRunState.AWAITING_ISSUE);
		assertThat(run.getSteps()).hasSize(steps);

		run.markIssued("clerk-muchen-1", true, later(2));
		assertThat(run.isPaperOriginal()).isTrue();
		assertThat(run.certificateSummary()).isEqualTo("纸质原件");
	}

	@Test
	void shouldKeepTheLatestFileAndNormalizeTheLicenceNumber() {
		var run = awaitingIssue();

		run.attachCertificateFile(1L, "第一版.pdf", "clerk-muchen-1", later(2));
		run.attachCertificateFile(2L, "更正版.pdf", "clerk-muchen-1", later(2));
		run.recordLicence(" ｚｚ3308250001 ", "clerk-muchen-1", later(2));
		run.recordLicence("ZZ3308250001", "clerk-muchen-1", later(2));

		assertThat(run.getCertificateDocumentId()).isEqualTo(2L);
		assertThat(run.getLicenceNumber()).isEqualTo("ZZ3308250001");
		assertThat(run.getSteps()).filteredOn(step -> step.is(ProxyRunStepKind.LICENCE_RECORDED)).hasSize(1);
		assertThat(catchThrowableOfType(InvalidInputException.class,
				() -> run.recordLicence("证照<script>", "clerk-muchen-1", later(2))).field()).isEqualTo("licenceNumber");
	}

	@Test
	void shouldSendAReturnedCertificateBackToTheRunnersWithItsReason() {
		var run = handedOver();

		assertThat(catchThrowableOfType(InvalidInputException.class,
				() -> run.returnByUsingDepartment("window-minzheng-1", "  ", later(4))).field()).isEqualTo("returnReason");
		run.returnByUsingDepartment("window-minzheng-1", "送达的是户籍证明，不是死亡证明", later(4));

		assertThat(run.getState()).isEqualTo(ProxyRunState.FETCHING);
		assertThat(run.getLicenceNumber()).as("what was returned is no longer the run's certificate").isNull();
		assertThat(run.getCertificateDocumentId()).isNull();
		assertThat(run.getDeadline()).as("the deadline keeps counting").isEqualTo(DEADLINE);
		assertThat(run.getSteps()).last().satisfies(step -> {
			assertThat(step.getStep()).isEqualTo("returnedByUsingDepartment");
			assertThat(step.getNote()).isEqualTo("送达的是户籍证明，不是死亡证明");
		});
	}

	@Test
	void shouldRefuseDeliveryBeforeTheCertificateIsIssued() {
		var run = awaitingIssue();
		int steps = run.getSteps().size();

		var refused = catchThrowableOfType(ConflictException.class,
				() -> run.handOver("runner-muchen-1", null, later(2)));

		assertThat(refused).hasMessageContaining("待出证部门出具").hasMessageContaining("AWAITING_ISSUE");
		assertThat(run.getState()).isEqualTo(ProxyRunState.AWAITING_ISSUE);
		assertThat(run.getSteps()).hasSize(steps);
	}

	@Test
	void shouldRefuseToIssueBeforeTheRunnerAskedTheIssuer() {
		var run = fetching();

		assertThatThrownBy(() -> run.markIssued("clerk-muchen-1", true, later(1))).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> run.markRefused("clerk-muchen-1", "查无此人", later(1)))
			.isInstanceOf(ConflictException.class);
		assertThat(run.getState()).isEqualTo(ProxyRunState.FETCHING);
	}

	@Test
	void shouldGoBackToTheRunnerWhenTheIssuerAsksForMoreInformation() {
		var run = awaitingIssue();

		run.requestMoreInformation("clerk-muchen-1", "  请补充户口簿复印件  ", later(2));

		assertThat(run.getState()).isEqualTo(ProxyRunState.MORE_INFO_REQUESTED);
		assertThat(run.getSteps()).last().extracting(ProxyRunStep::getNote).isEqualTo("请补充户口簿复印件");
		assertThatThrownBy(() -> run.markIssued("clerk-muchen-1", true, later(3))).isInstanceOf(ConflictException.class);

		run.supplementInformation("runner-muchen-1", "已补充", later(3));
		run.markIssued("clerk-muchen-1", true, later(4));

		assertThat(run.getState()).isEqualTo(ProxyRunState.ISSUED);
	}

	@Test
	void shouldRequireTheIssuerToSayWhatInformationIsMissing() {
		var run = awaitingIssue();

		var refused = catchThrowableOfType(InvalidInputException.class,
				() -> run.requestMoreInformation("clerk-muchen-1", "   ", later(2)));

		assertThat(refused.field()).isEqualTo("moreInfoRequest");
		assertThat(refused.bilingualMessage()).isEqualTo("请写明需要补充的材料 / say what information is needed");
		assertThat(run.getSteps()).extracting(ProxyRunStep::getStep).doesNotContain("moreInformationNeeded");
		assertThat(run.getState()).as("the run is as it was").isEqualTo(ProxyRunState.AWAITING_ISSUE);
	}

	@Test
	void shouldRequireAReasonToRefuseTheCertificate() {
		var blank = awaitingIssue();

		var refused = catchThrowableOfType(InvalidInputException.class,
				() -> blank.markRefused("clerk-muchen-1", null, later(2)));
		assertThat(refused.field()).isEqualTo("refusalReason");
		assertThat(blank.getSteps()).extracting(ProxyRunStep::getStep).doesNotContain("certificateRefused");
		assertThat(blank.getState()).as("the run is as it was").isEqualTo(ProxyRunState.AWAITING_ISSUE);

		var run = awaitingIssue();
		run.markRefused("clerk-muchen-1", "申请人不在本辖区", later(2));

		assertThat(run.getState()).isEqualTo(ProxyRunState.REFUSED);
		assertThat(run.getState().isFinished()).isTrue();
		assertThat(run.getSteps()).last().extracting(ProxyRunStep::getNote).isEqualTo("申请人不在本辖区");
	}

	@Test
	void shouldRaiseTheYellowCardOnce() {
		var run = fetching();

		assertThat(run.raiseYellowCard(later(1))).isTrue();
		assertThat(run.raiseYellowCard(later(2))).isFalse();

		assertThat(run.getCard()).isEqualTo(Card.YELLOW);
		assertThat(run.getEscalationLevel()).isZero();
		assertThat(run.getSteps()).extracting(ProxyRunStep::getStep).containsOnlyOnce("yellowCard");
	}

	@Test
	void shouldRaiseTheRedCardOverTheYellowAndHandTheRunToTheTaskForce() {
		var run = fetching();
		run.raiseYellowCard(later(1));

		assertThat(run.raiseRedCard(later(2))).isTrue();
		assertThat(run.raiseRedCard(later(3))).isFalse();
		assertThat(run.raiseYellowCard(later(3))).as("no yellow card over a red one").isFalse();

		assertThat(run.getCard()).isEqualTo(Card.RED);
		assertThat(run.getEscalationLevel()).isEqualTo(1);
		assertThat(run.getSteps()).extracting(ProxyRunStep::getStep).containsOnlyOnce("redCard");
	}

	@Test
	void shouldRaiseNoCardOnAFinishedRun() {
		var run = delivered();

		assertThat(run.raiseYellowCard(later(4))).isFalse();
		assertThat(run.raiseRedCard(later(4))).isFalse();
		assertThat(run.escalate(2, later(4))).isFalse();
		assertThat(run.getCard()).isEqualTo(Card.NONE);
	}

	@Test
	void shouldEscalateOnlyARedCardedRunAndEachLevelOnceUpwards() {
		var run = fetching();
		assertThat(run.escalate(2, later(1))).as("not before the red card").isFalse();
		run.raiseRedCard(later(1));

		assertThat(run.escalate(2, later(2))).isTrue();
		assertThat(run.escalate(2, later(3))).as("the other node's timer").isFalse();
		assertThat(run.escalate(3, later(4))).isTrue();
		assertThat(run.escalate(2, later(5))).as("never down").isFalse();

		assertThat(run.getEscalationLevel()).isEqualTo(3);
		assertThat(run.getSteps()).extracting(ProxyRunStep::getStep)
			.containsSubsequence("redCard", "escalatedLevel2", "escalatedLevel3")
			.containsOnlyOnce("escalatedLevel2", "escalatedLevel3");
	}

	@Test
	void shouldClearTheCardWhenTheTaskForceExtendsTheDeadline() {
		var run = fetching();
		run.raiseRedCard(later(1));
		LocalDate newDeadline = DEADLINE.plusDays(3);

		run.extendDeadline("taskforce-1", newDeadline, DUE_AT.plus(Duration.ofDays(3)), true, "出证部门系统故障", later(2));

		assertThat(run.getCard()).isEqualTo(Card.NONE);
		assertThat(run.getDeadline()).isEqualTo(newDeadline);
		assertThat(run.isDeadlineProvisional()).isTrue();
		assertThat(run.getEscalationLevel()).as("the escalation stays on record").isEqualTo(1);
		assertThat(run.getSteps()).last()
			.extracting(ProxyRunStep::getNote)
			.isEqualTo("2026-12-14 → 2026-12-17：出证部门系统故障");
	}

	@Test
	void shouldRefuseAnExtensionWithoutAReasonOrIntoThePast() {
		var run = fetching();

		var noReason = catchThrowableOfType(InvalidInputException.class,
				() -> run.extendDeadline("taskforce-1", DEADLINE.plusDays(3), DUE_AT.plus(Duration.ofDays(3)), false,
						" ", later(1)));
		var past = catchThrowableOfType(InvalidInputException.class,
				() -> run.extendDeadline("taskforce-1", DEADLINE, NOW, false, "补正", later(1)));

		assertThat(noReason.field()).isEqualTo("extensionReason");
		assertThat(past.field()).isEqualTo("newDeadline");
		assertThat(run.getDeadline()).isEqualTo(DEADLINE);
		assertThat(run.getDueAt()).isEqualTo(DUE_AT);
	}

	@Test
	void shouldMoveTheRunToAnotherGroupOnlyWhenTransferredToAGroup() {
		var run = fetching();

		run.transfer("taskforce-1", "runner-county-1", false, later(1));
		assertThat(run.getRunnerGroup()).isEqualTo("runners-muchen");

		run.transfer("taskforce-1", "runners-county", true, later(2));
		assertThat(run.getRunnerGroup()).isEqualTo("runners-county");
		assertThat(run.getSteps()).extracting(ProxyRunStep::getNote)
			.contains("转办给 runner-county-1", "转办给 runners-county");
	}

	@Test
	void shouldCloseAsAnExceptionOnlyWithAReason() {
		var run = fetching();

		assertThatThrownBy(() -> run.closeAsException("taskforce-1", "", later(1)))
			.isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.field()).isEqualTo("exceptionReason"));
		assertThat(run.getState()).isEqualTo(ProxyRunState.FETCHING);

		run.closeAsException("taskforce-1", "申请人撤回", later(1));

		assertThat(run.getState()).isEqualTo(ProxyRunState.CLOSED_AS_EXCEPTION);
		assertThat(run.getState().isFinished()).isTrue();
	}

	@Test
	void shouldRefuseTheTaskForceOnAFinishedRun() {
		var run = delivered();
		int steps = run.getSteps().size();

		assertThatThrownBy(() -> run.urge("taskforce-1", "请加快", later(4))).isInstanceOf(ConflictException.class)
			.hasMessageContaining("已办结");
		assertThatThrownBy(() -> run.transfer("taskforce-1", "runners-county", true, later(4)))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> run.extendDeadline("taskforce-1", DEADLINE.plusDays(3),
				DUE_AT.plus(Duration.ofDays(3)), false, "补正", later(4)))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> run.closeAsException("taskforce-1", "撤回", later(4)))
			.isInstanceOf(ConflictException.class);

		assertThat(run.getState()).isEqualTo(ProxyRunState.DELIVERED);
		assertThat(run.getRunnerGroup()).isEqualTo("runners-muchen");
		assertThat(run.getSteps()).hasSize(steps);
	}

	@Test
	void shouldShortenANoteToTheLengthTheHistoryKeeps() {
		var run = fetching();

		run.urge("taskforce-1", "催".repeat(ProxyRun.MAX_NOTE + 50), later(1));

		assertThat(run.getSteps()).last().extracting(ProxyRunStep::getNote).satisfies(note -> {
			assertThat(note).hasSize(ProxyRun.MAX_NOTE);
			assertThat(note).endsWith("…");
		});
	}
}
