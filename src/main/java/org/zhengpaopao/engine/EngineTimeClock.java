package org.zhengpaopao.engine;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.zhengpaopao.system.CountyTime;

/**
 * The engine's time as the application's clock, in Beijing time: where something moves the engine's clock (tests
 * firing timers, the demo history writing the past), the domain's "now" moves with it, so that deadlines, cards
 * and history agree. Otherwise it is the system time.
 */
public final class EngineTimeClock extends Clock {

	@Override
	public ZoneId getZone() {
		return CountyTime.ZONE;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return Clock.fixed(instant(), zone);
	}

	@Override
	public Instant instant() {
		return ClockUtil.getCurrentTime().toInstant();
	}
}
