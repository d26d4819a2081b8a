package org.zhengpaopao.platform;

import java.time.Clock;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The fifth door, before the staff API's ({@code identity.SecurityConfiguration}, order 1): {@code /api/platform/**}
 * answers only requests the platform signed ({@link PlatformSignatureFilter}); no HTTP Basic, no webapp session, no
 * cookie. The principal {@code platform} exists only for the request it signed and only on this door, so it reaches
 * nothing else. No CSRF token: the platform sends no cookies, and a forged request cannot sign.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(PlatformProperties.class)
class PlatformSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain platformApi(HttpSecurity http, PlatformProperties properties, PlatformNonces nonces,
			Clock clock, ObjectMapper json) throws Exception {
		return http.securityMatcher("/api/platform/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().hasAuthority(PlatformSignatureFilter.ROLE))
			.addFilterBefore(new PlatformSignatureFilter(properties, nonces, clock, json),
					AnonymousAuthenticationFilter.class)
			.csrf(csrf -> csrf.disable())
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
				.sessionFixation(fixation -> fixation.none()))
			.build();
	}
}
