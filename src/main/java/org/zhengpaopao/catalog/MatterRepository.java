package org.zhengpaopao.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

interface MatterRepository extends JpaRepository<Matter, String> {
}
