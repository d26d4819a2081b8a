package org.zhengpaopao.assessment;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;

/** The call-back after a bad rating (回访) needs the applicant's phone in full; nothing else here does. */
@RestController
class CallBackController {

	private final Assessment assessment;

	CallBackController(Assessment assessment) {
		this.assessment = assessment;
	}

	@GetMapping("/api/ratings/{caseNo}/applicant-phone")
	@Operation(summary = "回访用的申请人完整手机号（查看将被记录）/ The applicant's full phone for the call-back; recorded",
			description = "Only the group responsible for the rated case, while its call-back is due.")
	Contact phone(@PathVariable String caseNo, Authentication staff) {
		assessment.find(caseNo)
			.filter(rating -> Groups.memberOfAny(staff, rating.getResponsibleGroup()))
			.orElseThrow(() -> new NotFoundException("没有这个评价：" + caseNo, "no rating " + caseNo));
		Rating rating = assessment.revealPhoneForCallBack(caseNo, staff.getName());
		return new Contact(rating.getCaseNo(), rating.getPhone(), "本次查看已记录 / this view has been recorded");
	}

	record Contact(String caseNo, String phone, String notice) {
	}
}
