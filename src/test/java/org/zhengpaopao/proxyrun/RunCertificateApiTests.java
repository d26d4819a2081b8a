package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Date;
import java.util.HexFormat;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.TestFiles;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.document.Documents;
import org.zhengpaopao.organization.Organization;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The certificate as the issuing clerk attaches it and as those who use it receive it: only the run's issuing clerks
 * attach, and only while 出具证明 is open; a file is judged by its content; copies go to the run's runners, the using
 * window, the issuing clerks and managers, stamped on every page and recorded; the file goes 180 days after the run.
 */
@IntegrationTest
class RunCertificateApiTests {

	static final String CLERK = "clerk-huzhen-mabaoqiao-1";
	static final String WINDOW = "window-ziranziyuan-1";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	Documents documents;

	@Autowired
	RunCertificates certificates;

	@Autowired
	Organization organization;

	@Autowired
	TestRestTemplate http;

	String caseNo;

	@BeforeEach
	void runAwaitingIssue() {
		caseNo = proxyRuns.open(new NewProxyRun("孙八", "330825199003074514", "13905708877", "huzhen", "huzhen-mabaoqiao",
				"ZM-0040", "ziranziyuan", true), WINDOW).getCaseNo();
		TasklistUser.claimAndComplete(engine, "runner-huzhen-1", task("fetchCertificate"), Map.of("fetchNote", "已提交"));
	}

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	String task(String key) {
		return engine.getTaskService()
			.createTaskQuery()
			.processInstanceBusinessKey(caseNo)
			.taskDefinitionKey(key)
			.singleResult()
			.getId();
	}

