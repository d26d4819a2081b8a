package org.zhengpaopao.proxyrun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;

/**
 * What the applicant's public pages call. Both answers are the same whether the case number is unknown or the
 * second factor is wrong, so that the pages do not tell which case numbers exist.
 */
@RestController
class PublicProxyRunController {

	private final ProxyRuns proxyRuns;

	PublicProxyRunController(ProxyRuns proxyRuns) {
		this.proxyRuns = proxyRuns;
	}

	@PostMapping("/public/api/authorizations")
	@Operation(summary = "申请人在线确认授权 / The applicant confirms the authorization with the one-time code")
	Confirmation confirm(@RequestBody AuthorizationRequest request) {
		return switch (proxyRuns.confirmAuthorization(request.caseNo(), request.code())) {
			case CONFIRMED -> new Confirmation(request.caseNo().strip(), "授权成功，证跑跑将为您代跑证明。");
			case WRONG_CODE, NOT_PENDING -> throw new InvalidInputException("code", "办件编号或验证码不正确，或授权已失效",
					"wrong case number or code, or the authorization is no longer pending");
			case LOCKED -> throw new InvalidInputException("code", "验证码错误次数过多，请到窗口办理授权",
					"too many wrong codes; please authorize at the window");
		};
	}

	@PostMapping("/public/api/track")
	@Operation(summary = "申请人查询代跑进度 / The applicant tracks a proxy-run with case number and phone")
	Progress track(@RequestBody TrackRequest request) {
		return proxyRuns.track(request.caseNo() == null ? "" : request.caseNo().strip(), request.phone())
			.map(Progress::of)
			.orElseThrow(() -> new NotFoundException("未找到与该办件编号和手机号匹配的代跑",
					"no proxy-run matches this case number and phone"));
	}

	record AuthorizationRequest(String caseNo, String code) {
	}

	record Confirmation(String caseNo, String message) {
	}

	record TrackRequest(String caseNo, String phone) {
	}

	/** Progress only: no names, numbers or staff. */
	record Progress(String caseNo, String state, String stateLabel, boolean finished, LocalDate deadline,
			List<ProgressStep> steps) {

		static Progress of(ProxyRun run) {
			return new Progress(run.getCaseNo(), run.getState().name(), run.getState().label(),
					run.getState().isFinished(), run.getDeadline(),
					run.getSteps().stream().map(s -> new ProgressStep(s.getLabel(), s.getAt())).toList());
		}
	}

	record ProgressStep(String label, Instant at) {
	}
}
