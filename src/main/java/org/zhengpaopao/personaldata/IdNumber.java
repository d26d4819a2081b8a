package org.zhengpaopao.personaldata;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Pattern;

import org.zhengpaopao.system.InvalidInputException;

/**
 * A resident identity card number (GB 11643-1999): 17 digits and a check character.
 * Its {@code toString()} is masked so that it never reaches a log line by accident.
 */
public final class IdNumber {

	private static final Pattern FORMAT = Pattern.compile("\\d{17}[\\dX]");
	private static final int[] WEIGHTS = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
	private static final char[] CHECK = "10X98765432".toCharArray();

	private final String value;

	private IdNumber(String value) {
		this.value = value;
	}

	/**
	 * @throws InvalidInputException naming {@code field} when the number is malformed or its check digit is wrong
	 */
	public static IdNumber parse(String raw, String field) {
		String candidate = raw == null ? "" : raw.strip().toUpperCase();
		if (!FORMAT.matcher(candidate).matches()) {
			throw new InvalidInputException(field, "身份证号码应为18位（最后一位可为X）",
					"an ID number has 18 characters, the last may be X");
		}
		try {
			LocalDate.of(Integer.parseInt(candidate.substring(6, 10)), Integer.parseInt(candidate.substring(10, 12)),
					Integer.parseInt(candidate.substring(12, 14)));
		}
		catch (DateTimeException e) {
			throw new InvalidInputException(field, "身份证号码中的出生日期无效", "the date of birth in the ID number is not a date");
		}
		if (candidate.charAt(17) != checkCharacter(candidate)) {
			throw new InvalidInputException(field, "身份证号码校验位错误", "the check digit of the ID number is wrong");
		}
		return new IdNumber(candidate);
	}

	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (first17.charAt(i) - '0') * WEIGHTS[i];
		}
		return CHECK[sum % 11];
	}

	public String value() {
		return value;
	}

	/** The form staff and applicants see: first 3 and last 4 characters. */
	public String masked() {
		return mask(value);
	}

	public static String mask(String idNumber) {
		if (idNumber == null || idNumber.length() < 8) {
			return "****";
		}
		return idNumber.substring(0, 3) + "*".repeat(idNumber.length() - 7) + idNumber.substring(idNumber.length() - 4);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof IdNumber id && id.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return masked();
	}
}
