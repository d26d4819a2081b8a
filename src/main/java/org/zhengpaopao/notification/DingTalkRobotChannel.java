package org.zhengpaopao.notification;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.Base64;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Posts group messages to DingTalk custom robots (自定义机器人), one robot per group chat, as Markdown. A group
 * without its own robot uses the default robot; without either its messages go to the log.
 */
class DingTalkRobotChannel implements GroupChannel {

	private static final Logger log = LoggerFactory.getLogger(DingTalkRobotChannel.class);

	private final NotificationProperties.DingTalk config;
	private final RestClient http;
	private final Clock clock;
	private final GroupChannel fallback = new LoggingGroupChannel();
	private final Set<String> groupsWithoutRobot = ConcurrentHashMap.newKeySet();

	DingTalkRobotChannel(NotificationProperties.DingTalk config, RestClient.Builder http, Clock clock) {
		this.config = config;
		this.clock = clock;
		this.http = DingTalkHttp.client(config, http);
	}

	@Override
	public void deliver(GroupMessage message) {
		NotificationProperties.Robot robot = config.robotFor(message.groupId());
		if (robot == null) {
			if (groupsWithoutRobot.add(message.groupId())) {
				log.info("群 {} 没有配置钉钉机器人，也没有默认机器人，其消息只写入日志 / "
						+ "group {} has no DingTalk robot and there is no default: its messages go to the log",
						message.groupId(), message.groupId());
			}
			fallback.deliver(message);
			return;
		}
		Answer answer;
		try {
			answer = http.post()
				.uri(address(robot, clock.millis()))
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("msgtype", "markdown", "markdown",
						Map.of("title", message.title(), "text", markdown(message))))
				.exchange((request, response) -> {
					if (!response.getStatusCode().is2xxSuccessful()) {
						throw new DeliveryException("钉钉应答 HTTP " + response.getStatusCode().value()
								+ " / DingTalk answered HTTP " + response.getStatusCode().value());
					}
					return response.bodyTo(Answer.class);
				});
		}
		catch (ResourceAccessException e) {
			// the message of e names the address, whose access_token is a credential
			throw new DeliveryException("钉钉无法连接或超时 / DingTalk unreachable or timed out: " + DingTalkHttp.cause(e));
		}
		catch (RestClientException e) {
			throw new DeliveryException("钉钉应答无法读取 / unreadable DingTalk answer: " + e.getClass().getSimpleName());
		}
		if (answer == null || answer.errcode() == null) {
			throw new DeliveryException("钉钉应答无 errcode / DingTalk answer without errcode");
		}
		if (answer.errcode() != 0) {
			throw new DeliveryException(DingTalkHttp.refused(answer.errcode(), answer.errmsg()));
		}
	}

	/** The webhook, signed when the robot has a secret (加签): timestamp in ms and the URL-encoded signature. */
	static URI address(NotificationProperties.Robot robot, long timestamp) {
		if (!robot.signed()) {
			return URI.create(robot.webhook());
		}
		// a URI, not a template string: RestClient would encode the already encoded signature a second time
		return URI.create(robot.webhook() + (robot.webhook().contains("?") ? "&" : "?") + "timestamp=" + timestamp
				+ "&sign=" + URLEncoder.encode(sign(timestamp, robot.secret()), StandardCharsets.UTF_8));
	}

	/** Base64 of HmacSHA256 over {@code timestamp + "\n" + secret}, keyed with the secret. */
	static String sign(long timestamp, String secret) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
			return Base64.getEncoder()
				.encodeToString(mac.doFinal((timestamp + "\n" + secret).getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * What the group reads in the chat: the title as a heading, the text, and the case it is about. The footer
	 * always names 证跑跑, so a robot secured by the keyword 「证跑跑」 (自定义关键词) accepts every message.
	 */
	static String markdown(GroupMessage message) {
		var text = new StringBuilder();
		if (message.title() != null && !message.title().isBlank()) {
			text.append("#### ").append(message.title()).append("\n\n");
		}
		text.append(message.text()).append("\n\n");
		if (message.link() != null) {
			text.append("[").append(WebappLinks.label(message.link())).append("](").append(message.link()).append(")\n\n");
		}
		text.append("> ");
		if (message.reference() != null && !message.reference().isBlank()) {
			text.append("办件 / Case ").append(message.reference()).append(" · ");
		}
		return text.append("证跑跑").toString();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	record Answer(Integer errcode, String errmsg) {
	}
}
