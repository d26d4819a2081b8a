package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.Intake;

/**
 * The step kinds are the seam between the proxy-run and its readers (KPIs, supervision): every kind a reader can
 * name is one some transition of {@link ProxyRun} writes, and the keys stay what the database already holds.
 */
class ProxyRunStepKindTests {

	static final Instant NOW = Instant.parse("2026-09-24T02:00:00Z");
	static final String RUNNER = "runner-county-1";
	static final String CLERK = "clerk-minzheng-1";
	static final String TASK_FORCE = "taskforce-1";
	static final String WINDOW = "window-renshe-1";

	@Test
	void shouldWriteEveryStepKindInSomeTransition() {
		List<ProxyRunStep> written = new ArrayList<>();
		written.addAll(deliveredAfterEverySupervisionMeasure().getSteps());
		written.addAll(authorizedOnlineAndRefused().getSteps());
		written.addAll(authorizationExpired().getSteps());
		written.addAll(closedAsException().getSteps());
		written.addAll(takenByAnAgentAndHandedBack().getSteps());

		assertThat(written).extracting(ProxyRunStep::kind).doesNotContainNull();
		assertThat(written.stream().map(ProxyRunStep::kind).distinct()).containsExactlyInAnyOrder(
				ProxyRunStepKind.values());
	}

	@Test
	void shouldKeepTheKeysTheDatabaseHolds() {
		Map<ProxyRunStepKind, String> keys = Arrays.stream(ProxyRunStepKind.values())
			.collect(Collectors.toMap(kind -> kind, ProxyRunStepKind::key, (a, b) -> a,
					() -> new EnumMap<>(ProxyRunStepKind.class)));

		assertThat(keys).containsOnly(entry(ProxyRunStepKind.ACCEPTED, "accepted"),
				entry(ProxyRunStepKind.AUTHORIZED_AT_WINDOW, "authorizedAtWindow"),
				entry(ProxyRunStepKind.AUTHORIZATION_CODE_SENT, "authorizationCodeSent"),
				entry(ProxyRunStepKind.AUTHORIZED_ONLINE, "authorizedOnline"),
				entry(ProxyRunStepKind.AUTHORIZATION_EXPIRED, "authorizationExpired"),
				entry(ProxyRunStepKind.ROUTED, "routed"),
				entry(ProxyRunStepKind.REQUESTED_FROM_ISSUER, "fetchCertificate"),
				entry(ProxyRunStepKind.MORE_INFORMATION_NEEDED, "moreInformationNeeded"),
				entry(ProxyRunStepKind.INFORMATION_SUPPLEMENTED, "supplementInformation"),
				entry(ProxyRunStepKind.CERTIFICATE_ATTACHED, "certificateAttached"),
				entry(ProxyRunStepKind.LICENCE_RECORDED, "licenceRecorded"),
				entry(ProxyRunStepKind.ISSUED, "certificateIssued"),
				entry(ProxyRunStepKind.REFUSED, "certificateRefused"),
				entry(ProxyRunStepKind.HANDED_OVER, "handedOver"),
				entry(ProxyRunStepKind.RETURNED, "returnedByUsingDepartment"),
				entry(ProxyRunStepKind.DELIVERED, "proxyRunDelivered"),
				entry(ProxyRunStepKind.YELLOW_CARD, "yellowCard"),
				entry(ProxyRunStepKind.RED_CARD, "redCard"),
				entry(ProxyRunStepKind.ESCALATED_LEVEL_2, "escalatedLevel2"),
				entry(ProxyRunStepKind.ESCALATED_LEVEL_3, "escalatedLevel3"),
				entry(ProxyRunStepKind.URGED, "urged"),
				entry(ProxyRunStepKind.TRANSFERRED, "transferred"),
				entry(ProxyRunStepKind.ABSENCE_COVER, "absenceCover"),
				entry(ProxyRunStepKind.DEADLINE_EXTENDED, "deadlineExtended"),
				entry(ProxyRunStepKind.CLOSED_AS_EXCEPTION, "closedAsException"),
				entry(ProxyRunStepKind.HANDED_BACK_IN_VILLAGE, "handedBackInVillage"));
	}

