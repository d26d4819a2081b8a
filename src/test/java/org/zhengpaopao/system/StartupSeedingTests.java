package org.zhengpaopao.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.zhengpaopao.IntegrationTest;

/**
 * The seeds are in before the web server takes its first request: the seeding's lifecycle starts in an earlier phase
 * than Spring Boot's web server, so that {@code Started ZhengpaopaoApplication} means a demo login works (the
 * packaged-jar test logs in at that line).
 */
@IntegrationTest
class StartupSeedingTests {

	@Autowired
	ApplicationContext context;

	@Test
	void shouldSeedBeforeTheWebServerStarts() {
		var webServer = context.getBean("webServerStartStop", SmartLifecycle.class);
		var seeding = context.getBean(StartupSeeding.class);

		assertThat(seeding.getPhase()).isLessThan(webServer.getPhase());
		assertThat(seeding.isRunning()).isTrue();
	}
}
