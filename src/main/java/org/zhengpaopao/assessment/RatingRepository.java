package org.zhengpaopao.assessment;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface RatingRepository extends JpaRepository<Rating, Long> {

	Optional<Rating> findByCaseNo(String caseNo);

	List<Rating> findByCaseNoIn(Collection<String> caseNos);

	List<Rating> findByRatedAtIsNullAndRemindedAtIsNullAndInvitedAtBefore(Instant invitedBefore);

	List<Rating> findByRatedAtGreaterThanEqualAndRatedAtLessThan(Instant from, Instant to);
}
