package org.zhengpaopao;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.zhengpaopao.engine.EngineTimeClock;

/**
 * In tests the application's clock is Camunda's: a test that moves the engine's clock to fire a timer moves the
 * domain's "now" with it, so deadlines, cards and history agree.
 */
@TestConfiguration(proxyBeanMethods = false)
public class EngineClock {

	@Bean
	@Primary
	Clock engineClock() {
		return new EngineTimeClock();
	}
}
