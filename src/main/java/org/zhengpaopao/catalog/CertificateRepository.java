package org.zhengpaopao.catalog;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

interface CertificateRepository extends JpaRepository<Certificate, String>, JpaSpecificationExecutor<Certificate> {
}
