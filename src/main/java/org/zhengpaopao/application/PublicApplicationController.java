package org.zhengpaopao.application;

import java.time.Instant;
import java.util.List;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.publicguard.PublicAttempts;
import org.zhengpaopao.publicguard.TypedIdentifier;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The applicant tracks a certificate-free application (办件, numbers starting BJ) on the same page and under the same
 * guard as a proxy-run: case number and the phone the case was taken with, identical answers for an unknown number
 * and a wrong phone, attempts counted per number and address.
 */
@RestController
class PublicApplicationController {

	private final Applications applications;
	private final PublicAttempts attempts;

	PublicApplicationController(Applications applications, PublicAttempts attempts) {
		this.applications = applications;
		this.attempts = attempts;
	}

	@PostMapping("/public/api/applications/track")
	@Operation(summary = "申请人查询办件进度 / The applicant tracks an application with case number and phone")
	Progress track(@RequestBody TrackRequest request, HttpServletRequest http) {
		var attempt = attempts.begin(request.caseNo(), http.getRemoteAddr());
		String phone = TypedIdentifier.normalize(request.phone());
		Progress progress = applications.find(attempt.caseNumber())
			.filter(a -> a.getPhone().equals(phone))
			.map(Progress::of)
			.orElseThrow(() -> new NotFoundException("未找到与该办件编号和手机号匹配的办件",
					"no application matches this case number and phone"));
		attempt.succeeded();
		return progress;
	}

	record TrackRequest(String caseNo, String phone) {
	}

	/**
	 * Progress only: no names, numbers or staff. The tracking number is the applicant's own parcel, which they need to
	 * follow it; it says nothing about anyone else.
	 */
	record Progress(String caseNo, String matterName, String state, String stateLabel, boolean finished,
			Instant decidedAt, String resultDeliveryLabel, String postalTrackingNumber,
			List<CertificateProgress> certificates) {

		static Progress of(Application a) {
			return new Progress(a.getCaseNo(), a.getMatterName(), a.getState().name(), a.getState().label(),
					a.getDecidedAt() != null, a.getDecidedAt(),
					a.getResultDelivery() == null ? null : a.getResultDelivery().label(), a.getPostalTrackingNumber(),
					a.getCertificates().stream()
						.map(c -> new CertificateProgress(c.getCertificateName(), c.getHandling().label(),
								c.getStatus().label()))
						.toList());
		}
	}

	record CertificateProgress(String certificateName, String handling, String status) {
	}
}
