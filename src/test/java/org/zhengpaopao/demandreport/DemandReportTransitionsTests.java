package org.zhengpaopao.demandreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.catalog.Disposition;

/**
 * A demand report's supervision case on the aggregate alone (no Spring, no engine, no database): submitted → finding
 * → rectification (only when confirmed) → reply, the due date of the step that is open, and what each step refuses.
 */
class DemandReportTransitionsTests {

	static final Instant SUBMITTED_AT = Instant.parse("2026-12-07T02:00:00Z");
	static final Instant VERIFICATION_DUE = Instant.parse("2026-12-10T10:00:00Z");
	static final Instant RECTIFICATION_DUE = Instant.parse("2026-12-24T10:00:00Z");
	static final Instant REPLY_DUE = Instant.parse("2026-12-28T10:00:00Z");

	static DemandReport report(Disposition disposition) {
		return new DemandReport("JB20261207-ABCDEFGH", "minzheng", "SX-001", "ZM-0002", disposition,
				LocalDate.of(2026, 12, 3), "钱七", "13905701111", "窗口要求提供无犯罪记录证明", SUBMITTED_AT, VERIFICATION_DUE,
				null);
	}

	static DemandReport report() {
		return report(Disposition.CANCELLED);
	}

	static DemandReport repeatOf(DemandReport first) {
		return new DemandReport("JB20261208-HGFEDCBA", "minzheng", "SX-001", "ZM-0002", Disposition.CANCELLED,
				LocalDate.of(2026, 12, 4), "钱七", "13905701111", null, SUBMITTED_AT.plus(Duration.ofDays(1)), null,
				first);
	}

	static Instant later(int hours) {
		return SUBMITTED_AT.plus(Duration.ofHours(hours));
	}

	@Test
	void shouldStartSubmittedWithTheVerificationDue() {
		var report = report();

		assertThat(report.getStatus()).isEqualTo(DemandReportStatus.SUBMITTED);
		assertThat(report.currentDue()).isEqualTo(VERIFICATION_DUE);
		assertThat(report.isDuplicate()).isFalse();
		assertThat(report.getFinding()).isNull();
	}

	@Test
	void shouldNotTakeAReportOfACertificateThatMayStillBeAskedFor() {
		assertThatThrownBy(() -> report(Disposition.PROXY)).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("ZM-0002");
	}

	@Test
	void shouldGiveAReportEitherACaseOrAnEarlierReportItRepeats() {
		var first = report();

		assertThatThrownBy(() -> new DemandReport("JB1", "minzheng", "SX-001", "ZM-0002", Disposition.CANCELLED,
				LocalDate.of(2026, 12, 3), null, "13905701111", null, SUBMITTED_AT, null, null))
			.as("neither a deadline nor a first report")
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new DemandReport("JB2", "minzheng", "SX-001", "ZM-0002", Disposition.CANCELLED,
				LocalDate.of(2026, 12, 3), null, "13905701111", null, SUBMITTED_AT, VERIFICATION_DUE, first))
			.as("both")
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> repeatOf(repeatOf(first))).as("a repeat of a repeat")
			.isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void shouldKeepARepeatSubmittedWithoutStepsOfItsOwn() {
		var first = report();

		var repeat = repeatOf(first);

		assertThat(repeat.isDuplicate()).isTrue();
		assertThat(repeat.getDuplicateOf()).isEqualTo("JB20261207-ABCDEFGH");
		assertThat(repeat.getStatus()).isEqualTo(DemandReportStatus.SUBMITTED);
		assertThat(repeat.currentDue()).isNull();
	}

	@Test
	void shouldRectifyAndReplyWhenTheDemandIsConfirmed() {
		var report = report();

		report.recordFinding(Finding.CONFIRMED, "窗口确有索要", "manager-1", later(1), RECTIFICATION_DUE);
		assertThat(report.getStatus()).isEqualTo(DemandReportStatus.CONFIRMED);
		assertThat(report.currentDue()).isEqualTo(RECTIFICATION_DUE);
		assertThat(report.getFoundBy()).isEqualTo("manager-1");

		report.recordRectification("已对窗口人员进行培训", "manager-1", later(2), REPLY_DUE);
		assertThat(report.getStatus()).isEqualTo(DemandReportStatus.RECTIFIED);
		assertThat(report.currentDue()).isEqualTo(REPLY_DUE);

		report.reply("经核实属实，已整改", "manager-1", later(3));
		assertThat(report.getStatus()).isEqualTo(DemandReportStatus.REPLIED);
		assertThat(report.currentDue()).isNull();
		assertThat(report.getReply()).isEqualTo("经核实属实，已整改");
		assertThat(report.getRepliedAt()).isEqualTo(later(3));
	}

	@Test
	void shouldReplyWithoutRectificationWhenTheDemandIsNotConfirmed() {
		var report = report();

		report.recordFinding(Finding.NOT_CONFIRMED, "窗口未索要", "manager-1", later(1), REPLY_DUE);

		assertThat(report.getStatus()).isEqualTo(DemandReportStatus.NOT_CONFIRMED);
		assertThat(report.currentDue()).isEqualTo(REPLY_DUE);
		assertThat(report.getRectificationDue()).isNull();
		assertThatThrownBy(() -> report.recordRectification("无", "manager-1", later(2), REPLY_DUE))
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("NOT_CONFIRMED");

		report.reply("经核实不属实", "manager-1", later(2));
		assertThat(report.getStatus()).isEqualTo(DemandReportStatus.REPLIED);
	}

	@Test
	void shouldRecordOneFindingOnly() {
		var report = report();
		report.recordFinding(Finding.NOT_CONFIRMED, "窗口未索要", "manager-1", later(1), REPLY_DUE);

		assertThatThrownBy(
				() -> report.recordFinding(Finding.CONFIRMED, "改口", "manager-2", later(2), RECTIFICATION_DUE))
			.isInstanceOf(IllegalStateException.class);

		assertThat(report.getFinding()).isEqualTo(Finding.NOT_CONFIRMED);
		assertThat(report.getFoundBy()).isEqualTo("manager-1");
	}

	@Test
	void shouldRefuseAReplyBeforeTheFindingOrTheRectification() {
		var report = report();
		assertThatThrownBy(() -> report.reply("已答复", "manager-1", later(1))).isInstanceOf(IllegalStateException.class);

		report.recordFinding(Finding.CONFIRMED, "窗口确有索要", "manager-1", later(1), RECTIFICATION_DUE);
		assertThatThrownBy(() -> report.reply("已答复", "manager-1", later(2))).isInstanceOf(IllegalStateException.class);

		assertThat(report.getStatus()).isEqualTo(DemandReportStatus.CONFIRMED);
		assertThat(report.getReply()).isNull();
	}

	@Test
	void shouldRefuseARectificationBeforeTheFindingAndASecondReply() {
		var report = report();
		assertThatThrownBy(() -> report.recordRectification("培训", "manager-1", later(1), REPLY_DUE))
			.isInstanceOf(IllegalStateException.class);

		report.recordFinding(Finding.NOT_CONFIRMED, "窗口未索要", "manager-1", later(1), REPLY_DUE);
		report.reply("经核实不属实", "manager-1", later(2));

		assertThatThrownBy(() -> report.reply("再次答复", "manager-2", later(3))).isInstanceOf(IllegalStateException.class);
		assertThat(report.getReply()).isEqualTo("经核实不属实");
	}
}
