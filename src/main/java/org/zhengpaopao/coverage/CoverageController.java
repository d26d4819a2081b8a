package org.zhengpaopao.coverage;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CoverageController {

	private final Coverage coverage;

	CoverageController(Coverage coverage) {
		this.coverage = coverage;
	}

	@Operation(summary = "县乡村三级代跑服务圈 coverage (managers)",
			description = "Units are every village (covered when its township's 乡镇联动群 has an active runner), the county "
					+ "group and every department group (covered when it has an active runner). rate = covered units / "
					+ "all units. gaps lists every uncovered village and group.")
	@GetMapping("/api/coverage")
	Coverage.Report coverage() {
		return coverage.report();
	}
}
