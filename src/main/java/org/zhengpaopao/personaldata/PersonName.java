package org.zhengpaopao.personaldata;

import org.zhengpaopao.system.Text;

/** An applicant's name as a window enters it: present, one line, at most 50 characters. */
public final class PersonName {

	/** Fits zpp_application.applicant_name (64) and zpp_proxy_run.applicant_name (200) on H2 and MySQL. */
	static final int MAX_LENGTH = 50;

	private PersonName() {
	}

	public static String parse(String raw, String field) {
		return Text.required(raw, field, MAX_LENGTH, false, "必填", "is required");
	}
}
