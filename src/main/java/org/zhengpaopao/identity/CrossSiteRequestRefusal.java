package org.zhengpaopao.identity;

import java.io.IOException;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses a state-changing request that the browser itself marks as sent by another site ({@code Sec-Fetch-Site},
 * Fetch Metadata), whatever it carries. A browser replays HTTP Basic credentials it has once been given for this
 * site as readily as cookies, so a forged form post to {@code /api} or {@code /engine-rest} could otherwise ride on
 * them. Clients that are not browsers (curl, other systems) send no such header and pass; our own pages and the
 * webapps send {@code same-origin}.
 */
class CrossSiteRequestRefusal extends OncePerRequestFilter {

	static final String FETCH_SITE = "Sec-Fetch-Site";

	// "none": typed into the address bar or opened from a bookmark, not sent by any page
	private static final Set<String> OWN = Set.of("same-origin", "none");
	private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String site = request.getHeader(FETCH_SITE);
		if (site != null && !OWN.contains(site.toLowerCase()) && !SAFE_METHODS.contains(request.getMethod())) {
			SecurityConfiguration.problem(response, HttpStatus.FORBIDDEN, "拒绝跨站请求 / Cross-site request refused",
					"其他网站发起的修改请求一律拒绝 / Requests from another site may not change anything here");
			return;
		}
		chain.doFilter(request, response);
	}
}
