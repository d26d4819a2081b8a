package org.zhengpaopao.sharing;

import java.time.Duration;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;

/**
 * The adapter to the provincial platform's verification endpoint: {@code POST <endpoint>/verifications} with the
 * applicant's ID number (a company's credit code), the certificate code and the source the catalog names, answered by
 * {@code {"result": "VERIFIED|NOT_FOUND|INVALID", "detail": "…"}}. A 5xx, a timeout or a refused connection means
 * the platform is down; a 4xx means we sent something wrong, which no retry will mend but an engineer must see.
 */
class HttpDataSharing implements DataSharing {

	private final RestClient client;

	HttpDataSharing(String endpoint, String token, Duration timeout) {
		this.client = RestClient.builder()
			.baseUrl(endpoint)
			.requestFactory(requestFactory(timeout))
			.defaultHeaders(headers -> {
				if (token != null && !token.isBlank()) {
					headers.setBearerAuth(token);
				}
			})
			.build();
	}

	private static ClientHttpRequestFactory requestFactory(Duration timeout) {
		var factory = new SimpleClientHttpRequestFactory();
		factory.setConnectTimeout(timeout);
		factory.setReadTimeout(timeout);
		return factory;
	}

	@Override
	public Verification verify(VerificationRequest request) {
		try {
			Answer answer = client.post()
				.uri("/verifications")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.APPLICATION_JSON)
				.body(request)
				.retrieve()
				.onStatus(HttpStatusCode::is5xxServerError, (req, response) -> {
					throw new DataSharingUnavailableException(
							"数据共享平台暂不可用 / data platform answered " + response.getStatusCode().value(), null);
				})
				.body(Answer.class);
			if (answer == null || answer.result() == null) {
				throw new DataSharingUnavailableException("数据共享平台返回空结果 / empty answer", null);
			}
			return new Verification(answer.result(), answer.detail() == null ? "" : answer.detail());
		}
		catch (RestClientResponseException e) {
			// the status only: the platform's answer may quote the request's ID number, and this message ends up in
			// the job's stack trace in the engine's tables
			throw new IllegalStateException("数据共享平台拒绝了请求 / the platform refused the request: "
					+ e.getStatusCode().value());
		}
		catch (ResourceAccessException e) {
			throw new DataSharingUnavailableException("数据共享平台无法连接 / data platform unreachable", e);
		}
		catch (RestClientException e) {
			// a connection dropped mid-answer, or an answer that is not ours: the platform is not working
			throw new DataSharingUnavailableException("数据共享平台应答异常 / data platform answered garbage", e);
		}
	}

	record Answer(Result result, String detail) {
	}
}
