package org.zhengpaopao.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
import org.zhengpaopao.system.NotFoundException;
import org.springframework.data.jpa.repository.Query;

interface ApplicationRepository extends JpaRepository<Application, Long> {

	@EntityGraph(attributePaths = "certificates")
	Optional<Application> findByCaseNo(String caseNo);

	@EntityGraph(attributePaths = "certificates")
	Optional<Application> findByIdempotencyKey(String idempotencyKey);

	@Query("select c.application from RequiredCertificate c where c.id = ?1")
	Optional<Application> findByCertificateId(long certificateId);

	@EntityGraph(attributePaths = "certificates")
	List<Application> findByReceivedAtGreaterThanEqualAndReceivedAtLessThanOrderByReceivedAt(Instant from, Instant to);

	@EntityGraph(attributePaths = "certificates")
	List<Application> findByUsingDepartmentCodeInAndReceivedAtGreaterThanEqualOrderByReceivedAtDesc(
			Collection<String> departments, Instant from);

	@EntityGraph(attributePaths = "certificates")
	List<Application> findByUsingDepartmentCodeInAndStateOrderByReceivedAt(Collection<String> departments,
			ApplicationState state);

	/** Cases taken in through this channel with one of these references (an agent's: the villages), newest first. */
	@EntityGraph(attributePaths = "certificates")
	List<Application> findByIntakeChannelAndIntakeReferenceInOrderByReceivedAtDesc(String intakeChannel,
			Collection<String> references);

	/** The case, or a 404 for the caller. */
	default Application require(String caseNo) {
		return findByCaseNo(caseNo)
			.orElseThrow(() -> new NotFoundException("没有这个办件：" + caseNo, "no application " + caseNo));
	}

	/** One certificate item of a case, or a 404 for the caller. */
	default RequiredCertificate requireCertificate(long certificateId) {
		return findByCertificateId(certificateId)
			.orElseThrow(() -> new NotFoundException("没有这个办件证明项：" + certificateId, "no certificate item"))
			.certificate(certificateId);
	}
}
