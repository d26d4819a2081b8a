package org.zhengpaopao.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Tables edited on disk take effect on reload(); broken edits do not. */
@ExtendWith(OutputCaptureExtension.class)
class CalendarTableReloadTests {

	private static final String TABLE_2027 = """
			date,type,name
			2027-01-01,HOLIDAY,元旦
			2027-01-02,HOLIDAY,元旦
			2027-01-03,HOLIDAY,元旦
			2027-01-09,WORKDAY,元旦调休上班
			""";

	@TempDir
	Path seeds;

	private Path tables;

	@BeforeEach
	void copySeeds() throws IOException {
		tables = Files.createDirectories(seeds.resolve("calendar"));
		Files.copy(Path.of("seeds/calendar/2026.csv"), tables.resolve("2026.csv"));
	}

	private WorkingDayCalendar calendar() {
		// a file: URI of a directory ends in "/", like the property's documented form
		return CalendarFixtures.calendar(seeds.toUri().toString(), LocalDate.of(2026, 11, 1));
	}

	private void write(String file, String content) throws IOException {
		Files.writeString(tables.resolve(file), content, StandardCharsets.UTF_8);
	}

	@Test
	void shouldPickUpTableDroppedIntoFileLocationOnReload() throws IOException {
		WorkingDayCalendar calendar = calendar();
		assertThat(calendar.loadedYears()).containsExactly(2026);
		assertThat(calendar.missingYears()).containsExactly(2027);
		assertThat(calendar.deadline(LocalDate.of(2026, 12, 31), 1).date()).isEqualTo("2027-01-04");

		write("2027.csv", TABLE_2027);
		calendar.reload();

		assertThat(calendar.loadedYears()).containsExactly(2026, 2027);
		assertThat(calendar.missingYears()).isEmpty();
		Deadline deadline = calendar.deadline(LocalDate.of(2027, 1, 8), 1);
		assertThat(deadline.date()).isEqualTo("2027-01-09");
		assertThat(deadline.provisional()).isFalse();
	}

	@Test
	void shouldKeepPreviousTableWhenEditedFileIsMalformed(CapturedOutput output) throws IOException {
		write("2027.csv", TABLE_2027);
		WorkingDayCalendar calendar = calendar();
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();

		write("2027.csv", TABLE_2027.replace("2027-01-03,HOLIDAY", "2027-01-03,HOLIDAYS"));
		calendar.reload();

		assertThat(calendar.loadedYears()).containsExactly(2026, 2027);
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
		assertThat(calendar.deadline(LocalDate.of(2027, 1, 8), 1).provisional()).isFalse();
		assertThat(output).contains("2027.csv").contains("第 4 行").contains("HOLIDAYS");
	}

	@Test
	void shouldFallBackWhenFirstVersionOfTableIsMalformed(CapturedOutput output) throws IOException {
		write("2027.csv", "date;type;name\n2027-01-01;HOLIDAY;元旦\n");
		WorkingDayCalendar calendar = calendar();

		assertThat(calendar.loadedYears()).containsExactly(2026);
		assertThat(calendar.deadline(LocalDate.of(2026, 12, 31), 1).provisionalYears()).containsExactly(2027);
		assertThat(output).contains("2027.csv").contains("第 1 行");
	}

	@Test
	void shouldApplyCorrectedTableOnReload() throws IOException {
		WorkingDayCalendar calendar = calendar();
		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isTrue();

		write("2026.csv", Files.readString(tables.resolve("2026.csv")) + "2026-03-02,HOLIDAY,测试\n");
		calendar.reload();

		assertThat(calendar.isWorkingDay(LocalDate.of(2026, 3, 2))).isFalse();
	}

	@Test
	void shouldDropYearWhoseFileWasRemoved() throws IOException {
		write("2027.csv", TABLE_2027);
		WorkingDayCalendar calendar = calendar();
		assertThat(calendar.loadedYears()).containsExactly(2026, 2027);

		Files.delete(tables.resolve("2027.csv"));
		calendar.reload();

		assertThat(calendar.loadedYears()).containsExactly(2026);
		assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 9))).isFalse();
	}

	@Test
	void shouldIgnoreFilesNotNamedAfterAYear() throws IOException {
		write("2027-draft.csv", TABLE_2027);
		write("notes.txt", "not a table");

		assertThat(calendar().loadedYears()).containsExactly(2026);
	}

	@Test
	void shouldStartWithNoTablesWhenLocationHasNone() {
		WorkingDayCalendar calendar = CalendarFixtures.calendar(seeds.resolve("nowhere").toUri().toString(),
				LocalDate.of(2026, 11, 1));

		assertThat(calendar.loadedYears()).isEmpty();
		assertThat(calendar.missingYears()).containsExactly(2026, 2027);
		assertThat(calendar.deadline(LocalDate.of(2026, 9, 30), 1).date()).isEqualTo("2026-10-05");
	}
}
