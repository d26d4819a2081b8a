package org.zhengpaopao.organization;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;

@RestController
class DivisionController {

	private final Organization organization;

	DivisionController(Organization organization) {
		this.organization = organization;
	}

	@GetMapping("/api/divisions")
	@Operation(summary = "乡镇（街道）及其村（社区） / Townships with their villages")
	List<TownshipView> townships() {
		return organization.townships()
			.stream()
			.map(t -> new TownshipView(t.getCode(), t.getName(), t.getType(),
					organization.villagesOf(t.getCode()).stream().map(v -> new VillageView(v.getCode(), v.getName())).toList()))
			.toList();
	}

	record TownshipView(String code, String name, DivisionType type, List<VillageView> villages) {
	}

	record VillageView(String code, String name) {
	}
}
