package org.zhengpaopao.personaldata;

import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.system.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class PersonalDataViewController {

	/** a proxy-run's (DP…) or a certificate-free case's (BJ…) number */
	private static final Pattern CASE_NO = Pattern.compile("(DP|BJ)\\d{8}-\\d{6}");

	private final PersonalDataViews views;

	PersonalDataViewController(PersonalDataViews views) {
		this.views = views;
	}

	@GetMapping("/api/personal-data-views/{caseNo}")
	@Operation(summary = "完整身份信息查看记录 / Who saw the applicant's full ID number or phone, and when",
			description = "Managers and admins. Empty for a case nobody looked at in full (or that does not exist).")
	List<ViewItem> of(@PathVariable String caseNo) {
		if (!CASE_NO.matcher(caseNo).matches()) {
			throw new InvalidInputException("caseNo", "办件编号格式不正确（如 DP20261009-000001）",
					"not a case number (like DP20261009-000001)");
		}
		return views.of(caseNo)
			.stream()
			.map(view -> new ViewItem(view.getCaseNo(), view.getViewer(), view.getViewedAt(), view.getShown()))
			.toList();
	}

	record ViewItem(String caseNo, String viewer, Instant viewedAt, PersonalDataView.Shown shown) {
	}
}
