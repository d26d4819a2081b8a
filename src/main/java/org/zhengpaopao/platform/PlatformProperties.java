package org.zhengpaopao.platform;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code zhengpaopao.platform.*}, see docs/platform.md.
 *
 * @param appKey         the key the platform names itself with ({@code X-Platform-AppKey}); none: the platform's
 *                       endpoints refuse every request
 * @param secret         the shared secret both sides sign with; a credential, from the environment in production
 * @param callbackUrl    where status callbacks go; none: they are written to the log
 * @param maxClockSkew   how far a request's timestamp may be from our clock, either way
 * @param connectTimeout a platform slower than this to connect is a failed callback attempt
 * @param readTimeout    a platform slower than this to answer is a failed callback attempt
 */
@ConfigurationProperties("zhengpaopao.platform")
record PlatformProperties(String appKey, String secret, String callbackUrl, @DefaultValue("PT5M") Duration maxClockSkew,
		@DefaultValue("3s") Duration connectTimeout, @DefaultValue("5s") Duration readTimeout) {

	boolean configured() {
		return appKey != null && !appKey.isBlank() && secret != null && !secret.isBlank();
	}

	boolean callbacksConfigured() {
		return callbackUrl != null && !callbackUrl.isBlank();
	}
}
