package org.zhengpaopao.demo;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.zhengpaopao.engine.EngineTimeClock;

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
		return new EngineTimeClock();
	}
}
