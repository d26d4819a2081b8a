package org.zhengpaopao.system;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class PersonalDataViewController {

	private final PersonalDataViews views;

	PersonalDataViewController(PersonalDataViews views) {
		this.views = views;
	}

	@GetMapping("/api/personal-data-views/{caseNo}")
	@Operation(summary = "完整身份信息查看记录 / Who saw the applicant's full ID number or phone, and when",
			description = "Managers and admins. Empty for a case nobody looked at in full (or that does not exist).")
	List<ViewItem> of(@PathVariable String caseNo) {
		return views.of(caseNo)
			.stream()
			.map(view -> new ViewItem(view.getCaseNo(), view.getViewer(), view.getViewedAt(), view.getShown()))
			.toList();
	}

	record ViewItem(String caseNo, String viewer, Instant viewedAt, PersonalDataView.Shown shown) {
	}
}
