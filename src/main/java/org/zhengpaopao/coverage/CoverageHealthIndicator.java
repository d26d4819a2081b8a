package org.zhengpaopao.coverage;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

/** {@code coverage} in {@code /actuator/health}: WARNING (still HTTP 200) while any village or group lacks a runner. */
@Component
class CoverageHealthIndicator implements HealthIndicator {

	static final Status WARNING = new Status("WARNING", "县乡村三级代跑服务圈 has gaps");

	private final Coverage coverage;

	CoverageHealthIndicator(Coverage coverage) {
		this.coverage = coverage;
	}

	@Override
	public Health health() {
		Coverage.Report report = coverage.report();
		return Health.status(report.rate() < 1 ? WARNING : Status.UP)
			.withDetail("rate", report.rate())
			.withDetail("gaps", report.gaps().size())
			.withDetail("firstGaps", report.gaps().stream().limit(5).map(Coverage.Gap::group).distinct().toList())
			.build();
	}
}
