package org.zhengpaopao.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What one run sends to the database: every statement of a few runs, caught by the server's general log, with its
 * literals made into {@code ?}, counted and divided by the runs. The profile's database half: which statements a
 * change removed, and which are left.
 */
final class StatementCensus {

	private final JdbcTemplate jdbc;

	StatementCensus(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	Map<String, Object> perRun(int runs, Callable<?> work) throws Exception {
		List<String> statements = logged(jdbc, work);
		Map<String, Long> byText = statements.stream()
			.collect(Collectors.groupingBy(StatementCensus::shape, Collectors.counting()));
		Map<String, Long> byVerb = statements.stream()
			.collect(Collectors.groupingBy(s -> verb(s), TreeMap::new, Collectors.counting()));
		Function<Long, Double> perRun = n -> Latencies.round(n / (double) runs);
		Map<String, Object> census = new LinkedHashMap<>();
		census.put("runs", runs);
		census.put("logRowsByCommand", jdbc.queryForList("select command_type, count(*) n from mysql.general_log group by 1"));
		census.put("total", perRun.apply((long) statements.size()));
		census.put("kilobytesPerRun", Latencies.round(
				statements.stream().mapToLong(String::length).sum() / 1024.0 / runs));
		census.put("longestStatementChars", statements.stream().mapToInt(String::length).max().orElse(0));
		census.put("byVerb", byVerb.entrySet().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, e -> perRun.apply(e.getValue()), (a, b) -> a, TreeMap::new)));
		census.put("mostFrequent", byText.entrySet().stream()
			.sorted(Map.Entry.<String, Long>comparingByValue().reversed())
			.limit(40)
			.map(e -> Map.of("perRun", perRun.apply(e.getValue()), "sql", e.getKey()))
			.toList());
		return census;
	}

	/** The statements the server ran while {@code work} ran, in order, from its general log. */
	static List<String> logged(JdbcTemplate jdbc, Callable<?> work) throws Exception {
		jdbc.execute("set global log_output = 'TABLE'");
		jdbc.execute("truncate table mysql.general_log");
		jdbc.execute("set global general_log = 1");
		try {
			work.call();
		}
		finally {
			jdbc.execute("set global general_log = 0");
		}
		return jdbc.queryForList("select convert(argument using utf8mb4) from mysql.general_log"
				+ " where command_type in ('Query', 'Execute') and argument not like 'set global general_log%'"
				+ " order by event_time", String.class);
	}

	private static String verb(String sql) {
		String trimmed = sql.stripLeading().toLowerCase();
		int space = trimmed.indexOf(' ');
		return space < 0 ? trimmed : trimmed.substring(0, space);
	}

	/** Literals out, whitespace folded, cut short: statements that differ only in their values count as one. */
	static String shape(String sql) {
		String shape = sql.replaceAll("'(?:[^'\\\\]|\\\\.|'')*'", "?")
			.replaceAll("\\b\\d+(\\.\\d+)?\\b", "?")
			.replaceAll("\\s+", " ")
			.replaceAll("\\(\\s*\\?(\\s*,\\s*\\?)+\\s*\\)", "(?…)")
			.strip();
		return shape.length() > 220 ? shape.substring(0, 220) + "…" : shape;
	}
}
