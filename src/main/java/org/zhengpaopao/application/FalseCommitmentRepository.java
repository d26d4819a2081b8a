package org.zhengpaopao.application;

import org.springframework.data.jpa.repository.JpaRepository;

interface FalseCommitmentRepository extends JpaRepository<FalseCommitment, Long> {

	boolean existsByIdNumber(String idNumber);

	boolean existsByCreditCode(String creditCode);
}
