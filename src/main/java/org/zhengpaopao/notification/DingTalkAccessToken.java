package org.zhengpaopao.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The enterprise app's access token ({@code GET /gettoken}), kept until shortly before it expires: DingTalk limits
 * how often a token may be fetched, and every work notice needs one. Shared by the notification threads.
 */
class DingTalkAccessToken {

	/** fetched again this long before DingTalk says it expires, so that no request carries one that just ran out */
	static final Duration EARLY = Duration.ofMinutes(5);

	private final NotificationProperties.App app;
	private final RestClient http;
	private final Clock clock;
	private String token;
	private Instant expiresAt = Instant.MIN;

	DingTalkAccessToken(NotificationProperties.App app, RestClient http, Clock clock) {
		this.app = app;
		this.http = http;
		this.clock = clock;
	}

	synchronized String get() {
		if (token == null || !clock.instant().isBefore(expiresAt)) {
			fetch();
		}
		return token;
	}

	/** DingTalk refused the token (expired early, or revoked): the next {@link #get()} fetches a new one. */
	synchronized void invalidate(String refused) {
		if (refused.equals(token)) {
			token = null;
		}
	}

	private void fetch() {
		Answer answer;
		try {
			answer = http.get()
				.uri(app.endpoint() + "/gettoken?appkey={key}&appsecret={secret}", app.appKey(), app.appSecret())
				.retrieve()
				.body(Answer.class);
		}
		catch (ResourceAccessException e) {
			// e's message names the address, and with it the app secret
			throw new DeliveryException("钉钉无法连接或超时 / DingTalk unreachable or timed out: " + DingTalkHttp.cause(e));
		}
		catch (RestClientException e) {
			throw new DeliveryException("钉钉 gettoken 失败 / DingTalk gettoken failed: " + e.getClass().getSimpleName());
		}
		if (answer == null || answer.errcode() == null || answer.errcode() != 0 || answer.accessToken() == null) {
			throw new DeliveryException("gettoken: " + (answer == null ? "no answer"
					: DingTalkHttp.refused(answer.errcode(), answer.errmsg())));
		}
		Duration lifetime = Duration.ofSeconds(answer.expiresIn() == null ? 7200 : answer.expiresIn());
		Duration early = lifetime.compareTo(EARLY.multipliedBy(2)) > 0 ? EARLY : lifetime.dividedBy(2);
		token = answer.accessToken();
		expiresAt = clock.instant().plus(lifetime).minus(early);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Answer(Integer errcode, String errmsg, @JsonProperty("access_token") String accessToken,
			@JsonProperty("expires_in") Long expiresIn) {
	}
}
