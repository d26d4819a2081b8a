package org.zhengpaopao.bench;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scale for W3 without running 100,000 cases through the engine: copies of rows that real runs wrote, made with
 * INSERT … SELECT over MariaDB's sequence tables ({@code seq_1_to_N}). Every column is copied from a template row
 * except those given, so the copies have the shape, indexes and foreign keys of real rows.
 */
final class BulkLoad {

	private final JdbcTemplate jdbc;

	BulkLoad(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	List<String> columns(String table) {
		return jdbc.queryForList("select column_name from information_schema.columns where table_schema = database()"
				+ " and table_name = ? order by ordinal_position", String.class, table);
	}

	/**
	 * For each template row ({@code t}, chosen by {@code where}) and each {@code s.seq} in 1..copies, one new row;
	 * {@code replaced} gives SQL expressions (by upper-case column name) over {@code t} and {@code s} for the columns that must differ.
	 */
	int copy(String table, String where, int copies, Map<String, String> replaced) {
		List<String> columns = columns(table);
		String select = columns.stream()
			.map(c -> replaced.getOrDefault(c.toUpperCase(), "t." + c))
			.collect(Collectors.joining(", "));
		return jdbc.update("insert into " + table + " (" + String.join(", ", columns) + ") select " + select + " from "
				+ table + " t join seq_1_to_" + copies + " s where " + where);
	}

	long count(String sql, Object... args) {
		Long count = jdbc.queryForObject(sql, Long.class, args);
		return count == null ? 0 : count;
	}
}
