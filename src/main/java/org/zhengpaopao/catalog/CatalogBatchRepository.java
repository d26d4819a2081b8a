package org.zhengpaopao.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface CatalogBatchRepository extends JpaRepository<CatalogBatch, Integer> {
}
