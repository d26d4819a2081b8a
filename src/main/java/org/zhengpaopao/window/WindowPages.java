package org.zhengpaopao.window;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The window's pages (static/window/); they hold no data and read the API with the clerk's webapp login. */
@Configuration(proxyBeanMethods = false)
class WindowPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/window", "/window/");
		registry.addViewController("/window/").setViewName("forward:/window/index.html");
		registry.addViewController("/window/receipts/{caseNo}").setViewName("forward:/window/receipt.html");
	}
}
