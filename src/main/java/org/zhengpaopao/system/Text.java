package org.zhengpaopao.system;

/**
 * Text as staff and applicants type it: names, reasons, notes, comments. Quotes, angle brackets and 4-byte
 * characters (𠀀, 😀) are just text. Refused, naming the field: control characters (a line break only where the
 * text may span lines), the invisible characters that reverse or embed text direction (they make a name read
 * differently from what is stored), and a half of a surrogate pair (MySQL's utf8mb4 cannot store it).
 * <p>
 * Lengths count UTF-16 units, as Java and H2 do: a limit that fits an H2 column always fits the MySQL column of
 * the same length, which counts characters. A 4-byte character therefore counts twice.
 */
public final class Text {

	private Text() {
	}

	/** @return the text without surrounding white space, "" when none was given */
	public static String optional(String raw, String field, int maxLength, boolean multiline) {
		String text = raw == null ? "" : raw.strip();
		check(text, field, maxLength, multiline);
		return text;
	}

	/** @throws InvalidInputException with {@code zh} / {@code en} when nothing was given */
	public static String required(String raw, String field, int maxLength, boolean multiline, String zh, String en) {
		String text = optional(raw, field, maxLength, multiline);
		if (text.isEmpty()) {
			throw new InvalidInputException(field, zh, en);
		}
		return text;
	}

	private static void check(String text, String field, int maxLength, boolean multiline) {
		if (text.length() > maxLength) {
			throw new InvalidInputException(field, "不超过" + maxLength + "个字", "at most " + maxLength + " characters");
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new InvalidInputException(field, "含有无法识别的字符", "contains an invalid character");
			}
			else if (forbidden(c, multiline)) {
				throw new InvalidInputException(field, multiline ? "不能含控制字符（换行除外）" : "不能含换行或控制字符",
						multiline ? "no control characters other than line breaks" : "no line breaks or control characters");
			}
		}
	}

	private static boolean forbidden(char c, boolean multiline) {
		if (c == '\n' || c == '\r' || c == '\t') {
			return !multiline;
		}
		return Character.isISOControl(c)
				// embeddings, overrides and isolates of the Unicode bidirectional algorithm
				|| (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
	}
}
