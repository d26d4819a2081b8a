package org.zhengpaopao.proxyrun.process;

import static org.zhengpaopao.proxyrun.process.ProxyRunVariables.PROCESS_KEY;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationInstruction;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;

/**
 * Moves running proxy-runs from one deployed version of {@code proxy-run} to another with Camunda's migration API.
 * <p>
 * A new deployment never touches running instances: they finish on the version they started on. When a designer
 * wants them on the new version (a fixed bug, an added step after where they wait), this builds a plan that maps
 * every activity by its id and refuses the plan when any running instance waits at an activity the target no
 * longer has: Camunda would otherwise refuse instance by instance, and a half-understood refusal is worse than a
 * clear one before anything moves. Timers and tasks are kept as they are (no {@code updateEventTriggers}): a due
 * date once computed by the working-day calendar is the applicant's deadline and must not be recomputed.
 */
@Service
class ProxyRunMigrations {

	/** a county's proxy-runs in flight are a few hundred; more than this is a mistake or a job for a batch */
	static final int MAX_INSTANCES = 5000;

	private static final Logger log = LoggerFactory.getLogger(ProxyRunMigrations.class);

	private final RepositoryService repositoryService;
	private final RuntimeService runtimeService;
	private final ManagementService managementService;

	ProxyRunMigrations(RepositoryService repositoryService, RuntimeService runtimeService,
			ManagementService managementService) {
		this.repositoryService = repositoryService;
		this.runtimeService = runtimeService;
		this.managementService = managementService;
	}

	/**
	 * Checks the plan from {@code fromVersion} to {@code toVersionOrLatest} (null: the latest version) against the running instances and, unless
	 * {@code dryRun}, migrates all of them in one transaction: either every instance moves or none does.
	 */
	MigrationReport migrate(int fromVersion, Integer toVersionOrLatest, boolean dryRun, String requestedBy) {
		int toVersion = toVersionOrLatest != null ? toVersionOrLatest
				: repositoryService.createProcessDefinitionQuery()
					.processDefinitionKey(PROCESS_KEY)
					.latestVersion()
					.singleResult()
					.getVersion();
		if (fromVersion == toVersion) {
			throw new InvalidInputException("toVersion", "目标版本与源版本相同，无需迁移",
					"the target version is the source version: nothing to migrate");
		}
		ProcessDefinition source = version("fromVersion", fromVersion);
		ProcessDefinition target = version("toVersion", toVersion);

		MigrationPlan plan;
		try {
			plan = runtimeService.createMigrationPlan(source.getId(), target.getId()).mapEqualActivities().build();
		}
		catch (MigrationPlanValidationException e) {
			throw new ConflictException("迁移方案不安全，已拒绝：" + e.getValidationReport(),
					"unsafe migration plan refused: " + e.getValidationReport());
		}
		Set<String> mapped = plan.getInstructions()
			.stream()
			.map(MigrationInstruction::getSourceActivityId)
			.collect(Collectors.toSet());

		Map<String, Long> waitingAt = new TreeMap<>();
		for (ActivityStatistics statistics : managementService.createActivityStatisticsQuery(source.getId()).list()) {
			waitingAt.put(statistics.getId(), (long) statistics.getInstances());
		}
		List<String> unmapped = waitingAt.keySet().stream().filter(activity -> !mapped.contains(activity)).toList();
		if (!unmapped.isEmpty()) {
			throw new ConflictException(
					"迁移方案不安全，已拒绝：版本 " + toVersion + " 中没有运行中的代跑正在等待的环节 " + unmapped
							+ "，请先办结这些代跑或在新版本中保留这些环节（id 不变）",
					"unsafe migration plan refused: version " + toVersion + " has no activity " + unmapped
							+ " where running proxy-runs wait; finish them first or keep those activities (same id)");
		}

		List<String> instanceIds = runtimeService.createProcessInstanceQuery()
			.processDefinitionId(source.getId())
			.list()
			.stream()
			.map(ProcessInstance::getId)
			.toList();
		if (instanceIds.size() > MAX_INSTANCES) {
			throw new ConflictException("运行中的代跑超过 " + MAX_INSTANCES + " 件，不能一次迁移",
					"more than " + MAX_INSTANCES + " running proxy-runs: too many to migrate at once");
		}
		if (dryRun || instanceIds.isEmpty()) {
			return new MigrationReport(PROCESS_KEY, fromVersion, toVersion, source.getId(), target.getId(), dryRun,
					instanceIds.size(), waitingAt, 0);
		}
		try {
			runtimeService.newMigration(plan).processInstanceIds(instanceIds).execute();
		}
		catch (MigratingProcessInstanceValidationException e) {
			// an instance reached an unmapped activity between the check above and now; nothing has moved
			throw new ConflictException("迁移方案不安全，已拒绝，未迁移任何代跑：" + e.getValidationReport(),
					"unsafe migration plan refused, nothing moved: " + e.getValidationReport());
		}
		log.info("{} migrated {} proxy-runs from version {} to {}", requestedBy, instanceIds.size(), fromVersion,
				toVersion);
		return new MigrationReport(PROCESS_KEY, fromVersion, toVersion, source.getId(), target.getId(), false,
				instanceIds.size(), waitingAt, instanceIds.size());
	}

	private ProcessDefinition version(String field, int version) {
		ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey(PROCESS_KEY)
			.processDefinitionVersion(version)
			.singleResult();
		if (definition == null) {
			throw new InvalidInputException(field, "代跑流程没有版本 " + version, "proxy-run has no version " + version);
		}
		return definition;
	}

	/**
	 * @param waitingAt activity id → how many activity instances of the source version are there (for a dry run,
	 *        where they would move from)
	 * @param migrated how many instances moved: 0 for a dry run
	 */
	record MigrationReport(String processKey, int fromVersion, int toVersion, String sourceDefinitionId,
			String targetDefinitionId, boolean dryRun, long instances, Map<String, Long> waitingAt, long migrated) {
	}
}
