package org.zhengpaopao;

import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * What a failed request must not change: every row of the application's tables and of Camunda's runtime tables
 * that say where a process stands, hashed in the database (H2, as every integration test uses), so that a test
 * can compare the state before and after each request of a long corpus quickly. A row of the application is
 * hashed whole; a Camunda runtime row by its id and revision, which Camunda counts up in every update.
 * <p>
 * Left out on purpose, and nothing else: Flyway's history (changes only when the schema does) and the public
 * pages' lock-out counters ({@code *PUBLIC_ATTEMPT*}), which count failed requests by design. Camunda's other
 * tables (deployments, identities, history details, metrics) are not the application's state.
 */
public final class DatabaseFingerprint implements AutoCloseable {

	/** Camunda's tables that hold where each process instance stands, its tasks, variables, timers and history. */
	public static final List<String> CAMUNDA_TABLES = List.of("ACT_RU_EXECUTION", "ACT_RU_TASK", "ACT_RU_VARIABLE",
			"ACT_RU_JOB", "ACT_HI_PROCINST");

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final ThreadPoolTaskExecutor notificationThreads;
	private final Map<String, PreparedStatement> statements = new HashMap<>();
	private Map<String, List<String>> columnsByTable;
	private Connection connection;

	public DatabaseFingerprint(JdbcTemplate jdbc, ThreadPoolTaskExecutor notificationThreads) {
		this.jdbc = jdbc;
		this.dataSource = jdbc.getDataSource();
		this.notificationThreads = notificationThreads;
	}

	static boolean excluded(String table) {
		String name = table.toUpperCase(Locale.ROOT);
		return name.equals("FLYWAY_SCHEMA_HISTORY") || name.contains("PUBLIC_ATTEMPT");
	}

	/** The tables hashed, with their columns, read once from INFORMATION_SCHEMA. */
	public synchronized Map<String, List<String>> tables() {
		if (columnsByTable == null) {
			Map<String, List<String>> columns = new TreeMap<>();
			jdbc.query("select c.table_name, c.column_name from information_schema.columns c "
					+ "join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name "
					+ "where t.table_schema = 'PUBLIC' and t.table_type = 'BASE TABLE' order by c.table_name, c.ordinal_position",
					row -> {
						String table = row.getString(1);
						boolean application = !table.toUpperCase(Locale.ROOT).startsWith("ACT_");
						if ((application || CAMUNDA_TABLES.contains(table.toUpperCase(Locale.ROOT))) && !excluded(table)) {
							columns.computeIfAbsent(table, t -> new ArrayList<>()).add(row.getString(2));
						}
					});
			columnsByTable = columns;
		}
		return columnsByTable;
	}

	/**
	 * Waits until the notification threads have delivered what earlier requests committed (they update their
	 * outbox rows after the request has been answered), then hashes every table.
	 *
	 * @param mayChange columns ({@code TABLE.COLUMN}) left out of the hash, for a request that counts failures by
	 *                  design
	 */
	public Snapshot take(Set<String> mayChange) {
		awaitQuiet();
		Map<String, String> sums = new LinkedHashMap<>();
		try {
			for (String table : tables().keySet()) {
				try (ResultSet sum = statement(table, mayChange).executeQuery()) {
					sum.next();
					sums.put(table, sum.getLong(1) + " rows #" + sum.getString(2) + "/" + sum.getString(3));
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		return new Snapshot(sums);
	}

	/**
	 * One prepared statement per table on a connection of its own: H2 answers a statement again from its last
	 * result while the table has not changed, so that only the tables a request touched are read again.
	 */
	private PreparedStatement statement(String table, Set<String> mayChange) throws SQLException {
		if (connection == null) {
			connection = dataSource.getConnection();
			connection.setAutoCommit(true);
		}
		String key = table + mayChange;
		PreparedStatement statement = statements.get(key);
		if (statement == null) {
			List<String> columns = tables().get(table);
			// Camunda counts REV_ up in every update of a runtime row (its optimistic lock): id and revision say it all
			boolean revised = columns.contains("ID_") && columns.contains("REV_");
			String row = columns.stream()
				.filter(column -> !revised || column.equals("ID_") || column.equals("REV_"))
				.filter(column -> !mayChange.contains(table + "." + column))
				.map(column -> "coalesce(cast(\"" + column + "\" as varchar), '<null>')")
				.collect(Collectors.joining(", ", "concat_ws('|', ", ")"));
			statement = connection.prepareStatement("select count(*), coalesce(sum(ora_hash(r, 4294967295, 1)), 0), "
					+ "coalesce(sum(ora_hash(r, 4294967295, 2)), 0) from (select " + row + " as r from \"" + table + "\")");
			statements.put(key, statement);
		}
		return statement;
	}

	/** Gives the connection back to the pool. */
	@Override
	public void close() {
		try {
			if (connection != null) {
				connection.close();
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	public Snapshot take() {
		return take(Set.of());
	}

	/** Nothing in flight: the notification threads are idle and their queue is empty. */
	public void awaitQuiet() {
		await("notifications delivered").atMost(Duration.ofSeconds(10))
			.pollDelay(Duration.ZERO)
			.pollInterval(Duration.ofMillis(2))
			.until(() -> notificationThreads.getActiveCount() == 0
					&& notificationThreads.getThreadPoolExecutor().getQueue().isEmpty());
	}

	/** Per table: its row count and two sums of row hashes. */
	public record Snapshot(Map<String, String> tables) {

		/** The tables whose rows differ, with both states; empty when nothing changed. */
		public String differencesTo(Snapshot after) {
			return tables.keySet()
				.stream()
				.filter(table -> !tables.get(table).equals(after.tables().get(table)))
				.map(table -> table + ": " + tables.get(table) + " → " + after.tables().get(table))
				.collect(Collectors.joining("; "));
		}
	}
}
