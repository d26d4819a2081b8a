package org.zhengpaopao.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;

import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.junit.jupiter.api.Test;

/** What the MySQL driver throws while the server stops, as the engine hands it on, counts as an outage. */
class DatabaseOutageFilterTests {

	@Test
	void shouldCountABrokenSocketUnderTheEngineAsAnOutage() {
		var broken = new SQLRecoverableException("Communications link failure", "08S01", 0, new EOFException());
		assertThat(DatabaseOutageFilter.databaseUnreachable(engineWrapped(broken))).isTrue();
	}

	@Test
	void shouldCountAConnectionTheStoppingServerKilledAsAnOutage() {
		assertThat(DatabaseOutageFilter.databaseUnreachable(engineWrapped(new SQLException("Connection was killed",
				"70100", 1927)))).isTrue();
		assertThat(DatabaseOutageFilter.databaseUnreachable(engineWrapped(new SQLException(
				"Server shutdown in progress", "HY000", 1053)))).isTrue();
	}

	@Test
	void shouldNotCountAnOrdinaryStatementErrorAsAnOutage() {
		assertThat(DatabaseOutageFilter.databaseUnreachable(engineWrapped(new SQLException(
				"Duplicate entry 'DP1' for key 'uk_case_no'", "23000", 1062)))).isFalse();
		assertThat(DatabaseOutageFilter.databaseUnreachable(new IllegalStateException("no"))).isFalse();
	}

	private static RuntimeException engineWrapped(SQLException sql) {
		return new ProcessEngineException("ENGINE-03083 Exception while executing Batch Database Operations",
				new PersistenceException("### Error querying database", sql));
	}
}
