package org.zhengpaopao.absence;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AbsenceRepository extends JpaRepository<Absence, Long> {

	/** The person's absences whose last day is {@code day} or later (ended early or not). */
	List<Absence> findByUserIdAndToGreaterThanEqualOrderByFromAsc(String userId, LocalDate day);

	/** Absences whose last day is {@code day} or later, for everybody. */
	List<Absence> findByToGreaterThanEqualOrderByFromAscUserIdAsc(LocalDate day);

	/** Started by {@code today}, not over, not yet applied: their tasks still have to move. */
	@Query("select a.id from Absence a where a.appliedAt is null and a.endedAt is null and a.from <= :today "
			+ "and a.to >= :today order by a.from, a.id")
	List<Long> findStartedUnapplied(LocalDate today);

	/**
	 * Marks the absence applied unless another node (or call) did: 1 when this caller won and must move the tasks,
	 * 0 when it must not.
	 */
	@Modifying(clearAutomatically = true, flushAutomatically = true)
	@Query("update Absence a set a.appliedAt = :now, a.version = a.version + 1 where a.id = :id and a.appliedAt is null")
	int claimStart(Long id, Instant now);
}
