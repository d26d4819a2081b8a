package org.zhengpaopao.proxyrun.process;

import java.security.Principal;

import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.zhengpaopao.proxyrun.process.ProxyRunMigrations.MigrationReport;
import org.zhengpaopao.system.InvalidInputException;

import io.swagger.v3.oas.annotations.Operation;

/** The designers' command to move running proxy-runs to a newer version (see docs/process-versions.md). */
@RestController
class ProcessVersionController {

	private final ProxyRunMigrations migrations;

	ProcessVersionController(ProxyRunMigrations migrations) {
		this.migrations = migrations;
	}

	@PostMapping("/api/process-versions/proxy-run/migrations")
	@Operation(summary = "迁移运行中的代跑到另一版本 / Migrate running proxy-runs from one version to another",
			description = "Designers and admins. Without toVersion: to the latest version. Dry run first: it reports "
					+ "where the instances wait. Refuses (409) a "
					+ "plan that would leave an instance at an activity the target version does not have.")
	MigrationReport migrate(@RequestBody MigrationRequest request, Principal principal) {
		int from = version("fromVersion", request.fromVersion());
		// the usual case is "to the version just deployed": no need to look its number up first
		Integer to = request.toVersion() == null ? null : version("toVersion", request.toVersion());
		if (request.dryRun() == null) {
			// no default: a forgotten flag must not move every running case
			throw new InvalidInputException("dryRun", "请说明是否仅试运行（dryRun: true 或 false）",
					"say whether this is a dry run (dryRun: true or false)");
		}
		return migrations.migrate(from, to, request.dryRun(), principal.getName());
	}

	private static int version(String field, Integer version) {
		if (version == null || version < 1) {
			throw new InvalidInputException(field, "请填写流程版本号（正整数）", "give the process version (a positive number)");
		}
		return version;
	}

	record MigrationRequest(Integer fromVersion, Integer toVersion, Boolean dryRun) {
	}
}
