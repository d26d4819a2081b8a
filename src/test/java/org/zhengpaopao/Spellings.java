package org.zhengpaopao;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * Other spellings of one identifier, as a phone's keyboard in full-width mode, a copy from a text message or a web
 * page, or a hurried applicant produce them. The public pages take each as the identifier itself.
 */
public final class Spellings {

	/** by name, as the bad-input corpus's {@code spellings} family names them */
	public static final Map<String, UnaryOperator<String>> ALL = Map.of(
			"full-width", Spellings::fullWidth,
			"zero-width-space-inside", Spellings::zeroWidthSpaceInside,
			"byte-order-mark", text -> "\ufeff" + text,
			"ideographic-spaces-around", text -> "\u3000" + text + "\u3000",
			"lower-case", text -> text.toLowerCase(Locale.ROOT));

	private Spellings() {
	}

	/** ASCII letters, digits and punctuation as their full-width forms (Ａ, １, －). */
	public static String fullWidth(String text) {
		StringBuilder wide = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			wide.append(c > ' ' && c <= '~' ? (char) (c + 0xfee0) : c);
		}
		return wide.toString();
	}

	/** A zero-width space after the second character, where a copy from a formatted message puts one. */
	public static String zeroWidthSpaceInside(String text) {
		int at = Math.min(2, text.length());
		return text.substring(0, at) + "\u200b" + text.substring(at);
	}

	/** Six spellings of one identifier: as it is and the five others of {@link #ALL}. */
	public static List<String> six(String identifier) {
		return List.of(identifier, fullWidth(identifier), zeroWidthSpaceInside(identifier),
				"\ufeff" + identifier, "\u3000" + identifier + "\u3000", identifier.toLowerCase(Locale.ROOT));
	}
}
