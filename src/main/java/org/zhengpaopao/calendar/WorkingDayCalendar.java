package org.zhengpaopao.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import org.zhengpaopao.calendar.HolidayTable.MalformedTableException;
import org.zhengpaopao.system.CountyTime;

/**
 * Working days (工作日) on the Chinese calendar, Beijing time: weekends off, public holidays off, adjusted
 * working weekends (调休上班) on.
 * <p>
 * Each year's official schedule is a CSV file {@code <zhengpaopao.seeds-location>calendar/YYYY.csv}, re-read
 * every hour so that county staff can add next year's schedule without a release. Years without a file fall
 * back to the statutory holidays, and deadlines that reach into them are {@linkplain Deadline#provisional()
 * provisional}.
 */
@Service
public class WorkingDayCalendar {

	/** About one year of working days; longer periods are not "working day" deadlines in any regulation we serve. */
	static final int MAX_WORKING_DAYS = 250;

	/**
	 * The dates the API takes: the county's working years, with room. The lunar holidays are only computed for
	 * sane years (year 0 or 999999999 has no Spring Festival that anyone could check).
	 */
	public static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
	public static final LocalDate LATEST = LocalDate.of(2099, 12, 31);

	/** Whether the API takes {@code date}: between {@link #EARLIEST} and {@link #LATEST}. */
	public static boolean inRange(LocalDate date) {
		return !date.isBefore(EARLIEST) && !date.isAfter(LATEST);
	}

	private static final Logger log = LoggerFactory.getLogger(WorkingDayCalendar.class);

	private static final Pattern TABLE_FILE = Pattern.compile("(\\d{4})\\.csv");

	private static final Clock DEFAULT_CLOCK = Clock.system(CountyTime.ZONE);

	private final ResourcePatternResolver resolver;

	private final String location;

	private final ObjectProvider<Clock> clock;

	// replaced whole on reload, so readers always see one consistent set of tables without locking
	private volatile Map<Integer, HolidayTable> tables = Map.of();

	private final Set<Integer> warnedYears = ConcurrentHashMap.newKeySet();

	public WorkingDayCalendar(ResourcePatternResolver resolver,
			@Value("${zhengpaopao.seeds-location:classpath:seeds/}") String location, ObjectProvider<Clock> clock) {
		this.resolver = resolver;
		this.location = location.endsWith("/") ? location : location + "/";
		this.clock = clock;
		reload();
	}

	/**
	 * The date of the {@code workingDays}-th working day after {@code from}; counting starts the day after, so
	 * 0 gives {@code from} itself, whatever kind of day it is.
	 */
	public Deadline deadline(LocalDate from, int workingDays) {
		Objects.requireNonNull(from, "from");
		if (workingDays < 0 || workingDays > MAX_WORKING_DAYS) {
			throw new IllegalArgumentException("工作日数必须在 0 到 " + MAX_WORKING_DAYS + " 之间，实际为 " + workingDays
					+ " / workingDays must be between 0 and " + MAX_WORKING_DAYS + ", was " + workingDays);
		}
		Map<Integer, HolidayTable> snapshot = tables;
		SortedSet<Integer> provisionalYears = new TreeSet<>();
		LocalDate day = from;
		int counted = 0;
		while (counted < workingDays) {
			day = day.plusDays(1);
			if (!snapshot.containsKey(day.getYear())) {
				provisionalYears.add(day.getYear());
			}
			if (isWorkingDay(day, snapshot)) {
				counted++;
			}
		}
		provisionalYears.forEach(this::warnOnce);
		return new Deadline(day, !provisionalYears.isEmpty(), provisionalYears);
	}

	/** The last working day before {@code date}: when a yellow card falls before a deadline on {@code date}. */
	public LocalDate previousWorkingDay(LocalDate date) {
		LocalDate day = date.minusDays(1);
		while (!isWorkingDay(day)) {
			day = day.minusDays(1);
		}
		return day;
	}

	/** Working days after {@code from} up to and including {@code to}; 0 when {@code to} is not after {@code from}. */
	public int workingDaysBetween(LocalDate from, LocalDate to) {
		int count = 0;
		for (LocalDate day = from.plusDays(1); !day.isAfter(to); day = day.plusDays(1)) {
			if (isWorkingDay(day)) {
				count++;
			}
		}
		return count;
	}

