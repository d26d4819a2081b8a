package org.zhengpaopao;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * In tests the application's clock is Camunda's: a test that moves the engine's clock to fire a timer moves the
 * domain's "now" with it, so deadlines, cards and history agree.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineClock {

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
