package org.zhengpaopao.system;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;

@Configuration(proxyBeanMethods = false)
class SystemConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Clock clock() {
		return Clock.system(CountyTime.ZONE);
	}

	/** Staff and applicants read times in Beijing time, e.g. 2026-12-02T18:00:00+08:00, never in UTC. */
	@Bean
	Jackson2ObjectMapperBuilderCustomizer countyTimeInJson() {
		return builder -> builder.serializerByType(Instant.class, new StdSerializer<>(Instant.class) {
			@Override
			public void serialize(Instant value, JsonGenerator json, SerializerProvider provider) throws IOException {
				json.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME
					.format(value.truncatedTo(ChronoUnit.SECONDS).atZone(CountyTime.ZONE).toOffsetDateTime()));
			}
		});
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
