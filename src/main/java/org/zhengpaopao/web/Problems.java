package org.zhengpaopao.web;

import java.io.IOException;

import org.springframework.http.MediaType;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

import jakarta.servlet.http.HttpServletResponse;

/**
 * What every problem detail has in common, also where Spring MVC is not involved (filters, Tomcat's own
 * answers to malformed requests): a title per status in Chinese and English, and a detail that quotes the
 * client's input only in part and without control characters.
 */
public final class Problems {

	/** A detail quotes input (a case number, a code); a 10,000-character one is cut here. */
	static final int MAX_DETAIL = 500;

	private Problems() {
	}

	static String title(int status) {
		return switch (status) {
			case 400 -> "请求数据有误 / Invalid request";
			case 401 -> "需要登录 / Authentication required";
			case 403 -> "无权操作 / Forbidden";
			case 404 -> "未找到 / Not found";
			case 405 -> "不支持该请求方法 / Method not allowed";
			case 406 -> "无法以所要求的格式应答 / Not acceptable";
			case 409 -> "当前状态不允许此操作 / Not allowed in the current state";
			case 413 -> "请求内容过大 / Request too large";
			case 414 -> "请求地址过长 / URI too long";
			case 415 -> "不支持的内容类型 / Unsupported media type";
			case 429 -> "请求过于频繁 / Too many requests";
			case 431 -> "请求头过大 / Request header fields too large";
			case 503 -> "系统暂时不可用 / Temporarily unavailable";
			default -> status >= 500 ? "系统内部错误 / Internal error" : "请求有误 / Bad request";
		};
	}

	/** For an answer without a more specific one. */
	static String detail(int status) {
		return switch (status) {
			case 400 -> "请求的地址、参数或内容格式不正确 / The address, a parameter or the body of the request is malformed";
			case 404 -> "没有这个地址 / There is nothing at this address";
			case 405 -> "该地址不支持此请求方法 / This address does not take this method";
			case 413 -> "请求内容超过上限 / The request is larger than allowed";
			case 414, 431 -> "请求地址或请求头过长 / The address or a header of the request is too long";
			case 401 -> "请使用证跑跑员工账号登录 / Log in with your staff account";
			case 403 -> "您的岗位无权进行此操作 / Your role may not do this";
			case 415 -> "请求内容应为 JSON / The request body must be JSON";
			default -> status >= 500 ? "处理请求时出错，请稍后重试 / The request could not be processed; try again later"
					: "请求未能处理，请检查后重试 / The request could not be handled; check it and try again";
		};
	}

	/** Control and text-direction characters replaced, cut at {@link #MAX_DETAIL} characters. */
	public static String clean(String text) {
		if (text == null) {
			return null;
		}
		StringBuilder clean = new StringBuilder(Math.min(text.length(), MAX_DETAIL + 1));
		for (int i = 0; i < text.length() && clean.length() < MAX_DETAIL; i++) {
			char c = text.charAt(i);
			boolean bidi = (c >= '\u202a' && c <= '\u202e') || (c >= '\u2066' && c <= '\u2069');
			boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < text.length()
					&& Character.isLowSurrogate(text.charAt(i + 1))) && !(Character.isLowSurrogate(c) && i > 0
							&& Character.isHighSurrogate(text.charAt(i - 1)));
			clean.append(Character.isISOControl(c) || bidi || lone ? '\ufffd' : c);
		}
		if (clean.length() < text.length()) {
			clean.append('…');
		}
		return clean.toString();
	}

	/** A problem detail written directly, for answers that do not pass through Spring MVC. */
	static void write(HttpServletResponse response, int status, String detail) throws IOException {
		response.setStatus(status);
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json(status, title(status), detail));
	}

	static String json(int status, String title, String detail) {
		JsonStringEncoder json = JsonStringEncoder.getInstance();
		return "{\"type\":\"about:blank\",\"title\":\"" + new String(json.quoteAsString(title)) + "\",\"status\":"
				+ status + ",\"detail\":\"" + new String(json.quoteAsString(clean(detail))) + "\"}";
	}
}
