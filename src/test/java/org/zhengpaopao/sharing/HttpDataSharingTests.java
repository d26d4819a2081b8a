package org.zhengpaopao.sharing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.zhengpaopao.sharing.DataSharing.Result;
import org.zhengpaopao.sharing.DataSharing.VerificationRequest;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;

/** The adapter to the provincial data platform against a stand-in platform on a local port. */
class HttpDataSharingTests {

	static final VerificationRequest REQUEST = new VerificationRequest("330825198001011232", "ZM-0002",
			"省公共数据平台·户籍人口库");

	WireMockServer platform;
	HttpDataSharing adapter;

	@BeforeEach
	void start() {
		platform = new WireMockServer(options().dynamicPort());
		platform.start();
		adapter = new HttpDataSharing(platform.baseUrl() + "/api", "token-123", Duration.ofMillis(500));
	}

	@AfterEach
	void stop() {
		platform.stop();
	}

	@Test
	void shouldAskThePlatformWithTheApplicantTheCertificateAndTheSource() {
		platform.stubFor(post("/api/verifications")
			.willReturn(okJson("{\"result\":\"VERIFIED\",\"detail\":\"户籍信息有效\"}")));

		var answer = adapter.verify(REQUEST);

		assertThat(answer.verified()).isTrue();
		assertThat(answer.detail()).isEqualTo("户籍信息有效");
		platform.verify(postRequestedFor(urlEqualTo("/api/verifications"))
			.withHeader("Authorization", equalTo("Bearer token-123"))
			.withRequestBody(equalToJson("{\"idNumber\":\"330825198001011232\",\"certificateCode\":\"ZM-0002\","
					+ "\"source\":\"省公共数据平台·户籍人口库\"}")));
	}

	@Test
	void shouldAskAboutACompanyByItsCreditCodeAndNoIdNumber() {
		platform.stubFor(post("/api/verifications").willReturn(okJson("{\"result\":\"VERIFIED\"}")));

		adapter.verify(new VerificationRequest(null, "91330825MA2DB1234W", "ZM-0030", "省公共数据平台·法人库"));

		platform.verify(postRequestedFor(urlEqualTo("/api/verifications"))
			.withRequestBody(equalToJson("{\"creditCode\":\"91330825MA2DB1234W\",\"certificateCode\":\"ZM-0030\","
					+ "\"source\":\"省公共数据平台·法人库\"}")));
	}

	@Test
	void shouldReportMissingAndInvalidRecordsAsAnswersNotFailures() {
		platform.stubFor(post("/api/verifications").willReturn(okJson("{\"result\":\"NOT_FOUND\"}")));
		assertThat(adapter.verify(REQUEST).result()).isEqualTo(Result.NOT_FOUND);

		platform.stubFor(post("/api/verifications")
			.willReturn(okJson("{\"result\":\"INVALID\",\"detail\":\"证照已注销\"}")));
		assertThat(adapter.verify(REQUEST)).extracting(DataSharing.Verification::result, DataSharing.Verification::detail)
			.containsExactly(Result.INVALID, "证照已注销");
	}

	@Test
	void shouldTreatServerErrorsTimeoutsAndDroppedConnectionsAsAnOutage() {
		platform.stubFor(post("/api/verifications").willReturn(aResponse().withStatus(503)));
		assertThatThrownBy(() -> adapter.verify(REQUEST)).isInstanceOf(DataSharingUnavailableException.class)
			.hasMessageContaining("503");

		platform.stubFor(post("/api/verifications")
			.willReturn(okJson("{\"result\":\"VERIFIED\"}").withFixedDelay(2_000)));
		assertThatThrownBy(() -> adapter.verify(REQUEST)).isInstanceOf(DataSharingUnavailableException.class);

		platform.stubFor(post("/api/verifications").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		assertThatThrownBy(() -> adapter.verify(REQUEST)).isInstanceOf(DataSharingUnavailableException.class);

		platform.stop();
		assertThatThrownBy(() -> adapter.verify(REQUEST)).isInstanceOf(DataSharingUnavailableException.class)
			.hasMessageContaining("无法连接");
	}

	@Test
	void shouldNotMistakeARefusedRequestForAnOutage() {
		platform.stubFor(post("/api/verifications").willReturn(aResponse().withStatus(400)));

		assertThatThrownBy(() -> adapter.verify(REQUEST)).isInstanceOf(IllegalStateException.class)
			.isNotInstanceOf(DataSharingUnavailableException.class)
			.hasMessageContaining("400");
	}
}
