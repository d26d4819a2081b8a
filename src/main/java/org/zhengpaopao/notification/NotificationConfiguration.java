package org.zhengpaopao.notification;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.web.client.RestClient;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
@EnableScheduling // for the sweeper, whatever other features do
class NotificationConfiguration {

	static final String EXECUTOR = "notificationExecutor";

	/**
	 * Two threads and a bounded queue of their own: a slow DingTalk ties up these and nothing else. A message
	 * that finds the queue full stays in the outbox for the sweeper.
	 */
	@Bean(EXECUTOR)
	ThreadPoolTaskExecutor notificationExecutor() {
		var executor = new ThreadPoolTaskExecutor();
		executor.setCorePoolSize(2);
		executor.setMaxPoolSize(2);
		executor.setQueueCapacity(500);
		executor.setThreadNamePrefix("notification-");
		executor.setWaitForTasksToCompleteOnShutdown(true);
		executor.setAwaitTerminationSeconds(10);
		return executor;
	}

	@Bean
	SmsGateway smsGateway(NotificationProperties properties, RestClient.Builder http, Clock clock,
			SmsAccountAlarm alarm) {
		NotificationProperties.Sms sms = properties.sms();
		return switch (sms.provider()) {
			case ALIYUN -> new AliyunSmsGateway(sms, http, clock, alarm);
			case LOG -> new LoggingSmsGateway(sms.aliyun().signName());
		};
	}

	@Bean
	GroupChannel groupChannel(NotificationProperties properties, RestClient.Builder http, Clock clock) {
		if (properties.dingtalk().hasRobots()) {
			return new DingTalkRobotChannel(properties.dingtalk(), http, clock);
		}
		return new LoggingGroupChannel();
	}

	@Bean
	DingTalkWorkNotices dingTalkWorkNotices(NotificationProperties properties, RestClient.Builder http, Clock clock) {
		return new DingTalkWorkNotices(properties.dingtalk(), http, clock);
	}
}
