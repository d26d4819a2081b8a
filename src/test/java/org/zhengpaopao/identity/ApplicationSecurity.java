package org.zhengpaopao.identity;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

/**
 * For a {@code @WebMvcTest} slice: the application's own security chains ({@link SecurityConfiguration}: who may
 * call what under {@code /api}, 401 and 403 as bilingual problem details, no CSRF token on the API), so that a slice
 * test sends its requests through the same doors as a client. What the chains take from the engine is mocked: the
 * {@link ProcessEngine} only names the webapp session they read (a request of {@code @WithMockUser} has none), and
 * the {@link IdentityService} checks HTTP Basic passwords, which such a request does not send. {@link LoginThrottle},
 * a servlet filter every slice picks up, gets a mocked {@link LoginFailures} for the same reason: a request without
 * a password passes it untouched. No engine, no database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Import(SecurityConfiguration.class)
@MockitoBean(types = { ProcessEngine.class, IdentityService.class, LoginFailures.class })
public @interface ApplicationSecurity {
}
