package org.zhengpaopao.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.boot.context.properties.bind.Name;

/**
 * {@code zhengpaopao.notifications.*}, see docs/notifications.md.
 *
 * @param maxAttempts attempts per message before it is FAILED
 * @param retryBackoff wait after the 1st, 2nd, … failed attempt; the last value repeats
 * @param sweepBatchSize messages one sweeper run hands to the delivery threads at most
 * @param lease how long an attempt may take before another node may try the message again
 */
@ConfigurationProperties("zhengpaopao.notifications")
record NotificationProperties(@DefaultValue("5") int maxAttempts,
		@DefaultValue({ "30s", "2m", "10m" }) List<Duration> retryBackoff, @DefaultValue("50") int sweepBatchSize,
		@DefaultValue("2m") Duration lease, @DefaultValue DingTalk dingtalk, @DefaultValue Sms sms) {

	NotificationProperties {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("zhengpaopao.notifications.max-attempts must be at least 1");
		}
		if (retryBackoff.isEmpty()) {
			throw new IllegalArgumentException("zhengpaopao.notifications.retry-backoff needs at least one duration");
		}
	}

	/** The wait after the {@code attemptsMade}-th failed attempt. */
	Duration backoffAfter(int attemptsMade) {
		return retryBackoff.get(Math.min(Math.max(attemptsMade, 1), retryBackoff.size()) - 1);
	}

	/**
	 * @param groups a DingTalk custom robot per Camunda group id
	 * @param defaultRobot the robot for groups without their own ({@code default}), optional
	 * @param app the enterprise app that sends work notices (工作通知) to a person, optional
	 * @param users a staff member's DingTalk user id per Camunda user id
	 */
	record DingTalk(Map<String, Robot> groups, @Name("default") Robot defaultRobot,
			@DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout,
			@DefaultValue App app, Map<String, String> users) {

		@ConstructorBinding
		DingTalk {
			groups = groups == null ? Map.of() : Map.copyOf(groups);
			users = users == null ? Map.of() : Map.copyOf(users);
		}

		DingTalk(Map<String, Robot> groups, Robot defaultRobot, Duration connectTimeout, Duration readTimeout) {
			this(groups, defaultRobot, connectTimeout, readTimeout, new App(null, null, null, App.ENDPOINT), null);
		}

		/** @return the person's DingTalk user id, or {@code null} when they cannot get a work notice */
		String workNoticeRecipient(String userId) {
			String dingTalkUserId = userId == null ? null : users.get(userId);
			return app.configured() && dingTalkUserId != null && !dingTalkUserId.isBlank() ? dingTalkUserId.strip()
					: null;
		}

		boolean hasRobots() {
			return (defaultRobot != null && defaultRobot.configured())
					|| groups.values().stream().anyMatch(Robot::configured);
		}

		/** @return {@code null} when the group has no robot and there is no default */
		Robot robotFor(String groupId) {
			Robot robot = groups.get(groupId);
			if (robot != null && robot.configured()) {
				return robot;
			}
			return defaultRobot != null && defaultRobot.configured() ? defaultRobot : null;
		}
	}

	/**
	 * A DingTalk enterprise app (企业内部应用), from its page in the DingTalk developer console.
	 *
	 * @param appKey    AppKey (Client ID)
	 * @param appSecret AppSecret (Client Secret)
	 * @param agentId   AgentId, the app's id in work notices
	 * @param endpoint  the DingTalk server API
	 */
	record App(String appKey, String appSecret, Long agentId, @DefaultValue(ENDPOINT) String endpoint) {

		static final String ENDPOINT = "https://oapi.dingtalk.com";

		boolean configured() {
			return appKey != null && !appKey.isBlank() && appSecret != null && !appSecret.isBlank() && agentId != null;
		}

		@Override
		public String toString() {
			// the secret is a credential
			return "App[agentId=" + agentId + ", endpoint=" + endpoint + "]";
		}
	}

	/**
	 * @param provider {@code log} (demo, training) or {@code aliyun}
	 * @param training says that an installation with the prod profile may keep the logging gateway
	 * @param templates the provider's approved template code per {@link SmsTemplate#key()}
	 */
	record Sms(@DefaultValue("log") SmsProvider provider, boolean training, Map<String, String> templates,
			@DefaultValue Aliyun aliyun) {

		Sms {
			templates = templates == null ? Map.of() : Map.copyOf(templates);
		}

		/** @throws DeliveryException without retries when the county has not set the kind's code */
		String templateCode(SmsTemplate template) {
			String code = templates.get(template.key());
			if (code == null || code.isBlank()) {
				throw DeliveryException.refused("短信模板 " + template.key() + " 未配置模板编号 / no template code set for "
						+ template.key() + " (zhengpaopao.notifications.sms.templates)");
			}
			return code;
		}
	}

	enum SmsProvider {
		LOG, ALIYUN
	}

	/**
	 * Alibaba Cloud SMS (dysmsapi, {@code SendSms} 2017-05-25).
	 *
	 * @param signName the approved sign name (签名), without 【】
	 */
	record Aliyun(@DefaultValue("https://dysmsapi.aliyuncs.com") String endpoint, String accessKeyId,
			String accessKeySecret, @DefaultValue("证跑跑") String signName, @DefaultValue("cn-hangzhou") String regionId,
			@DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

		@Override
		public String toString() {
			// the key pair is a credential
			return "Aliyun[endpoint=" + endpoint + ", accessKeyId=" + accessKeyId + ", signName=" + signName + "]";
		}
	}

	/**
	 * @param webhook the robot's address with its {@code access_token}
	 * @param secret the robot's signing secret (加签), optional
	 */
	record Robot(String webhook, String secret) {

		boolean configured() {
			return webhook != null && !webhook.isBlank();
		}

		boolean signed() {
			return secret != null && !secret.isBlank();
		}

		@Override
		public String toString() {
			// the access token and the secret are credentials
			return "Robot[****]";
		}
	}
}