	ResponseEntity<JsonNode> upload(String user, String filename, byte[] content) {
		HttpHeaders part = new HttpHeaders();
		part.setContentType(MediaType.APPLICATION_PDF);
		var body = new LinkedMultiValueMap<String, Object>();
		body.add("file", new HttpEntity<>(new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return filename;
			}
		}, part));
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.MULTIPART_FORM_DATA);
		return http.withBasicAuth(user, "demo")
			.exchange("/api/proxy-runs/" + caseNo + "/certificate", HttpMethod.POST, new HttpEntity<>(body, headers),
					JsonNode.class);
	}

	ResponseEntity<byte[]> copyAs(String user) {
		return http.withBasicAuth(user, "demo").getForEntity("/api/proxy-runs/" + caseNo + "/certificate", byte[].class);
	}

	JsonNode runAs(String user) {
		return http.withBasicAuth(user, "demo").getForObject("/api/proxy-runs/" + caseNo, JsonNode.class);
	}

	@Test
	void shouldStoreTheClerksFileWithItsChecksumAndShowItOnTheRun() throws Exception {
		byte[] pdf = TestFiles.pdf(2);

		ResponseEntity<JsonNode> attached = upload(CLERK, "证明.pdf", pdf);

		assertThat(attached.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode file = attached.getBody().get("file");
		assertThat(file.get("kind").asText()).isEqualTo("PDF");
		assertThat(file.get("size").asLong()).isEqualTo(pdf.length);
		assertThat(file.get("sha256").asText())
			.isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(pdf)));
		assertThat(file.get("attachedBy").asText()).isEqualTo(CLERK);
		assertThat(attached.getBody().get("attachable").asBoolean()).isTrue();
		assertThat(runAs(WINDOW).at("/certificate/file/filename").asText()).isEqualTo("证明.pdf");
		assertThat(runAs(WINDOW).at("/certificate/attachable").asBoolean()).as("only the issuing clerks").isFalse();
		assertThat(runAs(WINDOW).get("steps").findValuesAsText("step")).contains("certificateAttached");
	}

	@Test
	void shouldRefuseAFileThatIsNotWhatItClaimsAnEmptyOneAndOneTooLarge() {
		byte[] executable = new byte[4096];
		executable[0] = 'M';
		executable[1] = 'Z';
		ResponseEntity<JsonNode> disguised = upload(CLERK, "证明.pdf", executable);
		assertThat(disguised.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(disguised.getBody().get("detail").asText()).contains("PDF、JPEG 或 PNG");

		ResponseEntity<JsonNode> empty = upload(CLERK, "证明.pdf", new byte[0]);
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(empty.getBody().get("detail").asText()).contains("文件是空的");

		byte[] large = new byte[11 * 1024 * 1024];
		System.arraycopy(TestFiles.pdf(1), 0, large, 0, 100);
		ResponseEntity<JsonNode> tooLarge = upload(CLERK, "证明.pdf", large);
		assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(tooLarge.getBody().get("detail").asText()).contains("10 MB");

		assertThat(runAs(CLERK).at("/certificate/file").isNull()).as("nothing stored").isTrue();
		assertThat(documents.ofOwner(caseNo)).isEmpty();
	}

	@Test
	void shouldLetOnlyTheRunsIssuingClerksAttachAndOnlyWhileTheTaskIsOpen() {
		assertThat(upload("runner-huzhen-1", "证明.pdf", TestFiles.pdf(1)).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(upload("clerk-muchen-1", "证明.pdf", TestFiles.pdf(1)).getStatusCode())
			.as("another township's clerks do not see the run").isEqualTo(HttpStatus.NOT_FOUND);

		var licence = http.withBasicAuth(CLERK, "demo")
			.postForEntity("/api/proxy-runs/" + caseNo + "/certificate", Map.of("licenceNumber", "zz3308250099"),
					JsonNode.class);
		assertThat(licence.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(licence.getBody().get("licenceNumber").asText()).isEqualTo("ZZ3308250099");

		TasklistUser.claimAndComplete(engine, CLERK, task("issueCertificate"), Map.of("issueOutcome", "issued"));
		ResponseEntity<JsonNode> late = upload(CLERK, "证明.pdf", TestFiles.pdf(1));
		assertThat(late.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(late.getBody().get("detail").asText()).contains("只有待出具时才能附上证明");
	}

	@Test
	void shouldHandOutStampedCopiesOnlyToThoseWhoUseTheCertificateAndRecordEach() throws IOException {
		upload(CLERK, "证明.pdf", TestFiles.pdf(3));
		Map<String, HttpStatus> expected = Map.of("runner-huzhen-1", HttpStatus.OK, CLERK, HttpStatus.OK, WINDOW,
				HttpStatus.OK, "manager-1", HttpStatus.OK, "runner-muchen-1", HttpStatus.NOT_FOUND, "clerk-muchen-1",
				HttpStatus.NOT_FOUND, "window-minzheng-1", HttpStatus.NOT_FOUND, "taskforce-1", HttpStatus.NOT_FOUND,
				"designer-1", HttpStatus.NOT_FOUND, "admin", HttpStatus.NOT_FOUND);
		expected.forEach((user, status) -> assertThat(copyAs(user).getStatusCode()).as(user).isEqualTo(status));

		assertThat(runAs("manager-1").at("/certificate/downloads").findValuesAsText("downloadedBy"))
			.containsExactlyInAnyOrder("runner-huzhen-1", CLERK, WINDOW, "manager-1");

		ResponseEntity<byte[]> copy = copyAs(WINDOW);
		assertThat(copy.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PDF)).isTrue();
		String stamp = "仅供" + organization.department("ziranziyuan").orElseThrow().getName() + "办理代跑办件" + caseNo
				+ "使用";
		try (PDDocument pdf = Loader.loadPDF(copy.getBody())) {
			assertThat(pdf.getNumberOfPages()).isEqualTo(3);
			for (int page = 1; page <= 3; page++) {
				PDFTextStripper text = new PDFTextStripper();
				text.setStartPage(page);
				text.setEndPage(page);
				String onPage = text.getText(pdf);
				assertThat(onPage).as("page " + page).contains(stamp);
				// a turned page's own text comes out in pieces
				assertThat(onPage.replaceAll("\\s", "")).as("page " + page + " keeps its content").contains("Page" + page);
			}
		}
	}

	@Test
	void shouldStampARunOfACaseWithTheCasesMatter() {
		ProxyRunOpened opened = proxyRuns.openForApplication(new NewProxyRun("孙八", "330825199003074514",
				"13905708877", "huzhen", "huzhen-mabaoqiao", "ZM-0040", "ziranziyuan", true), Intake.WINDOW, 3, "BJ20261207-000001",
				"最低生活保障申请", WINDOW);

		assertThat(certificates.stampFor(proxyRuns.find(opened.caseNo()).orElseThrow()))
			.startsWith("仅供" + organization.department("ziranziyuan").orElseThrow().getName() + "办理最低生活保障申请使用 ");
	}

	@Test
	void shouldDeleteTheFileHalfAYearAfterTheRunEndsAndSayWhen() {
		upload(CLERK, "证明.pdf", TestFiles.pdf(1));
		TasklistUser.claimAndComplete(engine, CLERK, task("issueCertificate"), Map.of("issueOutcome", "issued"));
		TasklistUser.claimAndComplete(engine, "runner-huzhen-1", task("deliverCertificate"),
				Map.of("deliveryConfirmed", true));
		TasklistUser.claimAndComplete(engine, WINDOW, task("signForCertificate"), Map.of("signOutcome", "signed"));
		assertThat(runAs(WINDOW).at("/certificate/file/deleteAfter").isTextual()).as("kept for a while").isTrue();

		ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofDays(179))));
		documents.deleteExpired();
		assertThat(copyAs(WINDOW).getStatusCode()).as("still within 180 days").isEqualTo(HttpStatus.OK);

		ClockUtil.setCurrentTime(Date.from(new Date().toInstant().plus(Duration.ofDays(181))));
		documents.deleteExpired();

		assertThat(copyAs(WINDOW).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		JsonNode run = runAs(WINDOW);
		assertThat(run.at("/certificate/file/deletedAt").isTextual()).as("the deletion is recorded").isTrue();
		assertThat(run.at("/certificate/file/sha256").asText()).as("and the record stays").hasSize(64);
		assertThat(run.at("/certificate/downloadable").asBoolean()).isFalse();
	}
}
