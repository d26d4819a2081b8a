package org.zhengpaopao.proxyrun;

import java.util.regex.Pattern;

import org.zhengpaopao.system.InvalidInputException;

/**
 * 电子证照编号: the identifier of an electronic licence on the provincial platform. Platforms differ in their
 * schemes (the national licence identifier is letters and digits; some add separators), so this checks only what
 * every scheme shares: 4 to 64 letters, digits and {@code - _ . /}, typed in half- or full-width.
 */
final class LicenceNumber {

	static final int MAX_LENGTH = 64;

	private static final Pattern ALLOWED = Pattern.compile("[0-9A-Za-z._/-]{4," + MAX_LENGTH + "}");

	private LicenceNumber() {
	}

	static String parse(String typed) {
		String number = typed == null ? "" : java.text.Normalizer.normalize(typed, java.text.Normalizer.Form.NFKC).strip();
		if (number.isEmpty()) {
			throw new InvalidInputException("licenceNumber", "请填写电子证照编号", "the licence number is required");
		}
		if (!ALLOWED.matcher(number).matches()) {
			throw new InvalidInputException("licenceNumber",
					"电子证照编号应为 4 至 64 位字母、数字或 - _ . /",
					"a licence number is 4 to 64 letters, digits or - _ . /");
		}
		return number.toUpperCase(java.util.Locale.ROOT);
	}
}
