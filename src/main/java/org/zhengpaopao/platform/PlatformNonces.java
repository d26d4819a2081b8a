package org.zhengpaopao.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The nonces of the platform's signed requests, one row per app key and nonce: the primary key refuses the second
 * use on every node of the cluster. A nonce is kept until its request's timestamp is out of the clock-skew window
 * (then the timestamp alone refuses a replay); the rows past that are deleted on each node's hourly sweep.
 */
@Component
class PlatformNonces {

	private final JdbcTemplate jdbc;
	private final TransactionTemplate ownTransaction;
	private final Clock clock;

	PlatformNonces(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
		this.jdbc = jdbc;
		this.ownTransaction = new TransactionTemplate(transactionManager);
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.clock = clock;
	}

	/**
	 * Records the nonce in a transaction of its own, committed before the request is handled: a request that fails
	 * later has still used its nonce (the platform signs its retry afresh).
	 *
	 * @return false when the app key used this nonce already
	 */
	boolean firstUse(String appKey, String nonce, Instant expiresAt) {
		try {
			ownTransaction.executeWithoutResult(status -> jdbc.update(
					"insert into zpp_platform_nonce (app_key, nonce, expires_at) values (?, ?, ?)", appKey, nonce,
					Timestamp.from(expiresAt)));
			return true;
		}
		catch (DuplicateKeyException e) {
			return false;
		}
	}

	@Scheduled(fixedDelayString = "${zhengpaopao.platform.nonce-purge-interval:PT1H}",
			initialDelayString = "${zhengpaopao.platform.nonce-purge-interval:PT1H}")
	void purge() {
		purge(clock.instant());
	}

	int purge(Instant now) {
		return jdbc.update("delete from zpp_platform_nonce where expires_at < ?", Timestamp.from(now));
	}
}
