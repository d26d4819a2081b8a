package org.zhengpaopao.web;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;

/**
 * Request bodies of the application API and the public pages are read strictly, so that a mistake in a client is
 * an answer naming the field rather than a different request: an unknown field (a misspelt
 * {@code authorizedAtWindow} would otherwise fall back to its default), a value of another type ({@code 12345}
 * where a name is expected, {@code "true"} for a yes/no, {@code 1} for a choice), a field given twice, and anything
 * after the JSON document are refused.
 * <p>
 * Only for the requests Spring MVC reads: the same Jackson setup also reads the answers of the data platform and
 * DingTalk, which stay tolerant of what those systems add.
 */
@Configuration(proxyBeanMethods = false)
class StrictJsonRequests implements WebMvcConfigurer {

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		for (int i = 0; i < converters.size(); i++) {
			if (converters.get(i).getClass() == MappingJackson2HttpMessageConverter.class) {
				var shared = (MappingJackson2HttpMessageConverter) converters.get(i);
				converters.set(i, new MappingJackson2HttpMessageConverter(strict(shared.getObjectMapper())));
			}
		}
	}

	static ObjectMapper strict(ObjectMapper shared) {
		ObjectMapper mapper = shared.copy()
			.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
		mapper.getFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
		mapper.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		for (LogicalType type : List.of(LogicalType.Boolean, LogicalType.Integer, LogicalType.Float)) {
			mapper.coercionConfigFor(type)
				.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
				.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
		}
		mapper.coercionConfigFor(LogicalType.Enum).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
		mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
		mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
		return mapper;
	}
}
