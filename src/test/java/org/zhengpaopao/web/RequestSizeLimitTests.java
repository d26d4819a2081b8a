package org.zhengpaopao.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * API bodies stay within 64 KB, except the upload of an issued certificate, which may be as large as a document may
 * be (10 MB) plus 64 KB for the form around it, and of a catalog workbook (5 MB, likewise); larger ones are answered
 * 413 with the limit the sender must keep.
 */
class RequestSizeLimitTests {

	static final long MB = 1024 * 1024;

	final RequestSizeLimit filter = new RequestSizeLimit(DataSize.ofKilobytes(64), DataSize.ofMegabytes(10),
			DataSize.ofMegabytes(5));

	@Test
	void shouldLetATenMegabyteCertificateThrough() throws Exception {
		MockHttpServletResponse response = send("/api/proxy-runs/DP20261207001/certificate", 10 * MB + 1000);

		assertThat(response.getStatus()).isEqualTo(200);
		assertThat(send("/api/proxy-runs/DP20261207001/certificate", 65 * 1024, "application/json").getStatus())
			.as("a licence number is a small JSON body").isEqualTo(413);
	}

	@Test
	void shouldRefuseAnElevenMegabyteCertificateWithTheFilesLimit() throws Exception {
		MockHttpServletResponse response = send("/api/proxy-runs/DP20261207001/certificate", 11 * MB);

		assertThat(response.getStatus()).isEqualTo(413);
		assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("文件不能超过 10 MB");
	}

	@Test
	void shouldLetAFiveMegabyteCatalogWorkbookThroughAndNoMore() throws Exception {
		assertThat(send("/api/catalog/imports", 5 * MB + 1000).getStatus()).isEqualTo(200);

		MockHttpServletResponse tooLarge = send("/api/catalog/imports", 6 * MB);
		assertThat(tooLarge.getStatus()).isEqualTo(413);
		assertThat(tooLarge.getContentAsString(StandardCharsets.UTF_8)).contains("文件不能超过 5 MB");
		assertThat(send("/api/catalog/imports", 65 * 1024, "application/json").getStatus())
			.as("only the multipart upload is large").isEqualTo(413);
		assertThat(send("/api/catalog/imports/1/confirmation", 65 * 1024).getStatus()).isEqualTo(413);
	}

	@Test
	void shouldKeepOtherAddressesWithinSixtyFourKilobytes() throws Exception {
		assertThat(send("/api/proxy-runs", 65 * 1024).getStatus()).isEqualTo(413);
		assertThat(send("/api/proxy-runs/DP20261207001/certificate/x", 65 * 1024).getStatus()).isEqualTo(413);
		assertThat(send("/api/proxy-runs/DP20261207001/steps", 65 * 1024).getStatus()).isEqualTo(413);
		assertThat(send("/api/proxy-runs", 60 * 1024).getStatus()).isEqualTo(200);
	}

	@Test
	void shouldStopACertificateWithoutADeclaredLengthOnceItPassesTheLimit() {
		var request = new MockHttpServletRequest("POST", "/api/proxy-runs/DP20261207001/certificate");
		request.setContentType("multipart/form-data; boundary=zpp");
		request.setContent(new byte[(int) (10 * MB + 65 * 1024)]);
		HttpServletRequest undeclared = new jakarta.servlet.http.HttpServletRequestWrapper(request) {
			@Override
			public long getContentLengthLong() {
				return -1;
			}
		};
		var reader = new MockFilterChain(new HttpServlet() {
			@Override
			protected void service(HttpServletRequest req, HttpServletResponse resp) throws java.io.IOException {
				req.getInputStream().readAllBytes();
			}
		});

		assertThatThrownBy(() -> filter.doFilter(undeclared, new MockHttpServletResponse(), reader))
			.isInstanceOf(RequestSizeLimit.TooLargeException.class)
			.hasMessageContaining("文件不能超过 10 MB");
	}

	private MockHttpServletResponse send(String path, long length) throws Exception {
		return send(path, length, "multipart/form-data; boundary=zpp");
	}

	private MockHttpServletResponse send(String path, long length, String contentType) throws Exception {
		var request = new MockHttpServletRequest("POST", path) {
			@Override
			public long getContentLengthLong() {
				return length;
			}
		};
		request.setContentType(contentType);
		var response = new MockHttpServletResponse();
		filter.doFilter(request, response, new MockFilterChain());
		return response;
	}
}
