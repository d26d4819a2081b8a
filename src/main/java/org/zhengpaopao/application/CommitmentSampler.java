package org.zhengpaopao.application;

import java.security.SecureRandom;
import java.util.random.RandomGenerator;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Draws the commitments that get a post-verification (事后核查): each one with the configured probability. */
@Component
class CommitmentSampler {

	private final RandomGenerator random;
	private volatile double rate;

	@org.springframework.beans.factory.annotation.Autowired
	CommitmentSampler(@Value("${zhengpaopao.commitment.sampling-rate:0.2}") double rate) {
		this(rate, new SecureRandom());
	}

	CommitmentSampler(double rate, RandomGenerator random) {
		this.random = random;
		setRate(rate);
	}

	boolean draw() {
		return random.nextDouble() < rate;
	}

	double rate() {
		return rate;
	}

	void setRate(double rate) {
		if (rate < 0 || rate > 1) {
			throw new IllegalArgumentException("the sampling rate is a share between 0 and 1: " + rate);
		}
		this.rate = rate;
	}
}
