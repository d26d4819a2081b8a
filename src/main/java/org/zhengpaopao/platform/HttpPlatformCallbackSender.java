package org.zhengpaopao.platform;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.zhengpaopao.notification.CallbackMessage;
import org.zhengpaopao.notification.CallbackSender;
import org.zhengpaopao.notification.DeliveryException;

/**
 * Delivers the platform's status callbacks: a POST of the JSON payload to {@code zhengpaopao.platform.callback-url},
 * signed with the same four headers the platform signs its requests with, so that it can tell ours from a forger's.
 * Anything but a 2xx, and any I/O error, is a failed attempt the outbox retries. Without a callback URL (demo,
 * training) the callback is written to the log, and counts as sent.
 */
@Component
class HttpPlatformCallbackSender implements CallbackSender {

	private static final Logger log = LoggerFactory.getLogger(HttpPlatformCallbackSender.class);
	private static final int MAX_REASON = 200;

	private final PlatformProperties properties;
	private final Clock clock;
	private final RestClient http;

	HttpPlatformCallbackSender(PlatformProperties properties, Clock clock, RestClient.Builder builder) {
		this.properties = properties;
		this.clock = clock;
		// HTTP/1.1: the JDK client would otherwise try an h2c upgrade on plain http
		var client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(properties.connectTimeout())
			.build();
		var requests = new JdkClientHttpRequestFactory(client);
		requests.setReadTimeout(properties.readTimeout());
		this.http = builder.clone().requestFactory(requests).build();
	}

	@Override
	public String target() {
		return PlatformCallbacks.TARGET;
	}

	@Override
	public void deliver(CallbackMessage message) {
		if (!properties.callbacksConfigured()) {
			log.info("平台回调 platform callback [{}] {} (no callback-url: logged only): {}", message.reference(),
					message.event(), message.payload());
			return;
		}
		if (!properties.configured()) {
			throw new DeliveryException("平台回调未配置 app-key/secret / the platform's app key and secret are not set");
		}
		URI target = URI.create(properties.callbackUrl());
		byte[] body = message.payload().getBytes(StandardCharsets.UTF_8);
		String timestamp = Long.toString(clock.millis());
		String nonce = UUID.randomUUID().toString().replace("-", "");
		String signature = PlatformSignature.sign(properties.secret(), "POST", target.getRawPath(), timestamp, nonce,
				body);
		try {
			http.post()
				.uri(target)
				.contentType(MediaType.APPLICATION_JSON)
				.header(PlatformSignatureFilter.APP_KEY, properties.appKey())
				.header(PlatformSignatureFilter.TIMESTAMP, timestamp)
				.header(PlatformSignatureFilter.NONCE, nonce)
				.header(PlatformSignatureFilter.SIGNATURE, signature)
				.body(body)
				.retrieve()
				.toBodilessEntity();
		}
		catch (RestClientResponseException e) {
			throw new DeliveryException(shortened("平台回调失败 / platform callback refused: HTTP " + e.getStatusCode().value()));
		}
		catch (RestClientException e) {
			throw new DeliveryException(shortened("平台回调失败 / platform callback failed: " + cause(e)));
		}
	}

	/** A root cause by type and message: JDK messages such as "Connection refused" name no address. */
	private static String cause(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getMessage() == null || root == e ? root.getClass().getSimpleName()
				: root.getClass().getSimpleName() + " " + root.getMessage();
	}

	private static String shortened(String reason) {
		return reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
	}
}
