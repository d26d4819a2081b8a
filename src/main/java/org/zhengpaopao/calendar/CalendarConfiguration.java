package org.zhengpaopao.calendar;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Scheduling drives the hourly re-read of the holiday tables. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CalendarConfiguration {
}
