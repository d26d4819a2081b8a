package org.zhengpaopao.calendar;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import com.nlf.calendar.Lunar;
import com.nlf.calendar.Solar;

/**
 * The public holidays fixed by 《全国年节及纪念日放假办法》 (2024 revision), for years whose State Council schedule
 * is not loaded. It knows nothing of the blocks and adjusted weekends announced each year, so it yields fewer
 * days off than the real schedule; deadlines counted with it are marked provisional.
 */
final class StatutoryHolidays {

	private static final Map<Integer, Set<LocalDate>> CACHE = new ConcurrentHashMap<>();

	private static final Object LUNAR_LOCK = new Object();

	private StatutoryHolidays() {
	}

	static boolean isHoliday(LocalDate date) {
		return of(date.getYear()).contains(date);
	}

	static Set<LocalDate> of(int year) {
		Set<LocalDate> days = CACHE.get(year);
		if (days == null) {
			days = compute(year);
			CACHE.putIfAbsent(year, days);
		}
		return days;
	}

	private static Set<LocalDate> compute(int year) {
		Set<LocalDate> days = new TreeSet<>();
		// 元旦
		days.add(LocalDate.of(year, 1, 1));
		// 劳动节
		days.add(LocalDate.of(year, 5, 1));
		days.add(LocalDate.of(year, 5, 2));
		// 国庆节
		days.add(LocalDate.of(year, 10, 1));
		days.add(LocalDate.of(year, 10, 2));
		days.add(LocalDate.of(year, 10, 3));
		// the library keeps unsynchronised static caches, so lunar look-ups go one at a time
		synchronized (LUNAR_LOCK) {
			// 春节: 正月初一 of lunar year `year` always falls in late January or February of the same solar year.
			// 除夕 is counted back from it, since 腊月 has 29 or 30 days.
			LocalDate newYear = toLocalDate(Lunar.fromYmd(year, 1, 1).getSolar());
			days.add(newYear.minusDays(1));
			days.add(newYear);
			days.add(newYear.plusDays(1));
			days.add(newYear.plusDays(2));
			// 清明节: the day of the solar term; the table of lunar year `year` holds exactly one 清明, in April
			Solar qingming = Lunar.fromYmd(year, 1, 1).getJieQiTable().get("清明");
			days.add(requireYear(year, toLocalDate(qingming), "清明"));
			// 端午节 and 中秋节: months 5 and 8 of the lunar year, never the leap month of the same number
			days.add(requireYear(year, toLocalDate(Lunar.fromYmd(year, 5, 5).getSolar()), "端午"));
			days.add(requireYear(year, toLocalDate(Lunar.fromYmd(year, 8, 15).getSolar()), "中秋"));
		}
		return Set.copyOf(days);
	}

	private static LocalDate requireYear(int year, LocalDate date, String festival) {
		if (date.getYear() != year) {
			throw new IllegalStateException(festival + " of " + year + " computed as " + date);
		}
		return date;
	}

	private static LocalDate toLocalDate(Solar solar) {
		return LocalDate.of(solar.getYear(), solar.getMonth(), solar.getDay());
	}
}
