package org.zhengpaopao.engine;

import org.springframework.context.ApplicationContext;

/** Lets tests of other packages read Camunda's metrics afresh instead of from the ten-second cache. */
public final class EngineMetricsCache {

	private EngineMetricsCache() {
	}

	public static void expire(ApplicationContext context) {
		context.getBean(EngineMetrics.class).expireCache();
	}
}
