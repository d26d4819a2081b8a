package org.zhengpaopao.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The signature as docs/platform.md's worked example shows it, so that the platform's developers can trust it. */
class PlatformSignatureTests {

	static final String BODY = "{\"kind\":\"PROXY_RUN\",\"platformApplicationId\":\"ZJ2026120800001\",\"applicantName\":\"张三\","
			+ "\"idNumber\":\"330825198503121239\",\"phone\":\"13905701234\",\"townshipCode\":\"huzhen\","
			+ "\"villageCode\":\"huzhen-xiaku\",\"certificateCode\":\"ZM-0040\",\"usingDepartmentCode\":\"ziranziyuan\"}";

	@Test
	void shouldSignTheDocumentsWorkedExampleAsTheDocumentSays() throws IOException {
		String page = Files.readString(Path.of("docs/platform.md"));
		String signature = PlatformSignature.sign("demo-platform-secret", "POST", "/api/platform/applications",
				"1796688000000", "n0nce-20261208-0001", BODY.getBytes(StandardCharsets.UTF_8));

		assertThat(page).contains(BODY).contains("`" + signature + "`");
		assertThat(PlatformSignature.matches("demo-platform-secret", "post", "/api/platform/applications",
				"1796688000000", "n0nce-20261208-0001", BODY.getBytes(StandardCharsets.UTF_8), signature)).isTrue();
	}

	@Test
	void shouldRefuseAnyChangeOfWhatIsSigned() {
		byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
		String signature = PlatformSignature.sign("s3cret", "POST", "/api/platform/applications", "1", "nonce-123", body);

		assertThat(PlatformSignature.matches("other", "POST", "/api/platform/applications", "1", "nonce-123", body,
				signature)).isFalse();
		assertThat(PlatformSignature.matches("s3cret", "POST", "/api/platform/applications", "2", "nonce-123", body,
				signature)).isFalse();
		assertThat(PlatformSignature.matches("s3cret", "POST", "/api/platform/applications", "1", "nonce-124", body,
				signature)).isFalse();
		assertThat(PlatformSignature.matches("s3cret", "GET", "/api/platform/applications", "1", "nonce-123", body,
				signature)).isFalse();
		assertThat(PlatformSignature.matches("s3cret", "POST", "/api/platform/applications", "1", "nonce-123",
				(BODY + " ").getBytes(StandardCharsets.UTF_8), signature)).isFalse();
		assertThat(PlatformSignature.matches("s3cret", "POST", "/api/platform/applications", "1", "nonce-123", body,
				null)).isFalse();
	}
}
