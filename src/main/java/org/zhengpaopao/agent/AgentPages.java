package org.zhengpaopao.agent;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.ViewControllerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/** The agents' page (static/agent/); it holds no data and reads the API with the agent's webapp login. */
@Configuration(proxyBeanMethods = false)
class AgentPages implements WebMvcConfigurer {

	@Override
	public void addViewControllers(ViewControllerRegistry registry) {
		registry.addRedirectViewController("/agent", "/agent/");
		registry.addViewController("/agent/").setViewName("forward:/agent/index.html");
	}
}
