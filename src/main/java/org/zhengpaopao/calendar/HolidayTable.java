package org.zhengpaopao.calendar;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One year's official schedule as read from {@code seeds/calendar/YYYY.csv}: only the days that differ from
 * the plain weekend rule are listed.
 */
record HolidayTable(int year, Map<LocalDate, Day> days) {

	enum Kind {
		/** A day off that would otherwise be a working day or a weekend day. */
		HOLIDAY,
		/** A weekend day worked in exchange for a longer holiday (调休上班). */
		WORKDAY
	}

	record Day(Kind kind, String name) {
	}

	private static final List<String> HEADER = List.of("date", "type", "name");

	// commons-csv puts "line N" into the messages of its parse errors
	private static final Pattern ERROR_LINE = Pattern.compile("line (\\d+)");

	private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder()
		.setHeader()
		.setSkipHeaderRecord(true)
		.setTrim(true)
		.setIgnoreSurroundingSpaces(true)
		.setIgnoreEmptyLines(true)
		.get();

	HolidayTable {
		days = Collections.unmodifiableMap(new HashMap<>(days));
	}

	/** Whether {@code date} (which must lie in this table's year) is a working day. */
	boolean isWorkingDay(LocalDate date) {
		Day day = days.get(date);
		if (day != null) {
			return day.kind() == Kind.WORKDAY;
		}
		return !isWeekend(date);
	}

	static boolean isWeekend(LocalDate date) {
		DayOfWeek dow = date.getDayOfWeek();
		return dow == DayOfWeek.SATURDAY || dow == DayOfWeek.SUNDAY;
	}

	/**
	 * Parses and checks a table strictly: a half-right table silently shifts deadlines, so any doubt rejects
	 * the whole file.
	 *
	 * @param year the year named by the file
	 * @param content the file's text
	 */
	static HolidayTable parse(int year, String content) throws MalformedTableException {
		// Excel saves "CSV UTF-8" with a byte order mark, which would otherwise stick to the first header
		String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
		Map<LocalDate, Day> days = new HashMap<>();
		try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
			List<String> header = parser.getHeaderNames();
			if (!header.equals(HEADER)) {
				throw new MalformedTableException(1, "表头应为 date,type,name，实际为 " + String.join(",", header));
			}
			for (CSVRecord record : parser) {
				int line = lineOf(text, record);
				if (record.size() != HEADER.size()) {
					throw new MalformedTableException(line, "应有 3 列，实际为 " + record.size() + " 列");
				}
				LocalDate date;
				try {
					date = LocalDate.parse(record.get("date"));
				}
				catch (DateTimeParseException ex) {
					throw new MalformedTableException(line, "日期应为 YYYY-MM-DD 格式：" + record.get("date"));
				}
				if (date.getYear() != year) {
					throw new MalformedTableException(line, "日期 " + date + " 不属于 " + year + " 年");
				}
				Kind kind;
				try {
					kind = Kind.valueOf(record.get("type"));
				}
				catch (IllegalArgumentException ex) {
					throw new MalformedTableException(line, "类型应为 HOLIDAY 或 WORKDAY：" + record.get("type"));
				}
				// an adjusted working day on a weekday changes nothing, so it is almost certainly a mistyped date
				if (kind == Kind.WORKDAY && !isWeekend(date)) {
					throw new MalformedTableException(line, "调休上班日 " + date + " 不是周末");
				}
				String name = record.get("name");
				if (name.isBlank()) {
					throw new MalformedTableException(line, "名称为空");
				}
				if (days.putIfAbsent(date, new Day(kind, name)) != null) {
					throw new MalformedTableException(line, "日期 " + date + " 重复");
				}
			}
			if (days.isEmpty()) {
				// an empty table would pass the year off as having no holidays at all
				throw new MalformedTableException(1, "没有任何记录");
			}
			return new HolidayTable(year, days);
		}
		catch (IllegalArgumentException | IllegalStateException | UncheckedIOException ex) {
			// commons-csv reports duplicate headers and broken quoting this way
			throw new MalformedTableException(lineAtFailure(text, ex), "无法解析：" + ex.getMessage());
		}
		catch (IOException ex) {
			throw new MalformedTableException(1, "无法解析：" + ex.getMessage());
		}
	}

	private static int lineOf(String text, CSVRecord record) {
		int position = (int) Math.min(record.getCharacterPosition(), text.length());
		// the reported position is where the previous record ended, before any skipped blank lines
		while (position < text.length() && Character.isWhitespace(text.charAt(position))) {
			position++;
		}
		int line = 1;
		for (int i = 0; i < position; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static int lineAtFailure(String text, RuntimeException ex) {
		Matcher matcher = ERROR_LINE.matcher(String.valueOf(ex.getMessage()));
		return matcher.find() ? Integer.parseInt(matcher.group(1)) : 1;
	}

	/** A table that must not be used; carries the line to fix. */
	static final class MalformedTableException extends Exception {

		private final int line;

		MalformedTableException(int line, String problem) {
			super("第 " + line + " 行：" + problem);
			this.line = line;
		}

		int line() {
			return line;
		}
	}
}
