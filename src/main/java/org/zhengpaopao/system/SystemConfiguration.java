package org.zhengpaopao.system;

import java.time.Clock;
import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(COUNTY_ZONE);
	}

	@Bean
	OpenAPI zhengpaopaoOpenApi() {
		return new OpenAPI()
			.info(new Info().title("证跑跑 Zhengpaopao API")
				.description("代跑（proxy-run）服务的应用接口。员工接口使用 HTTP Basic（Camunda 账号）；/public/api 供办事群众使用。"
						+ " Errors are RFC 9457 problem details in Chinese and English.")
				.version("0.1"))
			.components(new Components().addSecuritySchemes("basicAuth",
					new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
			.addSecurityItem(new SecurityRequirement().addList("basicAuth"));
	}
}
