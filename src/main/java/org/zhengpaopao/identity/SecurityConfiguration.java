package org.zhengpaopao.identity;

import java.io.IOException;
import java.util.List;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.zhengpaopao.engine.EngineApiProviders;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.OrRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Four doors: {@code /api} for staff (HTTP Basic with their Camunda account; for reading also the webapp session
 * a Cockpit plugin runs in), the operations endpoints (metrics, API docs, Swagger UI) for managers and admins
 * the same way, {@code /engine-rest} guarded by Camunda's own authentication filter so that its authorization
 * checks apply to the caller, and everything else (webapps with their own login, public pages, health) open at
 * this layer.
 * <p>
 * CSRF: the webapps carry Camunda's synchronizer token ({@code X-XSRF-TOKEN}); on {@code /api} a cookie never
 * authorizes a change (the webapp session only reads, see {@link WebappSessionAuthentication}), so there is no token
 * to forge; and a change a browser marks as sent by another site is refused everywhere
 * ({@link CrossSiteRequestRefusal}), since a browser also replays HTTP Basic credentials it has cached. Every answer
 * carries {@code nosniff}, a referrer policy, frame options and, being personal data, {@code no-store} (Spring
 * Security's defaults unless a controller says otherwise); our own pages a strict Content-Security-Policy.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

	/** Our pages: scripts and styles from their own files only (no inline code), framed by no one. */
	static final String OWN_PAGES_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

	static final RequestMatcher OWN_PAGES = new OrRequestMatcher(path("/public/**"), path("/kpi/**"), path("/window/**"),
			path("/catalog/**"), path("/agent/**"));

	/** Swagger UI's scripts are files too, but its components set style attributes. */
	static final String SWAGGER_UI_POLICY = OWN_PAGES_POLICY.replace("style-src 'self'",
			"style-src 'self' 'unsafe-inline'");

	static final RequestMatcher SWAGGER_UI = new OrRequestMatcher(path("/swagger-ui.html"), path("/swagger-ui/**"));

	/**
	 * What tells about the inside (metrics, the environment of the actuator, every API path and parameter): for
	 * those who run the system, in every profile (docs/adr/0004-production-exposure.md).
	 */
	static final RequestMatcher OPERATIONS = new OrRequestMatcher(path("/actuator/**"), path("/v3/api-docs/**"),
			SWAGGER_UI);

	/** Load balancers, container health checks and probes ask without an account. */
	static final RequestMatcher OPEN_OPERATIONS = new OrRequestMatcher(path("/actuator/health"),
			path("/actuator/health/**"), path("/actuator/info"));

	/** Camunda's webapps send their own Content-Security-Policy (camunda.bpm.webapp.header-security). */
	static final RequestMatcher CAMUNDA_WEBAPPS = path("/camunda/**");

	@Bean
	CamundaIdentityAuthenticationProvider camundaIdentityAuthenticationProvider(IdentityService identityService) {
		return new CamundaIdentityAuthenticationProvider(identityService);
	}

	@Bean
	@Order(1)
	SecurityFilterChain staffApi(HttpSecurity http, ProcessEngine processEngine) throws Exception {
		return http.securityMatcher("/api/**")
			.authorizeHttpRequests(requests -> requests
				// who is logged in: the staff pages ask before they know (nobody is an answer, not a 401)
				.requestMatchers(HttpMethod.GET, "/api/session")
				.permitAll()
				.requestMatchers(HttpMethod.POST, "/api/proxy-runs")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.WINDOW, CamundaIdentityAuthenticationProvider.ADMIN)
				// who saw an applicant's full identity: for those who supervise, not for those who work the case
				.requestMatchers("/api/personal-data-views/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.MANAGER, CamundaIdentityAuthenticationProvider.ADMIN)
				// the issuing clerks attach the certificate; which clerks, and whether the task is open, the controller checks
				.requestMatchers(HttpMethod.POST, "/api/proxy-runs/*/certificate")
				.hasAuthority(CamundaIdentityAuthenticationProvider.CLERK)
				.requestMatchers("/api/proxy-runs/*/applicant")
				.hasAuthority(CamundaIdentityAuthenticationProvider.CLERK)
				// the runner holding 补充材料 calls the applicant; which runner, the controller checks
				.requestMatchers("/api/proxy-runs/*/applicant-phone")
				.hasAuthority(CamundaIdentityAuthenticationProvider.RUNNER)
				// the window's pages: its desk, plans and receipts
				.requestMatchers("/api/window/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.WINDOW, CamundaIdentityAuthenticationProvider.ADMIN)
				// the village agents' page: which villages are the agent's, the controller checks
				.requestMatchers("/api/agent/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.AGENT, CamundaIdentityAuthenticationProvider.ADMIN)
				.requestMatchers(HttpMethod.POST, "/api/applications")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.WINDOW, CamundaIdentityAuthenticationProvider.ADMIN)
				// a case holds the applicant's personal data: the window, those who supervise, and admins
				.requestMatchers("/api/applications/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.WINDOW, CamundaIdentityAuthenticationProvider.MANAGER,
						CamundaIdentityAuthenticationProvider.TASK_FORCE, CamundaIdentityAuthenticationProvider.ADMIN)
				// every member of staff reads the catalog (proposals: the controller shows a maintainer their own, all
				// to 跑改办, 县司法局 and admins); only its maintainers propose changes, which the county reviews
				.requestMatchers(HttpMethod.GET, "/api/catalog/**")
				.authenticated()
				.requestMatchers("/api/catalog/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.CATALOG_MAINTAINER,
						CamundaIdentityAuthenticationProvider.ADMIN)
				// coverage of the 县乡村三级代跑服务圈: 跑改办、督考办 (managers) and admins
				.requestMatchers("/api/coverage")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.MANAGER, CamundaIdentityAuthenticationProvider.ADMIN)
				// citizens' reports of demanded certificates and their supervision: the reform office (managers)
				.requestMatchers("/api/demand-reports/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.MANAGER, CamundaIdentityAuthenticationProvider.ADMIN)
				.requestMatchers("/api/notifications/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.MANAGER, CamundaIdentityAuthenticationProvider.ADMIN)
				// 督考办 and 工作专班 watch overdue runs (the Cockpit plugin 「超期代跑」)
				.requestMatchers("/api/supervision/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.MANAGER,
						CamundaIdentityAuthenticationProvider.TASK_FORCE, CamundaIdentityAuthenticationProvider.ADMIN)
				// KPIs, the dashboard's data and the monthly report: 跑改办、督考办 (managers) and admins
				// moving running cases to a new process version: those who deploy the models, and admins
				.requestMatchers("/api/process-versions/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.DESIGNER, CamundaIdentityAuthenticationProvider.ADMIN)
				.requestMatchers("/api/kpi/**")
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.MANAGER, CamundaIdentityAuthenticationProvider.ADMIN)
				.anyRequest()
				.authenticated())
			// not a bean, or Spring Boot would also register it as a servlet filter for every path
			.addFilterBefore(new WebappSessionAuthentication(processEngine.getName()), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::authenticationRequired))
			.exceptionHandling(handling -> handling.accessDeniedHandler(SecurityConfiguration::forbidden))
			.csrf(csrf -> csrf.disable())
			.addFilterAt(new CrossSiteRequestRefusal(), CsrfFilter.class)
			.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			// the session is the webapps': never create one, and never rotate its id (fixation protection would,
			// on every call, and leave Cockpit's parallel requests on a dead id); the webapp login rotates it
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
				.sessionFixation(fixation -> fixation.none()))
			.build();
	}

	/**
	 * Metrics, the actuator's other endpoints and the API description: a manager's or admin's staff login, as on
	 * {@code /api}; Prometheus scrapes with such an account over HTTP Basic. Health and info stay open.
	 */
	@Bean
	@Order(2)
	SecurityFilterChain operations(HttpSecurity http, ProcessEngine processEngine) throws Exception {
		return pageHeaders(http.securityMatcher(OPERATIONS)
			.authorizeHttpRequests(requests -> requests.requestMatchers(OPEN_OPERATIONS)
				.permitAll()
				.anyRequest()
				.hasAnyAuthority(CamundaIdentityAuthenticationProvider.MANAGER, CamundaIdentityAuthenticationProvider.ADMIN))
			// a manager logged into Cockpit opens Swagger UI without a second login (reading only)
			.addFilterBefore(new WebappSessionAuthentication(processEngine.getName()), BasicAuthenticationFilter.class)
			.httpBasic(basic -> basic.authenticationEntryPoint(SecurityConfiguration::authenticationRequired))
			.exceptionHandling(handling -> handling.accessDeniedHandler(SecurityConfiguration::forbidden))
			.csrf(csrf -> csrf.disable())
			.addFilterAt(new CrossSiteRequestRefusal(), CsrfFilter.class)
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS)
				.sessionFixation(fixation -> fixation.none())))
			.build();
	}

	/** Both engine REST doors answer only what is on the allow-list, and a claimed task stays its holder's. */
	@Bean
	EngineApiProviders engineAccessGuard() {
		return new EngineApiProviders(List.of(EngineAccessGuard.class));
	}

	@Bean
	@Order(3)
	SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
		// The Camunda webapps bring their own login and CSRF protection; public pages need none.
		return pageHeaders(http.securityMatcher("/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(csrf -> csrf.disable())
			.addFilterAt(new CrossSiteRequestRefusal(), CsrfFilter.class))
			.build();
	}

	private static HttpSecurity pageHeaders(HttpSecurity http) throws Exception {
		return http.headers(headers -> headers.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
			// nothing of ours is framed; the webapps keep the same-origin framing they always had
			.frameOptions(frame -> frame.disable())
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(CAMUNDA_WEBAPPS,
					new XFrameOptionsHeaderWriter(XFrameOptionsMode.SAMEORIGIN)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(CAMUNDA_WEBAPPS),
					new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(OWN_PAGES,
					new ContentSecurityPolicyHeaderWriter(OWN_PAGES_POLICY)))
			.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(SWAGGER_UI,
					new ContentSecurityPolicyHeaderWriter(SWAGGER_UI_POLICY))));
	}

	private static void authenticationRequired(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException e) throws IOException {
		response.setHeader("WWW-Authenticate", "Basic realm=\"zhengpaopao\"");
		problem(response, HttpStatus.UNAUTHORIZED, "需要登录 / Authentication required",
				"请使用证跑跑员工账号登录 / Log in with your staff account");
	}

	private static void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
			throws IOException {
		problem(response, HttpStatus.FORBIDDEN, "无权操作 / Forbidden", "您的岗位无权进行此操作 / Your role may not do this");
	}

	@Bean
	FilterRegistrationBean<ProcessEngineAuthenticationFilter> engineRestAuthentication() {
		var registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
		registration.setName("camunda-auth");
		registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
		registration.addUrlPatterns("/engine-rest/*");
		return registration;
	}

	private static RequestMatcher path(String pattern) {
		return PathPatternRequestMatcher.withDefaults().matcher(pattern);
	}

	static void problem(HttpServletResponse response, HttpStatus status, String title, String detail)
			throws IOException {
		response.setStatus(status.value());
		response.setCharacterEncoding("UTF-8");
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\"}");
	}
}
