package org.zhengpaopao.application;

import java.util.Arrays;
import java.util.regex.Pattern;

import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.system.InvalidInputException;

/**
 * 结果送达方式: how the window's decision (and any licence) reaches the applicant. Online and by post the applicant
 * makes no trip for the result, which is half of 零跑腿 (docs/adr/0040-zero-trip-per-case.md).
 */
public enum ResultDelivery {

	/** the decision, and any electronic licence, through the provincial platform */
	ONLINE("网上送达"),

	/** a paper result mailed, with its postal tracking number (邮件号) */
	POST("邮寄送达"),

	/** the applicant collects it at the window */
	WINDOW("窗口领取");

	public static final int MAX_TRACKING_NUMBER = 32;
	private static final Pattern TRACKING_NUMBER = Pattern.compile("[A-Za-z0-9]{1," + MAX_TRACKING_NUMBER + "}");

	private final String label;

	ResultDelivery(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** What the decision form offers first: online for a case submitted online, else collection at the window. */
	public static ResultDelivery defaultFor(Intake intake) {
		return intake.online() ? ONLINE : WINDOW;
	}

	/** The form's answer, by name; anything else is refused naming {@code field}. */
	public static ResultDelivery parse(String value, String field) {
		return Arrays.stream(values())
			.filter(d -> d.name().equals(value == null ? null : value.strip()))
			.findFirst()
			.orElseThrow(() -> new InvalidInputException(field, "请选择结果送达方式：网上送达、邮寄送达或窗口领取",
					"choose how the result is delivered: ONLINE, POST or WINDOW"));
	}

	/** A postal tracking number as typed: trimmed, letters and digits only, at most 32; null when empty. */
	public static String trackingNumber(String raw, String field) {
		String number = raw == null ? "" : raw.strip();
		if (number.isEmpty()) {
			return null;
		}
		if (!TRACKING_NUMBER.matcher(number).matches()) {
			throw new InvalidInputException(field, "邮件号只能由字母和数字组成，最长" + MAX_TRACKING_NUMBER + "位",
					"a tracking number has letters and digits only, at most " + MAX_TRACKING_NUMBER);
		}
		return number;
	}
}
