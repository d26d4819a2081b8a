package org.zhengpaopao.proxyrun;

import java.util.ArrayList;
import java.util.List;

import org.springframework.data.jpa.domain.Specification;

import jakarta.persistence.criteria.Predicate;

/**
 * Which carded runs a supervisor looks at; every criterion is optional.
 *
 * @param issuerCode the issuing county department or township
 * @param level      the escalation level (0–3)
 */
public record CardedRunCriteria(String townshipCode, String issuerCode, Integer level) {

	Specification<ProxyRun> toSpecification() {
		return (root, query, cb) -> {
			List<Predicate> where = new ArrayList<>();
			where.add(root.get("card").in(Card.YELLOW, Card.RED));
			where.add(root.get("state")
				.in(java.util.Arrays.stream(ProxyRunState.values()).filter(s -> !s.isFinished()).toList()));
			if (townshipCode != null && !townshipCode.isBlank()) {
				where.add(cb.equal(root.get("townshipCode"), townshipCode));
			}
			if (issuerCode != null && !issuerCode.isBlank()) {
				where.add(cb.equal(root.get("issuerCode"), issuerCode));
			}
			if (level != null) {
				where.add(cb.equal(root.get("escalationLevel"), level));
			}
			return cb.and(where.toArray(Predicate[]::new));
		};
	}
}
