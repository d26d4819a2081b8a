package org.zhengpaopao.identity;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code zhengpaopao.login-guard}: how many failed logins are free, and the waits after them (application.yaml). */
@ConfigurationProperties("zhengpaopao.login-guard")
record LoginGuardProperties(int freeFailuresPerAccountAndAddress, int freeFailuresPerAddress,
		int accountUnderAttackAfter, int freeFailuresUnderAttack, Duration firstDelay, Duration maxDelay,
		Duration forgetAfter) {

	LoginGuardProperties {
		if (freeFailuresPerAccountAndAddress < 1 || freeFailuresPerAddress < 1 || accountUnderAttackAfter < 1
				|| freeFailuresUnderAttack < 1 || firstDelay == null || firstDelay.isNegative() || firstDelay.isZero()
				|| maxDelay == null || maxDelay.compareTo(firstDelay) < 0 || forgetAfter == null
				|| forgetAfter.compareTo(maxDelay) <= 0) {
			// a free count of 0 would refuse a fresh address; forgetting within max-delay would undo the waits
			throw new IllegalArgumentException("zhengpaopao.login-guard: free failures at least 1, "
					+ "0 < first-delay <= max-delay < forget-after");
		}
	}
}
