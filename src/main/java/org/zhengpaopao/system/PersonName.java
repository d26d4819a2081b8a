package org.zhengpaopao.system;

/** An applicant's name as a window enters it: present, at most 50 characters, no control characters. */
public final class PersonName {

	private static final int MAX_LENGTH = 50;

	private PersonName() {
	}

	public static String parse(String raw, String field) {
		String name = raw == null ? "" : raw.strip();
		if (name.isEmpty()) {
			throw new InvalidInputException(field, "必填", "is required");
		}
		if (name.codePointCount(0, name.length()) > MAX_LENGTH || name.codePoints().anyMatch(Character::isISOControl)) {
			throw new InvalidInputException(field, "姓名不超过50个字且不含控制字符",
					"at most 50 characters, no control characters");
		}
		return name;
	}
}
