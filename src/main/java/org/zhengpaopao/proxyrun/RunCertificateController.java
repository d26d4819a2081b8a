package org.zhengpaopao.proxyrun;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhengpaopao.document.Download;
import org.zhengpaopao.document.StoredDocument;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

import io.swagger.v3.oas.annotations.Operation;

/** The run's certificate: attached by the issuing clerk, handed out as stamped copies to those who use it. */
@RestController
class RunCertificateController {

	private final ProxyRuns proxyRuns;
	private final RunCertificates certificates;

	RunCertificateController(ProxyRuns proxyRuns, RunCertificates certificates) {
		this.proxyRuns = proxyRuns;
		this.certificates = certificates;
	}

	@PostMapping(path = "/api/proxy-runs/{caseNo}/certificate", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "上传出具的证明文件 / Attach the issued certificate as a file",
			description = "Only the issuing clerks of the run, while its 出具证明 (issueCertificate) task is open. Multipart "
					+ "field `file`: PDF, JPEG or PNG, judged by the content, at most 10 MB. A second file replaces "
					+ "the first; both stay recorded.")
	ResponseEntity<CertificateView> attachFile(@PathVariable String caseNo, @RequestPart(name = "file", required = false) MultipartFile file,
			Authentication staff) throws IOException {
		ProxyRun run = issuingClerksRun(caseNo, staff);
		if (file == null) {
			throw new InvalidInputException("file", "请选择要上传的证明文件", "the multipart field file is required");
		}
		certificates.attachFile(run.getCaseNo(), file.getOriginalFilename(), file.getBytes(), staff.getName());
		return ResponseEntity.created(URI.create("/api/proxy-runs/" + run.getCaseNo() + "/certificate"))
			.body(view(caseNo, staff));
	}

	@PostMapping(path = "/api/proxy-runs/{caseNo}/certificate", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "登记电子证照编号 / Record the electronic licence number",
			description = "Only the issuing clerks of the run, while its 出具证明 task is open: {\"licenceNumber\": …}, 4 to "
					+ "64 letters, digits or - _ . /.")
	CertificateView recordLicence(@PathVariable String caseNo, @RequestBody LicenceRequest request,
			Authentication staff) {
		ProxyRun run = issuingClerksRun(caseNo, staff);
		certificates.recordLicence(run.getCaseNo(), request.licenceNumber(), staff.getName());
		return view(caseNo, staff);
	}

	@GetMapping("/api/proxy-runs/{caseNo}/certificate")
	@Operation(summary = "证明文件加注用途的副本（下载将被记录）/ A stamped copy of the certificate file; each copy is recorded",
			description = "For the run's runner group, the using department's window, the issuing clerks and managers; "
					+ "to anybody else the certificate does not exist. Every page carries "
					+ "「仅供{用证部门}办理{事项或代跑编号}使用 {日期}」; images come wrapped in a PDF.")
	ResponseEntity<byte[]> stampedCopy(@PathVariable String caseNo, Authentication staff) {
		ProxyRun run = proxyRuns.find(caseNo)
			.filter(found -> mayDownload(found, staff))
			.orElseThrow(() -> new NotFoundException("没有这个代跑办件的证明文件：" + caseNo, "no certificate for " + caseNo));
		byte[] pdf = certificates.stampedCopy(run.getCaseNo(), staff.getName());
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
				.filename(run.getCaseNo() + "-证明.pdf", StandardCharsets.UTF_8)
				.build()
				.toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(pdf);
	}

	/** The run, for its issuing clerks; those who merely see the run are told why not, others learn nothing. */
	private ProxyRun issuingClerksRun(String caseNo, Authentication staff) {
		ProxyRun run = proxyRuns.find(caseNo)
			.filter(found -> ProxyRunController.involves(found, staff))
			.orElseThrow(() -> new NotFoundException("没有这个代跑办件：" + caseNo, "no proxy-run " + caseNo));
		if (!Groups.memberOfAny(staff, Groups.issuingClerks(run.getIssuerCode()))) {
			throw new AccessDeniedException("只有出证经办人可以附上证明 / only the issuing clerks attach the certificate");
		}
		return run;
	}

	static boolean mayDownload(ProxyRun run, Authentication staff) {
		return Groups.memberOfAny(staff, Groups.MANAGERS, run.getRunnerGroup(), Groups.window(run.getUsingDepartmentCode()),
				Groups.issuingClerks(run.getIssuerCode()));
	}

	static boolean mayAttach(ProxyRun run, Authentication staff) {
		return run.getState() == ProxyRunState.AWAITING_ISSUE
				&& Groups.memberOfAny(staff, Groups.issuingClerks(run.getIssuerCode()));
	}

	private CertificateView view(String caseNo, Authentication staff) {
		ProxyRun run = proxyRuns.find(caseNo).orElseThrow();
		return CertificateView.of(run, certificates, staff);
	}

	record LicenceRequest(String licenceNumber) {
	}

	/**
	 * What the run's certificate travels as, and every copy handed out. {@code downloadable}: this user may have a
	 * stamped copy now; {@code attachable}: this user may attach one now.
	 */
	record CertificateView(String licenceNumber, boolean paperOriginal, FileView file, boolean attachable,
			boolean downloadable, List<DownloadView> downloads) {

		static CertificateView of(ProxyRun run, RunCertificates certificates, Authentication staff) {
			FileView file = certificates.file(run).map(document -> FileView.of(document, certificates)).orElse(null);
			return new CertificateView(run.getLicenceNumber(), run.isPaperOriginal(), file, mayAttach(run, staff),
					file != null && file.deletedAt() == null && mayDownload(run, staff),
					certificates.downloads(run.getCaseNo())
						.stream()
						.map(download -> DownloadView.of(download, certificates))
						.toList());
		}
	}

	record FileView(String kind, String kindLabel, String filename, long size, String sha256, String attachedBy,
			String attachedByName, Instant attachedAt, Instant deleteAfter, Instant deletedAt) {

		static FileView of(StoredDocument document, RunCertificates certificates) {
			return new FileView(document.kind().name(), document.kind().label(), document.filename(), document.size(),
					document.sha256(), document.storedBy(), certificates.staffName(document.storedBy()),
					document.storedAt(), document.deleteAfter(), document.deletedAt());
		}
	}

	record DownloadView(String downloadedBy, String downloadedByName, Instant at) {

		static DownloadView of(Download download, RunCertificates certificates) {
			return new DownloadView(download.downloadedBy(), certificates.staffName(download.downloadedBy()),
					download.at());
		}
	}
}
