package org.zhengpaopao.notification;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
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
	 */
	record DingTalk(Map<String, Robot> groups, @Name("default") Robot defaultRobot,
			@DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

		DingTalk {
			groups = groups == null ? Map.of() : Map.copyOf(groups);
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
