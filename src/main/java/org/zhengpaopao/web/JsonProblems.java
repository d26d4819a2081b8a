package org.zhengpaopao.web;

import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

/** What is wrong with a JSON body, said for a clerk: the field (when there is one) and what it should be. */
final class JsonProblems {

	private JsonProblems() {
	}

	/** The field the problem is in, e.g. {@code requiredCertificates[0]}; null or empty for the body as a whole. */
	static String field(JsonProcessingException json) {
		return json instanceof JsonMappingException mapping ? path(mapping) : currentField(json);
	}

	static String message(JsonProcessingException json) {
		if (json == null) {
			return "请求内容为空或无法读取 / The request body is empty or cannot be read";
		}
		if (json instanceof UnrecognizedPropertyException) {
			return "不是可接受的字段 / is not a known field";
		}
		if (json instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
			return expected(mismatch.getTargetType());
		}
		if (json instanceof StreamConstraintsException) {
			return "JSON 嵌套过深或内容过长 / The JSON is nested too deeply or too long";
		}
		if (json.getOriginalMessage() != null && json.getOriginalMessage().startsWith("Duplicate field")) {
			return "字段重复出现 / is given more than once";
		}
		return "请求内容不是有效的 JSON / The request body is not valid JSON";
	}

	private static String expected(Class<?> type) {
		if (type == String.class) {
			return "应为文本 / should be text";
		}
		if (type == Boolean.class || type == boolean.class) {
			return "应为 true 或 false / should be true or false";
		}
		if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
			return "应为整数 / should be a whole number";
		}
		if (type.isEnum()) {
			String values = Arrays.stream(type.getEnumConstants()).map(Object::toString).collect(Collectors.joining(", "));
			return "应为以下之一：" + values + " / should be one of " + values;
		}
		if (Collection.class.isAssignableFrom(type) || type.isArray()) {
			return "应为列表 / should be a list";
		}
		return "类型或格式不对 / has the wrong type or format";
	}

	/** e.g. {@code requiredCertificates[0]} */
	private static String path(JsonMappingException e) {
		StringBuilder path = new StringBuilder();
		for (JsonMappingException.Reference reference : e.getPath()) {
			if (reference.getFieldName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	/** The field the parser was in when the JSON broke, if any. */
	private static String currentField(JsonProcessingException e) {
		if (e != null && e.getProcessor() instanceof JsonParser parser) {
			return parser.getParsingContext() == null ? null : parser.getParsingContext().getCurrentName();
		}
		return null;
	}
}
