package org.zhengpaopao.identity;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * Lets a Cockpit or Tasklist plugin and our own staff pages use the application API as the user logged into the
 * webapps: the browser sends the webapp's session cookie, not HTTP Basic. GET and HEAD without an Authorization
 * header; a change only where {@link #CHANGES_FROM_PAGES} lists it and only with the session's
 * {@link StaffPageToken}, so a forged cross-site request cannot ride on the session. Anything else that changes
 * state still needs Basic. The roles are the ones HTTP Basic would give the same groups.
 */
class WebappSessionAuthentication extends OncePerRequestFilter {

	private final String processEngineName;
	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	WebappSessionAuthentication(String processEngineName) {
		this.processEngineName = processEngineName;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getHeader(HttpHeaders.AUTHORIZATION) == null && contexts.getContext().getAuthentication() == null
				&& (isSafe(request) || isChangeFromPage(request))) {
			UserAuthentication user = webappUser(request);
			if (user != null) {
				List<String> groupIds = user.getGroupIds() == null ? List.of() : user.getGroupIds();
				SecurityContext context = contexts.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user.getIdentityId(), null,
						CamundaIdentityAuthenticationProvider.authoritiesOf(groupIds)));
				contexts.setContext(context);
			}
		}
		chain.doFilter(request, response);
	}

	/**
	 * What the staff pages send: the window opens a proxy-run and takes an application; the issuing clerk attaches
	 * the certificate from Tasklist's 「证明文件」 tab; the catalog maintainer uploads a catalog workbook on
	 * {@code /catalog/} and confirms or drops its import; the village agent takes a villager's request (with the
	 * photographed authorization), enters the villager's code and records the result handed back. Nothing else.
	 */
	static final List<String> CHANGES_FROM_PAGES = List.of("POST /api/proxy-runs", "POST /api/applications",
			"POST /api/proxy-runs/*/certificate", "POST /api/catalog/imports", "POST /api/catalog/imports/*/confirmation",
			"DELETE /api/catalog/imports/*", "POST /api/agent/proxy-runs", "POST /api/agent/applications",
			"POST /api/agent/authorizations/*", "POST /api/agent/cases/*/handed-back");

	private static final AntPathMatcher PATHS = new AntPathMatcher();

	private static boolean isChangeFromPage(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		String change = request.getMethod() + " " + request.getRequestURI();
		return session != null && CHANGES_FROM_PAGES.stream().anyMatch(allowed -> PATHS.match(allowed, change))
				&& StaffPageToken.echoed(request, session);
	}

	private static boolean isSafe(HttpServletRequest request) {
		return HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
	}

	private UserAuthentication webappUser(HttpServletRequest request) {
		// never open a session here: no session, no webapp login
		HttpSession session = request.getSession(false);
		if (session == null) {
			return null;
		}
		var authentication = AuthenticationUtil.getAuthsFromSession(session)
			.getAuthenticationForProcessEngine(processEngineName);
		return authentication instanceof UserAuthentication user ? user : null;
	}
}
