package org.zhengpaopao.web;

import java.io.IOException;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Bodies sent to the application API and the public pages' API are small JSON documents; anything larger than
 * {@code zhengpaopao.api.max-request-body} (64 KB) is answered 413 before it is read, or, without a declared
 * length, as soon as the limit is passed. Right after the outage filter, so that not even a login reads it. The one
 * upload, an issued certificate ({@code POST /api/proxy-runs/{caseNo}/certificate}), may be as large as a document
 * may be ({@code zhengpaopao.documents.max-size}, 10 MB), as may a village agent's photo of the signed authorization
 * ({@code POST /api/agent/proxy-runs} and {@code /applications}), plus the usual 64 KB for the form around it; a catalog
 * workbook ({@code POST /api/catalog/imports}) up to {@code zhengpaopao.catalog.max-workbook-size} (5 MB), likewise.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestSizeLimit extends OncePerRequestFilter {

	private static final Pattern UPLOAD = Pattern.compile(
			"/api/proxy-runs/[^/]+/certificate|/api/agent/proxy-runs|/api/agent/applications");
	private static final Pattern WORKBOOK_UPLOAD = Pattern.compile("/api/catalog/imports");

	private final long limit;
	private final long document;
	private final long workbook;

	RequestSizeLimit(@Value("${zhengpaopao.api.max-request-body:64KB}") DataSize limit,
			@Value("${zhengpaopao.documents.max-size:10MB}") DataSize document,
			@Value("${zhengpaopao.catalog.max-workbook-size:5MB}") DataSize workbook) {
		this.limit = limit.toBytes();
		this.document = document.toBytes();
		this.workbook = workbook.toBytes();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = path(request);
		return !(path.startsWith("/api/") || path.startsWith("/public/api/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// the file, not a JSON body sent to the same address (a licence number), may be large
		boolean multipart = request.getContentType() != null
				&& request.getContentType().toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
		long file = !multipart ? 0 : UPLOAD.matcher(path(request)).matches() ? document
				: WORKBOOK_UPLOAD.matcher(path(request)).matches() ? workbook : 0;
		long max = file + limit;
		String message = file > 0 ? fileTooLarge(file) : message();
		if (request.getContentLengthLong() > max) {
			Problems.write(response, HttpStatus.PAYLOAD_TOO_LARGE.value(), message);
			return;
		}
		chain.doFilter(new HttpServletRequestWrapper(request) {
			private ServletInputStream limited;

			@Override
			public ServletInputStream getInputStream() throws IOException {
				if (limited == null) {
					limited = new Limited(super.getInputStream(), max, message);
				}
				return limited;
			}
		}, response);
	}

	private static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

	private String message() {
		return "请求内容不能超过 " + limit / 1024 + " KB / The request body may not exceed " + limit / 1024 + " KB";
	}

	static String fileTooLarge(long maxBytes) {
		String size = maxBytes % (1024 * 1024) == 0 ? maxBytes / (1024 * 1024) + " MB" : maxBytes / 1024 + " KB";
		return "文件不能超过 " + size + " / The file may not exceed " + size;
	}

	/** Thrown while reading a body without a declared length; answered 413 by {@link ProblemDetailsAdvice}. */
	static class TooLargeException extends IOException {

		TooLargeException(String message) {
			super(message);
		}
	}

	private final class Limited extends ServletInputStream {

		private final ServletInputStream in;
		private final long max;
		private final String message;
		private long read;

		Limited(ServletInputStream in, long max, String message) {
			this.in = in;
			this.max = max;
			this.message = message;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws TooLargeException {
			read += n;
			if (read > max) {
				throw new TooLargeException(message);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}
	}
}
