package org.zhengpaopao.sharing;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.zhengpaopao.system.SeedFiles;

/** The HTTP adapter when an endpoint is configured, the simulator otherwise. */
@Configuration(proxyBeanMethods = false)
class SharingConfiguration {

	@Bean
	DataSharing dataSharing(@Value("${zhengpaopao.sharing.endpoint:}") String endpoint,
			@Value("${zhengpaopao.sharing.token:}") String token,
			@Value("${zhengpaopao.sharing.timeout:5s}") Duration timeout, SeedFiles seeds) {
		return endpoint.isBlank() ? new SimulatedDataSharing(seeds) : new HttpDataSharing(endpoint, token, timeout);
	}
}
