package org.zhengpaopao.web;

import java.io.IOException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * While the database cannot be reached, every request that needs it (logging in included) answers 503 with a
 * problem detail a clerk understands, instead of a 500: nothing was changed, and the same request will work once
 * the database is back. Outermost, so that it also sees failures of the login itself.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseOutageFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

	private static final int ER_SERVER_SHUTDOWN = 1053;

	private static final int ER_CONNECTION_KILLED = 1927;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		catch (ServletException | RuntimeException e) {
			if (!databaseUnreachable(e) || response.isCommitted()) {
				throw e;
			}
			log.warn("数据库不可用，请求 {} {} 返回 503 / database unreachable: {}", request.getMethod(),
					request.getRequestURI(), rootMessage(e));
			response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
			response.setHeader(HttpHeaders.RETRY_AFTER, "30");
			response.setContentType("application/problem+json;charset=UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"status\":503,\"title\":\"系统暂时不可用 / Temporarily unavailable\","
						+ "\"detail\":\"数据库暂时无法连接，本次操作未执行，请稍后重试 / The database cannot be reached; "
						+ "nothing was changed, try again shortly\"}");
		}
	}

	/**
	 * MySQL Connector/J reports a server that went away mid-request as a recoverable exception (a broken socket),
	 * or, for the connections the stopping server killed, as error 1927 or 1053; a pool that cannot connect
	 * as a transient connection exception. All mean: nothing was done, try again.
	 */
	static boolean databaseUnreachable(Throwable e) {
		for (Throwable cause = e; cause != null; cause = cause.getCause()) {
			if (cause instanceof CannotCreateTransactionException || cause instanceof DataAccessResourceFailureException
					|| cause instanceof SQLTransientConnectionException
					|| cause instanceof SQLNonTransientConnectionException || cause instanceof SQLRecoverableException
					|| cause instanceof java.net.ConnectException) {
				return true;
			}
			if (cause instanceof SQLException sql && (connectionState(sql.getSQLState())
					|| sql.getErrorCode() == ER_CONNECTION_KILLED || sql.getErrorCode() == ER_SERVER_SHUTDOWN)) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}

	private static boolean connectionState(String sqlState) {
		return sqlState != null && sqlState.startsWith("08");
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
