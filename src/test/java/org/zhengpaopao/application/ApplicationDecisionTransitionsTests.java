package org.zhengpaopao.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.applicant.Applicant;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.system.InvalidInputException;

/**
 * The window's decision on the aggregate alone (no Spring, no engine): it records how the result goes back, a
 * tracking number with a result by post and only then, once; and whether the case made the applicant run at all.
 */
class ApplicationDecisionTransitionsTests {

	static final Instant TAKEN = Instant.parse("2026-12-07T02:00:00Z");
	static final Instant DECIDED = Instant.parse("2026-12-07T06:00:00Z");

	static Application awaitingDecision(Intake intake) {
		var application = new Application(Applicant.person("王建国", "330825199111110025", "13905700001"),
				new Application.Residence("huzhen", "huzhen-xiaku"), intake, "SX-001", "最低生活保障申请", "minzheng",
				true, null, null, "window-minzheng-1", TAKEN);
		application.assignCaseNo("BJ20261207-000001");
		application.require(new RequiredCertificate.Terms("ZM-0114", "无业证明", 114, 2, Disposition.CANCELLED, null,
				"村（居）委会出具", "县政府令第1号", 5), Handling.NOT_NEEDED, "无需提供", TAKEN);
		application.getCertificates().get(0).markCancelled(TAKEN);
		application.awaitDecision();
		return application;
	}

	@Test
	void shouldRecordAnOnlineDeliveryOfAPlatformCaseAsZeroTrip() {
		Application application = awaitingDecision(Intake.platform("ZJ2026120700001"));

		application.approve("window-minzheng-1", ResultDelivery.ONLINE, null, DECIDED);

		assertThat(application.getState()).isEqualTo(ApplicationState.APPROVED);
		assertThat(application.getResultDelivery()).isEqualTo(ResultDelivery.ONLINE);
		assertThat(application.getResultDelivery().label()).isEqualTo("网上送达");
		assertThat(application.getPostalTrackingNumber()).isNull();
		assertThat(application.isZeroTrip()).isTrue();
	}

	@Test
	void shouldRecordAPostedRefusalWithItsTrackingNumber() {
		Application application = awaitingDecision(Intake.platform("ZJ2026120700002"));

		application.reject("window-minzheng-1", "不符合条件", ResultDelivery.POST, "EA123456789CN", DECIDED);

		assertThat(application.getState()).isEqualTo(ApplicationState.REJECTED);
		assertThat(application.getResultDelivery()).isEqualTo(ResultDelivery.POST);
		assertThat(application.getPostalTrackingNumber()).isEqualTo("EA123456789CN");
		assertThat(application.isZeroTrip()).as("a refusal mailed home is no trip either").isTrue();
	}

	@Test
	void shouldNotCountAWindowCaseOrACollectedResultAsZeroTrip() {
		Application atWindow = awaitingDecision(Intake.WINDOW);
		atWindow.approve("window-minzheng-1", ResultDelivery.POST, "1234567890123", DECIDED);
		Application collected = awaitingDecision(Intake.platform("ZJ2026120700003"));
		collected.approve("window-minzheng-1", ResultDelivery.WINDOW, null, DECIDED);
		Application byAgent = awaitingDecision(Intake.agent("huzhen-xiaku"));
		byAgent.approve("window-minzheng-1", ResultDelivery.ONLINE, null, DECIDED);

		assertThat(atWindow.isZeroTrip()).as("came to the window to apply").isFalse();
		assertThat(collected.isZeroTrip()).as("comes to the window for the result").isFalse();
		assertThat(byAgent.isZeroTrip()).as("went to the village agent").isFalse();
		assertThat(awaitingDecision(Intake.platform("ZJ2026120700004")).isZeroTrip()).as("not decided").isFalse();
	}

	@Test
	void shouldRefuseATrackingNumberThatDoesNotGoWithTheDelivery() {
		Application application = awaitingDecision(Intake.WINDOW);

		assertThatThrownBy(() -> application.approve("window-minzheng-1", ResultDelivery.POST, null, DECIDED))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> application.approve("window-minzheng-1", ResultDelivery.WINDOW, "EA123", DECIDED))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> application.approve("window-minzheng-1", null, null, DECIDED))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(application.getState()).isEqualTo(ApplicationState.AWAITING_DECISION);
		assertThat(application.getResultDelivery()).isNull();
	}

	@Test
	void shouldDecideOnlyOnce() {
		Application application = awaitingDecision(Intake.WINDOW);
		application.approve("window-minzheng-1", ResultDelivery.WINDOW, null, DECIDED);

		assertThatThrownBy(() -> application.reject("window-minzheng-1", "改判", ResultDelivery.ONLINE, null, DECIDED))
			.isInstanceOf(IllegalStateException.class);
		assertThat(application.getResultDelivery()).isEqualTo(ResultDelivery.WINDOW);
	}

	@Test
	void shouldReadTheFormsAnswersAndRefuseOthersInChinese() {
		assertThat(ResultDelivery.parse("POST", "resultDelivery")).isEqualTo(ResultDelivery.POST);
		assertThatThrownBy(() -> ResultDelivery.parse("PIGEON", "resultDelivery"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("请选择结果送达方式");
		assertThatThrownBy(() -> ResultDelivery.parse(null, "resultDelivery")).isInstanceOf(InvalidInputException.class);

		assertThat(ResultDelivery.trackingNumber("  EA123456789CN ", "postalTrackingNumber")).isEqualTo("EA123456789CN");
		assertThat(ResultDelivery.trackingNumber("   ", "postalTrackingNumber")).isNull();
		assertThat(ResultDelivery.trackingNumber("1".repeat(32), "postalTrackingNumber")).hasSize(32);
		assertThatThrownBy(() -> ResultDelivery.trackingNumber("1".repeat(33), "postalTrackingNumber"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("邮件号");
		assertThatThrownBy(() -> ResultDelivery.trackingNumber("EA-1234", "postalTrackingNumber"))
			.isInstanceOf(InvalidInputException.class);
	}

	@Test
	void shouldOfferOnlineDeliveryFirstForAPlatformCase() {
		assertThat(ResultDelivery.defaultFor(Intake.platform("ZJ1"))).isEqualTo(ResultDelivery.ONLINE);
		assertThat(ResultDelivery.defaultFor(Intake.WINDOW)).isEqualTo(ResultDelivery.WINDOW);
		assertThat(ResultDelivery.defaultFor(Intake.agent("huzhen-xiaku"))).isEqualTo(ResultDelivery.WINDOW);
	}
}
