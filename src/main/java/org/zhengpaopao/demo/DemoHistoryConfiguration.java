package org.zhengpaopao.demo;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * While the history is written, the application's clock must be the engine's, which the writer moves through the
 * past; afterwards both read the system time again.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty("zhengpaopao.demo.history")
class DemoHistoryConfiguration {

	@Bean
	@Primary
	Clock engineClock() {
		return new Clock() {
			@Override
			public ZoneId getZone() {
				return ZoneId.of("Asia/Shanghai");
			}

			@Override
			public Clock withZone(ZoneId zone) {
				return Clock.fixed(instant(), zone);
			}

			@Override
			public Instant instant() {
				return ClockUtil.getCurrentTime().toInstant();
			}
		};
	}
}
