package org.zhengpaopao.catalog.workbook;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.zhengpaopao.catalog.Disposition;
import org.zhengpaopao.catalog.MatterCategory;
import org.zhengpaopao.catalog.Replacement;

/** The catalog workbook's sheets, columns and the words its cells are written in, for writing and reading alike. */
final class WorkbookLayout {

	static final String MATTERS = "事项";
	static final String ENTRIES = "证明清单";
	static final String HELP = "说明";

	// 「事项」
	static final String CODE = "编码";
	static final String MATTER_NAME = "事项名称";
	static final String CATEGORY = "类别";
	static final String DEPARTMENT_CODE = "用证部门编码";
	static final String DEPARTMENT_NAME = "用证部门";
	static final String ONE_ID = "一证通办";
	static final String ONLINE = "可网办";
	static final String ZERO_TRIP = "零跑腿";

	static final List<String> MATTER_COLUMNS = List.of(CODE, MATTER_NAME, CATEGORY, DEPARTMENT_CODE, DEPARTMENT_NAME,
			ONE_ID, ONLINE, ZERO_TRIP);
	static final List<String> MATTER_READ_ONLY = List.of(MATTER_NAME, CATEGORY, DEPARTMENT_CODE, DEPARTMENT_NAME, ONE_ID);

	// 「证明清单」
	static final String MATTER_CODE = "事项编码";
	static final String CERTIFICATE_CODE = "证明编码";
	static final String CERTIFICATE_NAME = "证明名称";
	static final String DISPOSITION = "处理方式";
	static final String REPLACEMENT = "替代方式";
	static final String DETAIL = "说明";
	static final String LEGAL_BASIS = "法律依据";
	static final String DEADLINE = "代跑时限（工作日）";
	static final String BATCH = "批次";

	static final List<String> ENTRY_COLUMNS = List.of(MATTER_CODE, MATTER_NAME, CERTIFICATE_CODE, CERTIFICATE_NAME,
			DISPOSITION, REPLACEMENT, DETAIL, LEGAL_BASIS, DEADLINE, BATCH);
	static final List<String> ENTRY_READ_ONLY = List.of(MATTER_NAME, CERTIFICATE_NAME, BATCH);

	static final String YES = "是";
	static final String NO = "否";

	private WorkbookLayout() {
	}

	static String yesNo(boolean value) {
		return value ? YES : NO;
	}

	static Optional<Boolean> yesNo(String text) {
		return switch (text.strip().toLowerCase(Locale.ROOT)) {
			case YES, "y", "yes", "true", "1", "√", "✓" -> Optional.of(true);
			case NO, "n", "no", "false", "0", "×", "✗" -> Optional.of(false);
			default -> Optional.empty();
		};
	}

	static String label(Replacement replacement) {
		return replacement == null ? "" : switch (replacement) {
			case LICENCE -> "证照";
			case COMMITMENT -> "告知承诺";
		};
	}

	static String label(MatterCategory category) {
		return switch (category) {
			case LIVELIHOOD -> "民生";
			case ENTERPRISE -> "涉企";
		};
	}

	static String[] dispositionLabels() {
		return Arrays.stream(Disposition.values()).map(Disposition::label).toArray(String[]::new);
	}

	static String[] replacementLabels() {
		return Arrays.stream(Replacement.values()).map(WorkbookLayout::label).toArray(String[]::new);
	}

	/** 砍掉 (also 取消), 共享, 替代, 代跑, or the enum's own name. */
	static Optional<Disposition> disposition(String text) {
		String value = text.strip();
		if (value.equals("取消")) {
			return Optional.of(Disposition.CANCELLED);
		}
		return Arrays.stream(Disposition.values())
			.filter(d -> d.label().equals(value) || d.name().equalsIgnoreCase(value))
			.findFirst();
	}

	/** 证照 or 告知承诺 (also 告知承诺制, 承诺), or the enum's own name. */
	static Optional<Replacement> replacement(String text) {
		String value = text.strip();
		if (value.equals("告知承诺制") || value.equals("承诺")) {
			return Optional.of(Replacement.COMMITMENT);
		}
		return Arrays.stream(Replacement.values())
			.filter(r -> label(r).equals(value) || r.name().equalsIgnoreCase(value))
			.findFirst();
	}
}
