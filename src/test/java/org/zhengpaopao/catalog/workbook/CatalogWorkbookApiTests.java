package org.zhengpaopao.catalog.workbook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The workbook's addresses over HTTP: who may download and import, files that are no workbook or too large, the
 * confirmation's answers.
 */
@IntegrationTest
class CatalogWorkbookApiTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	@Autowired
	TestRestTemplate http;

	@Test
	void shouldLetEveryMemberOfStaffDownloadTheWorkbook() {
		ResponseEntity<byte[]> export = http.withBasicAuth("runner-huzhen-1", "demo")
			.getForEntity("/api/catalog/export.xlsx", byte[].class);
		assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(export.getHeaders().getContentType().toString()).startsWith(XLSX);
		assertThat(export.getHeaders().getContentDisposition().getFilename()).startsWith("证明清单-").endsWith(".xlsx");
		assertThat(export.getBody()).startsWith(new byte[] { 'P', 'K' });
		assertThat(http.getForEntity("/api/catalog/export.xlsx", String.class).getStatusCode())
			.isEqualTo(HttpStatus.UNAUTHORIZED);
	}

	@Test
	void shouldPreviewAnImportForCatalogMaintainersOnly() {
		byte[] export = export();
		ResponseEntity<JsonNode> preview = upload("catalog-1", "清单.xlsx", export);
		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(preview.getBody().at("/counts/refused").asInt()).isZero();
		assertThat(preview.getBody().at("/counts/unchanged").asInt()).isPositive();
		assertThat(preview.getBody().at("/status").asText()).isEqualTo("PREVIEWED");
		assertThat(preview.getBody().at("/importedBy").asText()).isEqualTo("catalog-1");

		assertThat(upload("window-minzheng-1", "清单.xlsx", export).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(upload("manager-1", "清单.xlsx", export).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	@Test
	void shouldRefuseAFileThatIsNotAWorkbookWhateverItsName() {
		ResponseEntity<JsonNode> pdf = upload("catalog-1", "清单.xlsx", "%PDF-1.7\n%âãÏÓ\n".getBytes());
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(pdf.getBody().get("detail").asText()).contains("不是可读取的 .xlsx 工作簿");
		// a zip, but no workbook
		ResponseEntity<JsonNode> zip = upload("catalog-1", "清单.xlsx",
				new byte[] { 'P', 'K', 5, 6, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		ResponseEntity<JsonNode> empty = upload("catalog-1", "清单.xlsx", new byte[0]);
		assertThat(empty.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void shouldRefuseAWorkbookOverFiveMegabytes() {
		byte[] large = new byte[6 * 1024 * 1024];
		System.arraycopy(export(), 0, large, 0, 100);
		ResponseEntity<JsonNode> tooLarge = upload("catalog-1", "清单.xlsx", large);
		assertThat(tooLarge.getStatusCode()).isEqualTo(HttpStatus.PAYLOAD_TOO_LARGE);
		assertThat(tooLarge.getBody().get("detail").asText()).contains("5 MB");
	}

	@Test
	void shouldConfirmOnlyOnceAndOnlyWhenTheImporterSaysWhatToDoWithRefusedRows() {
		byte[] edited = WorkbookEdits.edit(export(), e -> {
			e.set(WorkbookEdits.ENTRIES, e.entryRow("SX-001", "ZM-0002"), WorkbookLayout.DETAIL, "接口测试说明");
			e.set(WorkbookEdits.ENTRIES, e.entryRow("SX-001", "ZM-0042"), WorkbookLayout.DEADLINE, null);
		});
		long id = upload("catalog-1", "接口.xlsx", edited).getBody().get("id").asLong();

		ResponseEntity<JsonNode> unsaid = confirm("catalog-1", id, Map.of());
		assertThat(unsaid.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unsaid.getBody().get("detail").asText()).contains("1 行被拒绝");
		assertThat(confirm("catalog-1", id, Map.of("withRefusedRows", "maybe")).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(confirm("window-minzheng-1", id, Map.of("withRefusedRows", "skip")).getStatusCode())
			.isEqualTo(HttpStatus.FORBIDDEN);

		ResponseEntity<JsonNode> confirmed = confirm("catalog-1", id, Map.of("withRefusedRows", "skip"));
		assertThat(confirmed.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(confirmed.getBody().get("status").asText()).isEqualTo("CONFIRMED");
		assertThat(confirmed.getBody().get("proposalNumber").asText()).startsWith("TZ");

		assertThat(confirm("catalog-1", id, Map.of("withRefusedRows", "skip")).getStatusCode())
			.isEqualTo(HttpStatus.CONFLICT);
		assertThat(drop("admin", id).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void shouldDropAnImportForGood() {
		long id = upload("catalog-1", "放弃.xlsx", export()).getBody().get("id").asLong();
		assertThat(drop("catalog-1", id).getBody().get("status").asText()).isEqualTo("DROPPED");
		assertThat(confirm("catalog-1", id, Map.of()).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(drop("catalog-1", 999_999_999L).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	byte[] export() {
		return http.withBasicAuth("catalog-1", "demo").getForObject("/api/catalog/export.xlsx", byte[].class);
	}

	ResponseEntity<JsonNode> upload(String user, String filename, byte[] content) {
		HttpHeaders part = new HttpHeaders();
		part.setContentType(MediaType.parseMediaType(XLSX));
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
			.exchange("/api/catalog/imports", HttpMethod.POST, new HttpEntity<>(body, headers), JsonNode.class);
	}

	ResponseEntity<JsonNode> confirm(String user, long id, Map<String, Object> body) {
		return http.withBasicAuth(user, "demo")
			.exchange("/api/catalog/imports/" + id + "/confirmation", HttpMethod.POST, new HttpEntity<>(body),
					JsonNode.class);
	}

	ResponseEntity<JsonNode> drop(String user, long id) {
		return http.withBasicAuth(user, "demo")
			.exchange("/api/catalog/imports/" + id, HttpMethod.DELETE, null, JsonNode.class);
	}
}
