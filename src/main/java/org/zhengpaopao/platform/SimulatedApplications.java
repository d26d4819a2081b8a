package org.zhengpaopao.platform;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.system.CountyTime;

/**
 * What the platform simulator sent to the county and the latest status the county pushed back, one row per platform
 * application id ({@code SIM-<date>-<random>}). Each change is committed on its own: a callback may come before the
 * county's answer to the post is read.
 */
class SimulatedApplications {

	private final JdbcClient jdbc;
	private final Clock clock;

	SimulatedApplications(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** A new platform id, its row committed before the county hears of it. */
	@Transactional
	public String open(long verificationId, String matterCode) {
		String platformId = "SIM-" + LocalDate.now(clock.withZone(CountyTime.ZONE)).toString().replace("-", "") + "-"
				+ SimulatedCounty.nonce().substring(0, 8).toUpperCase().replace('_', 'X').replace('-', 'Y');
		jdbc.sql("insert into zpp_platform_sim_application (platform_id, verification_id, matter_code, submitted_at) "
				+ "values (:id, :verification, :matter, :now)")
			.param("id", platformId)
			.param("verification", verificationId)
			.param("matter", matterCode)
			.param("now", Timestamp.from(clock.instant()))
			.update();
		return platformId;
	}

	/** The county took it: its case number and, unless a callback was faster, the status it answered with. */
	@Transactional
	public void taken(String platformId, String caseNo, String status, String statusName) {
		jdbc.sql("update zpp_platform_sim_application set case_no = :caseNo, "
				+ "status = coalesce(status, :status), status_name = coalesce(status_name, :statusName), "
				+ "status_at = coalesce(status_at, :now) where platform_id = :id")
			.param("caseNo", caseNo)
			.param("status", status)
			.param("statusName", statusName)
			.param("now", Timestamp.from(clock.instant()))
			.param("id", platformId)
			.update();
	}

	/** The county refused it or could not be reached: nothing to follow. */
	@Transactional
	public void refused(String platformId) {
		jdbc.sql("delete from zpp_platform_sim_application where platform_id = :id").param("id", platformId).update();
	}

	/**
	 * A status the county pushed: kept unless a later one is already stored.
	 *
	 * @return whether the platform id is one of ours
	 */
	@Transactional
	public boolean status(Status status) {
		Timestamp at = Timestamp.from(status.at() == null ? clock.instant() : status.at());
		int known = jdbc.sql("select count(*) from zpp_platform_sim_application where platform_id = :id")
			.param("id", status.platformId())
			.query(Integer.class)
			.single();
		if (known == 0) {
			return false;
		}
		jdbc.sql("update zpp_platform_sim_application set case_no = coalesce(:caseNo, case_no), status = :status, "
				+ "status_name = :statusName, decision = :decision, reason = :reason, licence_number = :licence, "
				+ "status_at = :at where platform_id = :id and (status_at is null or status_at <= :at)")
			.param("caseNo", status.caseNo())
			.param("status", status.status())
			.param("statusName", status.statusName())
			.param("decision", status.decision())
			.param("reason", status.reason())
			.param("licence", status.licenceNumber())
			.param("at", at)
			.param("id", status.platformId())
			.update();
		return true;
	}

	/** An application of the phone confirmed as {@code verificationId}, no other's. */
	@Transactional(readOnly = true)
	public Optional<Status> find(String platformId, long verificationId) {
		return jdbc.sql("select platform_id, case_no, status, status_name, decision, reason, licence_number, status_at, "
				+ "matter_code from zpp_platform_sim_application where platform_id = :id and verification_id = :verification")
			.param("id", platformId)
			.param("verification", verificationId)
			.query((rs, n) -> new Status(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getString(7),
					rs.getTimestamp(8) == null ? null : rs.getTimestamp(8).toInstant(), rs.getString(9)))
			.optional();
	}

	/** An application's latest status as the county told it. */
	record Status(String platformId, String caseNo, String status, String statusName, String decision, String reason,
			String licenceNumber, Instant at, String matterCode) {
	}
}
