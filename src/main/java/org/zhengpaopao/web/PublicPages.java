package org.zhengpaopao.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The applicants' pages, at addresses short enough to put in a text message. */
@Configuration(proxyBeanMethods = false)
class PublicPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addViewController("/public/authorize").setViewName("forward:/public/authorize.html");
		registry.addViewController("/public/track").setViewName("forward:/public/track.html");
		registry.addViewController("/public/rate").setViewName("forward:/public/rate.html");
		registry.addViewController("/public/report").setViewName("forward:/public/report.html");
		registry.addViewController("/public/report-track").setViewName("forward:/public/report-track.html");
		registry.addViewController("/public/catalog").setViewName("forward:/public/catalog.html");
		// the provincial platform's simulator (demo profile only: its API answers 404 elsewhere)
		registry.addViewController("/public/apply").setViewName("forward:/public/apply.html");
	}
}
