package org.zhengpaopao.proxyrun;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.publicguard.PublicAttempts;
import org.zhengpaopao.publicguard.TypedIdentifier;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What the applicant's public pages call. Every answer is the same whether the case number is unknown, the second
 * factor is wrong or the run's own code is used up, so that the pages do not tell which case numbers exist; too many
 * attempts on a number or from an address answer 429 alike (see {@link PublicAttempts}). Numbers and codes are read
 * in their one spelling ({@link TypedIdentifier}), the case number as the attempt counted it.
 */
@RestController
class PublicProxyRunController {

	private final ProxyRuns proxyRuns;
	private final ProxyRunAuthorizations authorizations;
	private final PublicAttempts attempts;

	PublicProxyRunController(ProxyRuns proxyRuns, ProxyRunAuthorizations authorizations, PublicAttempts attempts) {
		this.proxyRuns = proxyRuns;
		this.authorizations = authorizations;
		this.attempts = attempts;
	}

	@PostMapping("/public/api/authorizations")
	@Operation(summary = "申请人在线确认授权 / The applicant confirms the authorization with the one-time code")
	Confirmation confirm(@RequestBody AuthorizationRequest request, HttpServletRequest http) {
		var attempt = attempts.begin(request.caseNo(), http.getRemoteAddr());
		return switch (authorizations.confirmAuthorization(attempt.caseNumber(), TypedIdentifier.normalize(request.code()))) {
			case CONFIRMED -> {
				attempt.succeeded();
				yield new Confirmation(attempt.caseNumber(), "授权成功，证跑跑将为您代跑证明。");
			}
			// a run whose code is used up (LOCKED) answers like an unknown number; the page says to go to the window
			case WRONG_CODE, NOT_PENDING, LOCKED -> throw new InvalidInputException("code",
					"办件编号或验证码不正确，或授权已失效", "wrong case number or code, or the authorization is no longer pending");
		};
	}

	@PostMapping("/public/api/track")
	@Operation(summary = "申请人查询代跑进度 / The applicant tracks a proxy-run with case number and phone")
	Progress track(@RequestBody TrackRequest request, HttpServletRequest http) {
		var attempt = attempts.begin(request.caseNo(), http.getRemoteAddr());
		Progress progress = proxyRuns.track(attempt.caseNumber(), TypedIdentifier.normalize(request.phone()))
			.map(Progress::of)
			.orElseThrow(() -> new NotFoundException("未找到与该办件编号和手机号匹配的代跑",
					"no proxy-run matches this case number and phone"));
		attempt.succeeded();
		return progress;
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
