package org.zhengpaopao.notification;

import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * The SMS account ran out (Aliyun {@code isv.AMOUNT_NOT_ENOUGH}): until the next message goes out, a gauge reads 1
 * and the health detail {@code smsAccount} says WARNING. The messages themselves stay in the outbox and are retried,
 * so topping up the account is all it takes; WARNING, not DOWN, because the node itself works.
 */
@Component("smsAccount")
class SmsAccountAlarm implements HealthIndicator {

	static final String EXHAUSTED = "zhengpaopao.notifications.sms.account.exhausted";

	private final AtomicInteger exhausted = new AtomicInteger();

	SmsAccountAlarm(MeterRegistry meters) {
		Gauge.builder(EXHAUSTED, exhausted, AtomicInteger::get)
			.description("1 while the SMS provider refuses messages for an exhausted account")
			.register(meters);
	}

	void exhausted() {
		exhausted.set(1);
	}

	void sent() {
		exhausted.set(0);
	}

	@Override
	public Health health() {
		if (exhausted.get() == 1) {
			return Health.status(new Status("WARNING"))
				.withDetail("reason", "短信账户余额不足，短信暂停发送 / the SMS account is exhausted: top it up")
				.build();
		}
		return Health.up().build();
	}
}
