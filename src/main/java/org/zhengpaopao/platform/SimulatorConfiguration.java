package org.zhengpaopao.platform;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The provincial platform's simulator, like the data platform's ({@code sharing}): only where
 * {@code zhengpaopao.platform.simulator.enabled} is true, which only the demo profile sets. It posts to the county at
 * {@code zhengpaopao.platform.simulator.county-url}, by default this very application on its own port.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = SimulatorConfiguration.ENABLED, havingValue = "true")
class SimulatorConfiguration {

	static final String ENABLED = "zhengpaopao.platform.simulator.enabled";

	@Bean
	SimulatedApplications simulatedApplications(JdbcClient jdbc, Clock clock) {
		return new SimulatedApplications(jdbc, clock);
	}

	@Bean
	SimulatedCounty simulatedCounty(@Value("${zhengpaopao.platform.app-key}") String appKey, @Value("${zhengpaopao.platform.secret}") String secret,
			@Value("${zhengpaopao.platform.simulator.timeout:10s}") Duration timeout, ObjectMapper json, Clock clock,
			Environment environment) {
		// read at each post: the port is known only once the server runs (a random one in the tests)
		return new SimulatedCounty(() -> {
			String countyUrl = environment.getProperty("zhengpaopao.platform.simulator.county-url", "");
			return countyUrl.isBlank()
					? "http://localhost:" + environment.getProperty("local.server.port",
							environment.getProperty("server.port", "8080"))
					: countyUrl.replaceAll("/+$", "");
		}, appKey, secret, json, clock, timeout);
	}
}