	public boolean isWorkingDay(LocalDate date) {
		Map<Integer, HolidayTable> snapshot = tables;
		if (!snapshot.containsKey(date.getYear())) {
			warnOnce(date.getYear());
		}
		return isWorkingDay(date, snapshot);
	}

	private static boolean isWorkingDay(LocalDate date, Map<Integer, HolidayTable> snapshot) {
		HolidayTable table = snapshot.get(date.getYear());
		if (table != null) {
			return table.isWorkingDay(date);
		}
		return !HolidayTable.isWeekend(date) && !StatutoryHolidays.isHoliday(date);
	}

	/** Years with an official table loaded, ascending. */
	public Set<Integer> loadedYears() {
		return Collections.unmodifiableSortedSet(new TreeSet<>(tables.keySet()));
	}

	/** Of this year and next year (Beijing time), those without an official table, ascending. */
	public Set<Integer> missingYears() {
		int thisYear = LocalDate.now(clock.getIfAvailable(() -> DEFAULT_CLOCK)).getYear();
		Map<Integer, HolidayTable> snapshot = tables;
		SortedSet<Integer> missing = new TreeSet<>();
		for (int year = thisYear; year <= thisYear + 1; year++) {
			if (!snapshot.containsKey(year)) {
				missing.add(year);
			}
		}
		return Collections.unmodifiableSortedSet(missing);
	}

	/**
	 * Re-reads every {@code YYYY.csv} under the location. A file that cannot be read or parsed leaves that
	 * year's previous table in force; a file that is gone takes its year with it.
	 */
	@Scheduled(cron = "0 0 * * * *", zone = CountyTime.ZONE_ID)
	public synchronized void reload() {
		String pattern = location + "calendar/*.csv";
		Resource[] resources;
		try {
			resources = resolver.getResources(pattern);
		}
		catch (IOException ex) {
			log.error("无法列出工作日历表 {}，继续使用已加载的表 / cannot list calendar tables, keeping the loaded ones",
					pattern, ex);
			return;
		}
		Map<Integer, HolidayTable> previous = tables;
		Map<Integer, HolidayTable> next = new TreeMap<>();
		for (Resource resource : resources) {
			Matcher name = TABLE_FILE.matcher(Objects.requireNonNullElse(resource.getFilename(), ""));
			if (!name.matches()) {
				log.warn("忽略不是 YYYY.csv 的文件 {} / ignoring calendar file not named YYYY.csv",
						resource.getDescription());
				continue;
			}
			int year = Integer.parseInt(name.group(1));
			try {
				next.put(year, HolidayTable.parse(year, read(resource)));
			}
			catch (MalformedTableException | IOException ex) {
				HolidayTable kept = previous.get(year);
				log.error("工作日历表 {} 有误，{}：{} / calendar table is invalid, {}", resource.getDescription(),
						kept != null ? "继续使用之前加载的版本" : "该年按法定节假日推算", ex.getMessage(),
						kept != null ? "keeping the previously loaded version" : "falling back to statutory holidays");
				if (kept != null) {
					next.put(year, kept);
				}
			}
		}
		for (Integer gone : previous.keySet()) {
			if (!next.containsKey(gone)) {
				log.warn("{} 年的工作日历表已不存在，该年改按法定节假日推算 / calendar table for {} is gone", gone, gone);
			}
		}
		tables = Collections.unmodifiableMap(next);
		if (!next.equals(previous)) {
			log.info("已加载工作日历表 / calendar tables loaded: {}", next.keySet());
		}
		// a year that gets its table and later loses it deserves a new warning
		warnedYears.removeAll(next.keySet());
		missingYears().forEach(this::warnOnce);
	}

	private void warnOnce(int year) {
		if (warnedYears.add(year)) {
			log.warn("{} 年的节假日安排表未加载，涉及该年的期限按法定节假日推算，为临时结果 / "
					+ "holiday table for {} is not loaded; deadlines into it are provisional", year, year);
		}
	}

	private static String read(Resource resource) throws IOException {
		try (InputStream in = resource.getInputStream()) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
