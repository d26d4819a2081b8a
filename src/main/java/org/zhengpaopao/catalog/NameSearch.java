package org.zhengpaopao.catalog;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.Text;

import net.sourceforge.pinyin4j.PinyinHelper;
import net.sourceforge.pinyin4j.format.HanyuPinyinCaseType;
import net.sourceforge.pinyin4j.format.HanyuPinyinOutputFormat;
import net.sourceforge.pinyin4j.format.HanyuPinyinToneType;
import net.sourceforge.pinyin4j.format.HanyuPinyinVCharType;
import net.sourceforge.pinyin4j.format.exception.BadHanyuPinyinOutputFormatCombination;

/**
 * Finds matters and certificates as a window clerk types them: part of the name (低生活), its pinyin without tones
 * ({@code zuidi}), its initials ({@code zdsh}) or a mix, each character typed as its full pinyin, the first letters
 * of it, or itself. A character with several readings (行 xing/hang, 重 zhong/chong) matches by any of them.
 * Case, full-width letters and spaces do not matter. See docs/adr/0028-pinyin-search.md.
 */
final class NameSearch {

	static final int MAX_QUERY = 50;

	/** How well a name matches, best first. */
	enum Match {
		/** the whole name */
		EXACT,
		/** the name begins with what was typed */
		NAME_PREFIX,
		/** the pinyin (or initials) of the name's beginning */
		PINYIN_PREFIX,
		/** part of the name, or the pinyin of a later part */
		SUBSTRING
	}

	private static final HanyuPinyinOutputFormat TONELESS = new HanyuPinyinOutputFormat();
	static {
		TONELESS.setToneType(HanyuPinyinToneType.WITHOUT_TONE);
		TONELESS.setVCharType(HanyuPinyinVCharType.WITH_V);
		TONELESS.setCaseType(HanyuPinyinCaseType.LOWERCASE);
	}

	/** The catalog holds a few hundred names; a cap keeps renamed ones from piling up in a long-running node. */
	private static final int CACHED_NAMES = 5_000;

	/** Spelt once per name, when first searched: names change rarely, and a changed name is a new key. */
	private final Map<String, Spelling> spellings = new ConcurrentHashMap<>();

	/**
	 * @param query as typed; blank means no search
	 * @return the items whose name matches, best match first and in their given order within a match; all items
	 *         as given when the query is blank
	 * @throws InvalidInputException naming {@code q} for more than {@value #MAX_QUERY} characters, a control
	 *         character or bytes that were not UTF-8
	 */
	<T> List<T> find(List<T> items, Function<T, String> name, String query) {
		String typed = normalized(Text.optional(query, "q", MAX_QUERY, false));
		if (typed.indexOf('\ufffd') >= 0) {
			// Tomcat decodes a query string's bytes that are not UTF-8 as U+FFFD (a JSON body's are refused whole)
			throw new InvalidInputException("q", "含有无法识别的字符", "contains an invalid character");
		}
		if (typed.isEmpty()) {
			return items;
		}
		record Found<T>(T item, Match match) {
		}
		List<Found<T>> found = new ArrayList<>();
		for (T item : items) {
			Match match = match(name.apply(item), typed);
			if (match != null) {
				found.add(new Found<>(item, match));
			}
		}
		found.sort(Comparator.comparing(Found::match)); // stable: the given order within a match
		return found.stream().map(Found::item).toList();
	}

	/** @param typed a query as {@link #normalized} leaves it; null when the name does not match */
	Match match(String name, String typed) {
		if (spellings.size() > CACHED_NAMES) {
			spellings.clear();
		}
		Spelling spelling = spellings.computeIfAbsent(name, NameSearch::spell);
		int literal = spelling.plain().indexOf(typed);
		if (literal == 0) {
			return spelling.plain().length() == typed.length() ? Match.EXACT : Match.NAME_PREFIX;
		}
		int pinyin = pinyinStart(spelling.glyphs(), typed);
		if (pinyin == 0) {
			return Match.PINYIN_PREFIX;
		}
		return literal > 0 || pinyin > 0 ? Match.SUBSTRING : null;
	}

	/** One spelling of text, typed or stored: compatibility forms folded (ｚ → z), lower case, no white space. */
	private static String normalized(String text) {
		String folded = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder plain = new StringBuilder(folded.length());
		folded.codePoints()
			.filter(c -> !Character.isWhitespace(c) && c != '\'') // xi'an: the apostrophe only separates syllables
			.forEach(plain::appendCodePoint);
		return plain.toString();
	}

	/** A name as searched: its plain form, and each letter, digit or Chinese character with what types it. */
	private record Spelling(String plain, Glyph[] glyphs) {
	}

	/** A character of a name: itself, typed whole, and its readings, of which any beginning may be typed. */
	private record Glyph(String itself, String[] readings) {
	}

	private static Spelling spell(String name) {
		String plain = normalized(name);
		List<Glyph> glyphs = new ArrayList<>();
		plain.codePoints().filter(Character::isLetterOrDigit).forEach(c -> {
			String itself = Character.toString(c);
			glyphs.add(new Glyph(itself, c <= 0xffff ? readings((char) c) : new String[0]));
		});
		return new Spelling(plain, glyphs.toArray(Glyph[]::new));
	}

	private static String[] readings(char c) {
		try {
			String[] readings = PinyinHelper.toHanyuPinyinStringArray(c, TONELESS);
			if (readings == null) {
				return new String[0];
			}
			Set<String> distinct = new LinkedHashSet<>(Arrays.asList(readings)); // tones gone, some repeat
			for (String reading : readings) {
				distinct.add(reading.replace('v', 'u')); // ü typed as u (lu for 绿) as well as v (lv)
			}
			return distinct.toArray(String[]::new);
		}
		catch (BadHanyuPinyinOutputFormatCombination e) {
			throw new IllegalStateException(e); // a fixed format: cannot happen
		}
	}

	/**
	 * Where the earliest run of consecutive characters begins that spells {@code typed} exactly, each character
	 * typed as itself or as a non-empty beginning of one of its readings; -1 when none does. One pass over the
	 * name: for each position in what was typed, the earliest start that reaches it, so the work stays within
	 * characters × typed length × readings, whatever the polyphones.
	 */
	private static int pinyinStart(Glyph[] glyphs, String typed) {
		int length = typed.length();
		int[] reached = new int[length + 1]; // the earliest start that has consumed that much, or -1
		int[] next = new int[length + 1];
		Arrays.fill(reached, -1);
		int best = -1;
		for (int at = 0; at < glyphs.length && best != 0; at++) {
			reached[0] = at; // a run may begin at every character
			Arrays.fill(next, -1);
			Glyph glyph = glyphs[at];
			for (int from = 0; from < length; from++) {
				int start = reached[from];
				if (start < 0) {
					continue;
				}
				if (typed.startsWith(glyph.itself(), from)) {
					earliest(next, from + glyph.itself().length(), start);
				}
				for (String reading : glyph.readings()) {
					for (int i = 0; i < reading.length() && from + i < length
							&& reading.charAt(i) == typed.charAt(from + i); i++) {
						earliest(next, from + i + 1, start);
					}
				}
			}
			if (next[length] >= 0 && (best < 0 || next[length] < best)) {
				best = next[length];
			}
			int[] swap = reached;
			reached = next;
			next = swap;
		}
		return best;
	}

	private static void earliest(int[] reached, int position, int start) {
		if (reached[position] < 0 || start < reached[position]) {
			reached[position] = start;
		}
	}
}
