package org.zhengpaopao.proxyrun;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface ProxyRunRepository extends JpaRepository<ProxyRun, Long> {

	Optional<ProxyRun> findByCaseNo(String caseNo);
}
