package org.zhengpaopao.system;

import java.time.ZoneId;

/**
 * The county's time zone, Beijing time (Asia/Shanghai): the clock, working days, deadlines, periods and every
 * time a user reads are in it. The one place it is named; {@code application.yaml} names it for Hibernate and
 * Jackson, and the public pages' scripts for the browser.
 */
public final class CountyTime {

	/** The zone's id, for annotations that take it as text, such as {@code @Scheduled(zone = ...)}. */
	public static final String ZONE_ID = "Asia/Shanghai";

	public static final ZoneId ZONE = ZoneId.of(ZONE_ID);

	private CountyTime() {
	}
}
