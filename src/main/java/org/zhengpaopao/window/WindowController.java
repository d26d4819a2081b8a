package org.zhengpaopao.window;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

/** What the window's pages read; cases are taken through {@code POST /api/applications} and {@code /api/proxy-runs}. */
@RestController
@RequestMapping("/api/window")
class WindowController {

	private final WindowDesk desk;
	private final CasePlans plans;
	private final Receipts receipts;

	WindowController(WindowDesk desk, CasePlans plans, Receipts receipts) {
		this.desk = desk;
		this.plans = plans;
		this.receipts = receipts;
	}

	@GetMapping("/desk")
	@Operation(summary = "窗口今日工作 / The clerk's windows, the cases they took today and those waiting for a decision")
	WindowDesk.Desk desk(Authentication clerk) {
		return desk.of(clerk);
	}

	@GetMapping("/plans/matters/{matterCode}")
	@Operation(summary = "事项办理预览 / Every certificate a matter used to require, what happens to it now, and by when")
	CasePlans.MatterPlan matterPlan(@PathVariable String matterCode) {
		return plans.forMatter(matterCode);
	}

	@GetMapping("/plans/certificates/{certificateCode}")
	@Operation(summary = "代跑预览 / Who issues a proxy-run certificate and by when a runner delivers it")
	CasePlans.RunPlan runPlan(@PathVariable String certificateCode) {
		return plans.forCertificate(certificateCode);
	}

	@GetMapping("/receipts/{caseNo}")
	@Operation(summary = "受理回执 / The receipt for a case the clerk's window took, with the tracking page's QR code")
	Receipts.Receipt receipt(@PathVariable String caseNo, Authentication clerk) {
		return receipts.of(caseNo, clerk);
	}
}
