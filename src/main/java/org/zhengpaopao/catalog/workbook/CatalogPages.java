package org.zhengpaopao.catalog.workbook;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The catalog maintainers' page (static/catalog/); it holds no data and calls the API with the webapp login. */
@Configuration(proxyBeanMethods = false)
class CatalogPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/catalog", "/catalog/");
		registry.addViewController("/catalog/").setViewName("forward:/catalog/index.html");
	}
}
