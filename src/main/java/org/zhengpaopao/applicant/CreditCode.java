package org.zhengpaopao.applicant;

import org.zhengpaopao.publicguard.TypedIdentifier;
import org.zhengpaopao.system.InvalidInputException;

/**
 * A unified social credit code (统一社会信用代码, GB 32100-2015): 17 characters and a check character, from digits and
 * the capital letters without I, O, Z, S and V. Not personal data: it is on the company's licence and in the public
 * register, so staff see it in full; public pages still show no identifier of the applicant.
 */
public final class CreditCode {

	private static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	/** 3^i mod 31 */
	private static final int[] WEIGHTS = { 1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28 };

	private final String value;

	private CreditCode(String value) {
		this.value = value;
	}

	/**
	 * Read in one spelling, as the window types or pastes it: full-width characters, lower case and surrounding
	 * spaces are the same code.
	 *
	 * @throws InvalidInputException naming {@code field} when the code is missing, malformed or its check character
	 *                               is wrong
	 */
	public static CreditCode parse(String raw, String field) {
		String candidate = raw == null ? "" : TypedIdentifier.normalize(raw);
		if (candidate.isEmpty()) {
			throw new InvalidInputException(field, "企业申请须填写统一社会信用代码", "a company applicant needs its credit code");
		}
		if (candidate.length() != 18 || !candidate.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0)) {
			throw new InvalidInputException(field, "统一社会信用代码应为18位数字或大写字母（不含 I、O、Z、S、V），请对照营业执照核对",
					"a unified social credit code has 18 digits or capital letters other than I, O, Z, S and V");
		}
		if (candidate.charAt(17) != checkCharacter(candidate)) {
			throw new InvalidInputException(field, "统一社会信用代码校验位（最后一位）错误，请对照营业执照核对",
					"the check character of the unified social credit code is wrong");
		}
		return new CreditCode(candidate);
	}

	/** The check character of the first 17 characters: 31 − (Σ value × weight mod 31), where 31 is 0. */
	static char checkCharacter(String first17) {
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += ALPHABET.indexOf(first17.charAt(i)) * WEIGHTS[i];
		}
		return ALPHABET.charAt((31 - sum % 31) % 31);
	}

	public String value() {
		return value;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof CreditCode code && code.value.equals(value);
	}

	@Override
	public int hashCode() {
		return value.hashCode();
	}

	@Override
	public String toString() {
		return value;
	}
}
