package org.zhengpaopao.proxyrun;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;
import org.zhengpaopao.system.NotFoundException;

import jakarta.persistence.LockModeType;

interface ProxyRunRepository extends JpaRepository<ProxyRun, Long>, JpaSpecificationExecutor<ProxyRun> {

	Optional<ProxyRun> findByCaseNo(String caseNo);

	/** Runs opened on their own (not for an application) at these windows since {@code from}, newest first. */
	List<ProxyRun> findByUsingDepartmentCodeInAndApplicationCaseNoIsNullAndCreatedAtGreaterThanEqualOrderByCreatedAtDesc(
			Collection<String> departments, java.time.Instant from);

	/** Runs taken in through this channel with one of these references (an agent's: the villages), newest first. */
	List<ProxyRun> findByIntakeChannelAndIntakeReferenceInOrderByCreatedAtDesc(String intakeChannel,
			Collection<String> references);

	/** The run, or a 404 naming the case number. */
	default ProxyRun require(String caseNo) {
		return findByCaseNo(caseNo)
			.orElseThrow(() -> new NotFoundException("没有这个代跑办件：" + caseNo, "no proxy-run " + caseNo));
	}

	/** the runs with these case numbers, steps fetched */
	@EntityGraph(attributePaths = "steps")
	@Query("select distinct r from ProxyRun r where r.caseNo in :caseNos")
	List<ProxyRun> findWithStepsByCaseNoIn(@Param("caseNos") Collection<String> caseNos);

	/**
	 * The run with its row locked to the end of the transaction: parallel confirmations of one run queue up and each
	 * is counted, instead of all but one failing on the version (a 500 that an unknown case number never gets).
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select r from ProxyRun r where r.caseNo = :caseNo")
	Optional<ProxyRun> findForUpdateByCaseNo(@Param("caseNo") String caseNo);

	Optional<ProxyRun> findByProcessInstanceId(String processInstanceId);

	Optional<ProxyRun> findByIdempotencyKey(String idempotencyKey);

	// "card in (…)" rather than "card <> NONE": the database can then read only carded runs from an index
	String OPEN_CARDED = "r.card in (org.zhengpaopao.proxyrun.Card.YELLOW, org.zhengpaopao.proxyrun.Card.RED)"
			+ " and r.state not in ("
			+ "org.zhengpaopao.proxyrun.ProxyRunState.AUTHORIZATION_EXPIRED, org.zhengpaopao.proxyrun.ProxyRunState.REFUSED, "
			+ "org.zhengpaopao.proxyrun.ProxyRunState.DELIVERED, org.zhengpaopao.proxyrun.ProxyRunState.CLOSED_AS_EXCEPTION)";

	@Query("select new org.zhengpaopao.proxyrun.CardCounts$Count(r.townshipCode,"
			+ " sum(case when r.card = org.zhengpaopao.proxyrun.Card.YELLOW then 1 else 0 end),"
			+ " sum(case when r.card = org.zhengpaopao.proxyrun.Card.RED then 1 else 0 end))"
			+ " from ProxyRun r where " + OPEN_CARDED + " group by r.townshipCode order by r.townshipCode")
	List<CardCounts.Count> countCardsByTownship();

	@Query("select new org.zhengpaopao.proxyrun.CardCounts$Count(r.issuerCode,"
			+ " sum(case when r.card = org.zhengpaopao.proxyrun.Card.YELLOW then 1 else 0 end),"
			+ " sum(case when r.card = org.zhengpaopao.proxyrun.Card.RED then 1 else 0 end))"
			+ " from ProxyRun r where " + OPEN_CARDED + " group by r.issuerCode order by r.issuerCode")
	List<CardCounts.Count> countCardsByIssuer();

	long countByState(ProxyRunState state);

	long countByCardAndStateIn(Card card, Collection<ProxyRunState> states);

	/** rows of (escalation level, number of runs) */
	@Query("select r.escalationLevel, count(r) from ProxyRun r where r.card = :card and r.state in :states"
			+ " group by r.escalationLevel")
	List<Object[]> countByEscalationLevel(@Param("card") Card card, @Param("states") Collection<ProxyRunState> states);

	/** runs opened before {@code to} that are open now or have a step at or after {@code from}, steps fetched */
	@EntityGraph(attributePaths = "steps")
	@Query("select distinct r from ProxyRun r where r.createdAt < :to and (r.state in :open"
			+ " or exists (select s.at from r.steps s where s.at >= :from))")
	List<ProxyRun> findAliveBetween(@Param("from") java.time.Instant from, @Param("to") java.time.Instant to,
			@Param("open") Collection<ProxyRunState> open);
}
