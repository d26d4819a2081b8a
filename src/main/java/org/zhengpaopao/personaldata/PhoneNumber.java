package org.zhengpaopao.personaldata;

import java.util.regex.Pattern;

import org.zhengpaopao.system.InvalidInputException;

/** Mainland mobile numbers, masked for display. */
public final class PhoneNumber {

	private static final Pattern MOBILE = Pattern.compile("1[3-9]\\d{9}");

	private PhoneNumber() {
	}

	public static String parse(String raw, String field) {
		String candidate = raw == null ? "" : raw.strip();
		if (!MOBILE.matcher(candidate).matches()) {
			throw new InvalidInputException(field, "手机号码应为11位大陆手机号", "a phone number is an 11-digit mainland mobile number");
		}
		return candidate;
	}

	public static String mask(String phone) {
		if (phone == null || phone.length() != 11) {
			return "***********";
		}
		return phone.substring(0, 3) + "****" + phone.substring(7);
	}
}
