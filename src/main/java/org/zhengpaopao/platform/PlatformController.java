package org.zhengpaopao.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The provincial service platform's API (docs/platform.md). Every request is signed; {@link PlatformSignatureFilter}
 * has checked it before a method here runs.
 */
@RestController
@Tag(name = "省政务服务平台 / Provincial service platform",
		description = "Signed requests only: X-Platform-AppKey, X-Platform-Timestamp (epoch ms), X-Platform-Nonce, "
				+ "X-Platform-Signature = Base64(HMAC-SHA256(secret, METHOD\\nPATH\\nTIMESTAMP\\nNONCE\\nhex(SHA-256(body))))."
				+ " Staff accounts are refused (403). See docs/platform.md.")
class PlatformController {

	private final PlatformApplications applications;

	PlatformController(PlatformApplications applications) {
		this.applications = applications;
	}

	@PostMapping("/api/platform/applications")
	@Operation(summary = "平台转来的网上申请 / An online application forwarded by the platform",
			description = "kind APPLICATION (办件: matterCode, optional requiredCertificates and commitments; the matter "
					+ "must be 可网办) or PROXY_RUN (单独代跑: certificateCode, usingDepartmentCode; the using department "
					+ "must handle a matter online). A person gives idNumber, a company creditCode and contactName; phone, "
					+ "townshipCode, villageCode; platformApplicationId (the platform's id, at most 64 characters). "
					+ "Authorized by the real-name check and the applicant's own submission: no window signature, no "
					+ "text-message code. 201 with the case and a Location to its status; the same platformApplicationId "
					+ "with the same content again: 200 and the same case; with other content: 409.")
	ResponseEntity<PlatformApplications.Status> apply(@RequestBody PlatformApplicationRequest request) {
		PlatformApplications.Received received;
		try {
			received = applications.take(request);
		}
		catch (DataIntegrityViolationException raced) {
			// the same platform id sent twice at the same moment: the other request stored the case
			received = applications.take(request);
		}
		PlatformApplications.Status status = received.status();
		return received.created()
				? ResponseEntity.created(URI.create(PlatformApplications.BASE_PATH + status.platformApplicationId()))
					.body(status)
				: ResponseEntity.status(HttpStatus.OK).body(status);
	}

	@GetMapping("/api/platform/applications/{platformApplicationId}")
	@Operation(summary = "网上申请的当前状态 / The current status of an online application",
			description = "What the callbacks told, for a platform that missed one: status, statusName, the decision "
					+ "and its reason, a delivered run's licence number and the address of its stamped copy.")
	PlatformApplications.Status status(@PathVariable String platformApplicationId) {
		return applications.status(platformApplicationId);
	}

	@GetMapping("/api/platform/applications/{platformApplicationId}/certificate")
	@Operation(summary = "已送达证明的加注用途副本（下载将被记录）/ The delivered certificate, stamped with its use",
			description = "For a delivered stand-alone proxy-run with a certificate file: the PDF the using department "
					+ "receives, every page stamped 「仅供{用证部门}办理…使用 {日期}」, recorded as a download by "
					+ "platform. Otherwise 404; a file deleted after its retention 409.")
	ResponseEntity<byte[]> certificate(@PathVariable String platformApplicationId) {
		String caseNo = applications.caseNo(platformApplicationId);
		byte[] pdf = applications.certificateCopy(platformApplicationId);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(caseNo + "-证明.pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}
}
