package org.zhengpaopao;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on the real-database suite's server ({@link MariaDb}) with the {@code mysql} profile. A
 * test class of the H2 suite runs again on MySQL-family by extending it with this annotation; all such classes
 * share one context. Its engine has a name of its own: Camunda's REST API and webapps find engines by name in a
 * registry shared by the whole JVM, so a second "default" would take over the H2 suite's Tasklist and engine API.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "camunda.bpm.process-engine-name=mariadb")
@ActiveProfiles({ "demo", "test", "mysql" })
@Import({ TestNotifications.class, EngineClock.class, TestDataSharing.class })
@ContextConfiguration(initializers = MariaDb.Initializer.class)
public @interface MariaDbTest {
}
