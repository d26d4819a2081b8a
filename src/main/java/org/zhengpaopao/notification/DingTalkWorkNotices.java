package org.zhengpaopao.notification;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Work notices (工作通知) through the DingTalk enterprise app ({@code asyncsend_v2}): an action card whose button
 * opens the link, or Markdown when there is none. The person's DingTalk user id comes from the mapping in the
 * settings, read at each attempt so that a corrected mapping helps a message still being retried.
 */
class DingTalkWorkNotices {

	/** DingTalk's answers for a token it no longer takes: 40014 invalid, 42001 expired */
	static final Set<Integer> TOKEN_REFUSED = Set.of(40014, 42001);

	private final NotificationProperties.DingTalk config;
	private final RestClient http;
	private final DingTalkAccessToken token;

	DingTalkWorkNotices(NotificationProperties.DingTalk config, RestClient.Builder http, Clock clock) {
		this.config = config;
		this.http = DingTalkHttp.client(config, http);
		this.token = new DingTalkAccessToken(config.app(), this.http, clock);
	}

	void deliver(StaffMessage message) {
		String dingTalkUserId = config.workNoticeRecipient(message.userId());
		if (dingTalkUserId == null) {
			throw DeliveryException.refused("钉钉应用未配置或该人员没有钉钉用户 ID / no DingTalk app or no DingTalk user id for "
					+ message.userId());
		}
		Map<String, Object> body = Map.of("agent_id", config.app().agentId(), "userid_list", dingTalkUserId, "msg",
				msg(message));
		String used = token.get();
		Answer answer = post(used, body);
		if (TOKEN_REFUSED.contains(answer.errcode())) {
			// once, with a fresh token: a token can be revoked before its time (a new secret, another node fetching)
			token.invalidate(used);
			answer = post(token.get(), body);
		}
		if (answer.errcode() != 0) {
			throw new DeliveryException(DingTalkHttp.refused(answer.errcode(), answer.errmsg()));
		}
	}

	static Map<String, Object> msg(StaffMessage message) {
		String markdown = DingTalkRobotChannel
			.markdown(new GroupMessage(null, message.title(), message.text(), message.reference()));
		if (message.link() == null) {
			return Map.of("msgtype", "markdown", "markdown", Map.of("title", message.title(), "text", markdown));
		}
		Map<String, Object> card = new LinkedHashMap<>();
		card.put("title", message.title());
		card.put("markdown", markdown);
		card.put("single_title", WebappLinks.label(message.link()));
		card.put("single_url", message.link());
		return Map.of("msgtype", "action_card", "action_card", card);
	}

	private Answer post(String accessToken, Map<String, Object> body) {
		Answer answer;
		try {
			answer = http.post()
				.uri(config.app().endpoint() + "/topapi/message/corpconversation/asyncsend_v2?access_token={token}",
						accessToken)
				.contentType(MediaType.APPLICATION_JSON)
				.body(body)
				.retrieve()
				.body(Answer.class);
		}
		catch (ResourceAccessException e) {
			// e's message names the address, whose access_token is a credential
			throw new DeliveryException("钉钉无法连接或超时 / DingTalk unreachable or timed out: " + DingTalkHttp.cause(e));
		}
		catch (RestClientException e) {
			throw new DeliveryException("钉钉工作通知失败 / DingTalk work notice failed: " + e.getClass().getSimpleName());
		}
		if (answer == null || answer.errcode() == null) {
			throw new DeliveryException("钉钉应答无 errcode / DingTalk answer without errcode");
		}
		return answer;
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Answer(Integer errcode, String errmsg) {
	}
}
