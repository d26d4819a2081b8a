package org.zhengpaopao.publicguard;

import java.text.Normalizer;
import java.util.Locale;

/**
 * One identifier, one spelling: a case number, tracking number, phone number or code as an applicant typed it on
 * a public page, in the one spelling every lookup and every attempt count uses. A phone in full-width mode types
 * {@code ＤＰ２０２６…}, a copy from a text message may carry a zero-width space or a byte order mark; if the count
 * and the lookup saw different spellings (or the database's collation saw another one again), each spelling would
 * be a fresh set of guesses. See docs/adr/0003-public-identifiers.md.
 */
public final class TypedIdentifier {

	private TypedIdentifier() {
	}

	/**
	 * NFKC (full-width letters, digits and dashes to ASCII, ideographic and no-break spaces to spaces), format
	 * characters (Unicode category Cf: zero-width space, byte order mark, soft hyphen, direction marks) removed,
	 * surrounding white space trimmed, upper-cased: all public identifiers are upper-case or digits.
	 *
	 * @return {@code null} for {@code null}
	 */
	public static String normalize(String typed) {
		if (typed == null) {
			return null;
		}
		String compatible = Normalizer.normalize(typed, Normalizer.Form.NFKC);
		StringBuilder visible = new StringBuilder(compatible.length());
		compatible.codePoints()
			.filter(c -> Character.getType(c) != Character.FORMAT)
			.forEach(visible::appendCodePoint);
		return visible.toString().strip().toUpperCase(Locale.ROOT);
	}
}
