package org.zhengpaopao.platform;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.zhengpaopao.web.BodyReplayingRequest;

import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The platform's door ({@code /api/platform/**}): a request is the platform's when its app key is ours, its
 * timestamp within the clock skew, its signature over method, path, timestamp, nonce and body right, and its nonce
 * new. The body is read once, here, verified before anybody parses it, and handed on as read. Anything else is a 401
 * problem detail before a controller sees it; a staff login (HTTP Basic or a webapp session) without a signature is a
 * 403: the platform's door is not a door for staff. Not a bean: Spring Boot would register it for every path.
 */
class PlatformSignatureFilter extends OncePerRequestFilter {

	static final String APP_KEY = "X-Platform-AppKey";
	static final String TIMESTAMP = "X-Platform-Timestamp";
	static final String NONCE = "X-Platform-Nonce";
	static final String SIGNATURE = "X-Platform-Signature";
	static final String PRINCIPAL = "platform";
	static final String ROLE = "ROLE_PLATFORM";

	/** A platform application is a few kilobytes of JSON; a larger body is not one. */
	static final int MAX_BODY = 256 * 1024;

	private static final Pattern NONCE_FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");
	private static final Logger log = LoggerFactory.getLogger(PlatformSignatureFilter.class);

	private final PlatformProperties properties;
	private final PlatformNonces nonces;
	private final Clock clock;
	private final ObjectMapper json;

	PlatformSignatureFilter(PlatformProperties properties, PlatformNonces nonces, Clock clock, ObjectMapper json) {
		this.properties = properties;
		this.nonces = nonces;
		this.clock = clock;
		this.json = json;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String appKey = request.getHeader(APP_KEY);
		String timestamp = request.getHeader(TIMESTAMP);
		String nonce = request.getHeader(NONCE);
		String signature = request.getHeader(SIGNATURE);
		if (appKey == null || timestamp == null || nonce == null || signature == null) {
			if (request.getHeader("Authorization") != null || request.getRequestedSessionId() != null) {
				refuse(response, HttpStatus.FORBIDDEN, "此接口仅供省政务服务平台调用，员工账号无权访问",
						"this endpoint is for the provincial service platform only, not for staff accounts");
			}
			else {
				refuse(response, HttpStatus.UNAUTHORIZED, "缺少平台签名（X-Platform-AppKey、X-Platform-Timestamp、"
						+ "X-Platform-Nonce、X-Platform-Signature）", "the platform's signature headers are missing");
			}
			return;
		}
		if (!properties.configured() || !properties.appKey().equals(appKey.strip())) {
			refuse(response, HttpStatus.UNAUTHORIZED, "平台签名无效：未知的 AppKey", "invalid platform signature: unknown app key");
			return;
		}
		Instant sentAt;
		try {
			sentAt = Instant.ofEpochMilli(Long.parseLong(timestamp.strip()));
		}
		catch (NumberFormatException | java.time.DateTimeException e) {
			refuse(response, HttpStatus.UNAUTHORIZED, "请求时间戳无效，应为毫秒级 Unix 时间",
					"the timestamp must be epoch milliseconds");
			return;
		}
		Duration skew = properties.maxClockSkew();
		Instant now = clock.instant();
		if (Duration.between(sentAt, now).abs().compareTo(skew) > 0) {
			refuse(response, HttpStatus.UNAUTHORIZED, "请求时间戳超出" + skew.toMinutes() + "分钟，请校准时钟后重新签名",
					"the timestamp is more than " + skew + " away from the county's clock");
			return;
		}
		if (!NONCE_FORMAT.matcher(nonce).matches()) {
			refuse(response, HttpStatus.UNAUTHORIZED, "nonce 格式无效：8至64位字母、数字、下划线或连字符",
					"the nonce must be 8 to 64 of A-Z a-z 0-9 _ -");
			return;
		}
		byte[] body = read(request);
		if (body == null) {
			refuse(response, HttpStatus.PAYLOAD_TOO_LARGE, "请求内容超过 " + MAX_BODY / 1024 + " KB",
					"the body is larger than " + MAX_BODY / 1024 + " KB");
			return;
		}
		if (!PlatformSignature.matches(properties.secret(), request.getMethod(), request.getRequestURI(), timestamp,
				nonce, body, signature)) {
			log.warn("platform request refused: signature does not match ({} {})", request.getMethod(),
					request.getRequestURI());
			refuse(response, HttpStatus.UNAUTHORIZED, "平台签名无效", "invalid platform signature");
			return;
		}
		// recorded only for a signed request, so that nobody can fill the table; kept as long as the timestamp is good
		if (!nonces.firstUse(appKey.strip(), nonce, sentAt.plus(skew))) {
			refuse(response, HttpStatus.UNAUTHORIZED, "nonce 已使用，请用新的 nonce 重新签名", "the nonce was used before");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(PRINCIPAL, null,
				List.of(new SimpleGrantedAuthority(ROLE))));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(new BodyReplayingRequest(request, body), response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	/** @return the body, or null when it is larger than {@link #MAX_BODY} */
	private static byte[] read(HttpServletRequest request) throws IOException {
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(MAX_BODY + 1);
			return body.length > MAX_BODY ? null : body;
		}
	}

	private void refuse(HttpServletResponse response, HttpStatus status, String zh, String en) throws IOException {
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", "about:blank");
		problem.put("title", status == HttpStatus.FORBIDDEN ? "无权访问 / Forbidden" : "平台认证失败 / Platform authentication failed");
		problem.put("status", status.value());
		problem.put("detail", zh + " / " + en);
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter().write(json.writeValueAsString(problem));
	}
}
