package org.zhengpaopao.kpi;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The KPI dashboard (static/kpi/) at {@code /kpi/}. The page itself holds no data: it reads {@code /api/kpi} with the
 * browser's Camunda webapp session (log in to Cockpit first) or HTTP Basic, so only managers and admins see numbers.
 */
@Configuration(proxyBeanMethods = false)
class KpiPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/kpi", "/kpi/");
		registry.addViewController("/kpi/").setViewName("forward:/kpi/index.html");
	}
}
