package org.zhengpaopao.application;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.EntityGraph;
import org.springframework.data.jpa.repository.JpaRepository;
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
}
