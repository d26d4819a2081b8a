package org.zhengpaopao.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.zhengpaopao.calendar.HolidayTable.Kind;
import org.zhengpaopao.calendar.HolidayTable.MalformedTableException;

class CalendarTableParsingTests {

	private static final String HEADER = "date,type,name\n";

	private static MalformedTableException rejected(String content) {
		return org.junit.jupiter.api.Assertions.assertThrows(MalformedTableException.class,
				() -> HolidayTable.parse(2027, content));
	}

	@Test
	void shouldReadExcelStyleFileWithByteOrderMarkCrlfAndBlankLines() throws Exception {
		HolidayTable table = HolidayTable.parse(2027,
				"\uFEFFdate,type,name\r\n2027-01-01, HOLIDAY ,元旦\r\n\r\n2027-01-09,WORKDAY,\"元旦调休上班\"\r\n");

		assertThat(table.days()).hasSize(2);
		assertThat(table.days().get(LocalDate.of(2027, 1, 1))).isEqualTo(new HolidayTable.Day(Kind.HOLIDAY, "元旦"));
		assertThat(table.isWorkingDay(LocalDate.of(2027, 1, 9))).isTrue();
		assertThat(table.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
		assertThat(table.isWorkingDay(LocalDate.of(2027, 1, 10))).isFalse();
	}

	@Test
	void shouldNameLineOfBadDate() {
		assertThat(rejected(HEADER + "2027-01-01,HOLIDAY,元旦\n2027-02-30,HOLIDAY,春节\n").line()).isEqualTo(3);
	}

	@Test
	void shouldNameLineAfterBlankLines() {
		assertThat(rejected(HEADER + "2027-01-01,HOLIDAY,元旦\n\n\n2027-13-01,HOLIDAY,春节\n").line()).isEqualTo(5);
	}

	@Test
	void shouldRejectDateOfAnotherYear() {
		assertThat(rejected(HEADER + "2026-12-31,HOLIDAY,元旦\n")).hasMessageContaining("第 2 行")
			.hasMessageContaining("不属于 2027 年");
	}

	@Test
	void shouldRejectUnknownType() {
		assertThat(rejected(HEADER + "2027-01-01,holiday,元旦\n")).hasMessageContaining("HOLIDAY 或 WORKDAY");
	}

	@Test
	void shouldRejectAdjustedWorkdayOnWeekday() {
		// 2027-01-04 is a Monday: almost certainly a typo for a weekend date
		assertThat(rejected(HEADER + "2027-01-04,WORKDAY,元旦调休上班\n")).hasMessageContaining("不是周末");
	}

	@Test
	void shouldRejectDuplicateDateMissingColumnBlankNameAndWrongHeader() {
		assertThat(rejected(HEADER + "2027-01-01,HOLIDAY,元旦\n2027-01-01,HOLIDAY,元旦\n").line()).isEqualTo(3);
		assertThat(rejected(HEADER + "2027-01-01,HOLIDAY\n").line()).isEqualTo(2);
		assertThat(rejected(HEADER + "2027-01-01,HOLIDAY, \n")).hasMessageContaining("名称为空");
		assertThat(rejected("day,type,name\n2027-01-01,HOLIDAY,元旦\n").line()).isEqualTo(1);
	}

	@Test
	void shouldRejectTableWithoutRows() {
		assertThat(rejected(HEADER)).hasMessageContaining("没有任何记录");
		assertThat(rejected("")).isNotNull();
	}

	@Test
	void shouldRejectBrokenQuoting() {
		assertThatExceptionOfType(MalformedTableException.class)
			.isThrownBy(() -> HolidayTable.parse(2027, HEADER + "2027-01-01,HOLIDAY,\"元旦\n"));
	}
}
