package org.zhengpaopao.absence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.system.ConflictException;

/**
 * One absence on the aggregate alone (no Spring, no engine, no database): whole days in Beijing time, planned →
 * active → ended, ended early or cancelled before it started, and refused once it is over.
 */
class AbsenceTransitionsTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");
	static final LocalDate FROM = LocalDate.of(2026, 12, 8);
	static final LocalDate TO = LocalDate.of(2026, 12, 10);

	static Absence absence() {
		return new Absence("runner-muchen-1", FROM, TO, "病假", "runner-muchen-2", "taskforce-1", at("2026-12-07T09:00"));
	}

	static Instant at(String beijingTime) {
		return LocalDateTime.parse(beijingTime).atZone(BEIJING).toInstant();
	}

	@Test
	void shouldRunFromMidnightOfTheFirstDayToMidnightAfterTheLastInBeijingTime() {
		var absence = absence();

		assertThat(absence.startsAt()).isEqualTo(at("2026-12-08T00:00"));
		assertThat(absence.endsAt()).isEqualTo(at("2026-12-11T00:00"));
		assertThat(absence.activeAt(at("2026-12-07T23:59"))).isFalse();
		assertThat(absence.activeAt(at("2026-12-08T00:00"))).isTrue();
		assertThat(absence.activeAt(at("2026-12-10T23:59"))).isTrue();
		assertThat(absence.activeAt(at("2026-12-11T00:00"))).isFalse();
	}

	@Test
	void shouldBePlannedThenActiveThenEnded() {
		var absence = absence();

		assertThat(absence.statusAt(at("2026-12-07T12:00"))).isEqualTo(Absence.Status.PLANNED);
		assertThat(absence.statusAt(at("2026-12-09T12:00"))).isEqualTo(Absence.Status.ACTIVE);
		assertThat(absence.statusAt(at("2026-12-11T00:00"))).isEqualTo(Absence.Status.ENDED);
	}

	@Test
	void shouldEndEarlyWhenEndedWhileActive() {
		var absence = absence();
		Instant back = at("2026-12-09T14:00");

		absence.end("runner-muchen-1", back);

		assertThat(absence.endsAt()).isEqualTo(back);
		assertThat(absence.getEndedBy()).isEqualTo("runner-muchen-1");
		assertThat(absence.activeAt(at("2026-12-09T13:59"))).isTrue();
		assertThat(absence.activeAt(back)).isFalse();
		assertThat(absence.statusAt(back)).isEqualTo(Absence.Status.ENDED);
		assertThat(absence.overlaps(LocalDate.of(2026, 12, 10), LocalDate.of(2026, 12, 10))).isFalse();
	}

	@Test
	void shouldBeCancelledWhenEndedBeforeItStarted() {
		var absence = absence();

		absence.end("taskforce-1", at("2026-12-07T18:00"));

		assertThat(absence.statusAt(at("2026-12-07T18:00"))).isEqualTo(Absence.Status.CANCELLED);
		assertThat(absence.statusAt(at("2026-12-09T12:00"))).as("it never was").isEqualTo(Absence.Status.CANCELLED);
		assertThat(absence.activeAt(at("2026-12-09T12:00"))).isFalse();
		assertThat(absence.overlaps(FROM, TO)).isFalse();
	}

	@Test
	void shouldRefuseToEndAnAbsenceThatIsOver() {
		var ended = absence();
		ended.end("runner-muchen-1", at("2026-12-09T14:00"));
		var over = absence();

		assertThatThrownBy(() -> ended.end("taskforce-1", at("2026-12-09T15:00"))).isInstanceOf(ConflictException.class)
			.hasMessageContaining("2026-12-09T14:00");
		assertThatThrownBy(() -> over.end("taskforce-1", at("2026-12-11T00:00"))).isInstanceOf(ConflictException.class)
			.hasMessageContaining("2026-12-11T00:00");

		assertThat(ended.getEndedBy()).isEqualTo("runner-muchen-1");
		assertThat(over.getEndedAt()).isNull();
	}

	@Test
	void shouldOverlapTheDaysItCoversAndNotTheDaysBesideIt() {
		var absence = absence();

		assertThat(absence.overlaps(LocalDate.of(2026, 12, 1), FROM)).isTrue();
		assertThat(absence.overlaps(TO, LocalDate.of(2026, 12, 31))).isTrue();
		assertThat(absence.overlaps(LocalDate.of(2026, 12, 9), LocalDate.of(2026, 12, 9))).isTrue();
		assertThat(absence.overlaps(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 7))).isFalse();
		assertThat(absence.overlaps(LocalDate.of(2026, 12, 11), LocalDate.of(2026, 12, 31))).isFalse();
	}
}