	@Test
	void shouldRefuseAnEscalationLevelTheProcessDoesNotModel() {
		ProxyRun run = routed(window("DP20260924-000005"));
		run.raiseRedCard(NOW);

		assertThatThrownBy(() -> run.escalate(4, NOW)).isInstanceOf(IllegalArgumentException.class);
		assertThat(run.getEscalationLevel()).isEqualTo(1);
	}

	private static ProxyRun deliveredAfterEverySupervisionMeasure() {
		ProxyRun run = routed(window("DP20260924-000001"));
		run.markRequestedFromIssuer(RUNNER, "已提交", NOW);
		run.requestMoreInformation(CLERK, "请补充户口簿复印件", NOW);
		run.supplementInformation(RUNNER, "已补交", NOW);
		run.raiseYellowCard(NOW);
		run.raiseRedCard(NOW);
		run.escalate(2, NOW);
		run.escalate(3, NOW);
		run.urge(TASK_FORCE, "请尽快办理", NOW);
		run.transfer(TASK_FORCE, "runners-huzhen", true, NOW);
		run.coverForAbsence(RUNNER, "请假代岗", NOW);
		run.extendDeadline(TASK_FORCE, LocalDate.of(2026, 10, 9), NOW.plus(15, ChronoUnit.DAYS), false, "出证部门系统故障",
				NOW);
		run.attachCertificateFile(7L, "火化证明.pdf", CLERK, NOW);
		run.markIssued(CLERK, false, NOW);
		run.handOver(RUNNER, "已送窗口", NOW);
		run.returnByUsingDepartment(WINDOW, "不是所需证明", NOW);
		run.markRequestedFromIssuer(RUNNER, "重新调取", NOW);
		run.recordLicence("ZZ3308250001", CLERK, NOW);
		run.markIssued(CLERK, false, NOW);
		run.handOver(RUNNER, null, NOW);
		run.signFor(WINDOW, "已核验电子证照", NOW);
		return run;
	}

	private static ProxyRun authorizedOnlineAndRefused() {
		ProxyRun run = online("DP20260924-000002");
		run.requestAuthorizationCode(NOW);
		run.newAuthorizationCode(AuthorizationCodes.hash("salt", run.getCaseNo(), "123456"), "salt");
		run.confirmAuthorization("123456", 5, NOW);
		routed(run).markRequestedFromIssuer(RUNNER, null, NOW);
		run.markRefused(CLERK, "档案中无相关记录", NOW);
		return run;
	}

	private static ProxyRun authorizationExpired() {
		ProxyRun run = online("DP20260924-000003");
		run.expireAuthorization(NOW.plus(4, ChronoUnit.DAYS));
		return run;
	}

	private static ProxyRun closedAsException() {
		ProxyRun run = routed(window("DP20260924-000004"));
		run.closeAsException(TASK_FORCE, "申请人撤回", NOW);
		return run;
	}

	private static ProxyRun takenByAnAgentAndHandedBack() {
		ProxyRun run = routed(opened("DP20260924-000005", null, Intake.agent("huzhen-xiaku")));
		run.markRequestedFromIssuer(RUNNER, null, NOW);
		run.recordLicence("ZZ3308250002", CLERK, NOW);
		run.markIssued(CLERK, false, NOW);
		run.handOver(RUNNER, null, NOW);
		run.signFor(WINDOW, null, NOW);
		run.handBackInVillage("agent-huzhen-xiaku-1", NOW);
		return run;
	}

	private static ProxyRun window(String caseNo) {
		return opened(caseNo, null, Intake.WINDOW);
	}

	private static ProxyRun online(String caseNo) {
		return opened(caseNo, NOW.plus(3, ChronoUnit.DAYS), Intake.WINDOW);
	}

	private static ProxyRun opened(String caseNo, Instant authorizationDue, Intake intake) {
		ProxyRun run = new ProxyRun(Applicant.person("王建国", "330825199506066786", "13905700000"),
				new ProxyRun.Request("huzhen", "huzhen-xiaku", "ZM-0009", "renshe", null, null, 3), intake,
				new ProxyRun.Issuer("minzheng", "县民政局"), authorizationDue, "window-renshe-1", NOW);
		run.assignCaseNo(caseNo);
		return run;
	}

	private static ProxyRun routed(ProxyRun run) {
		run.route("runners-county", LocalDate.of(2026, 9, 30), NOW.plus(6, ChronoUnit.DAYS), false, NOW);
		return run;
	}
}
