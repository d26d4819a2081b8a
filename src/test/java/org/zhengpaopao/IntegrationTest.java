package org.zhengpaopao;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

/**
 * The whole application on a random port with an in-memory database and the demo users. Every integration test
 * uses exactly this, so that Spring starts the context once for the suite.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({ "demo", "test" })
// CatalogReviewStandIn: only while the application has no CatalogReview of its own (it then steps aside)
@Import({ TestNotifications.class, EngineClock.class, TestDataSharing.class, CatalogReviewStandIn.class })
public @interface IntegrationTest {
}
