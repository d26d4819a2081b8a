package org.zhengpaopao.proxyrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestNotifications.RecordingNotifier;

/**
 * Running proxy-runs survive a new version of proxy-run.bpmn: a designer deploys a changed model (an added step
 * after the delivery), and the migration endpoint moves the instances waiting at every wait state to it with their
 * tasks, due dates and timers unchanged; a plan that would strand an instance is refused and nothing moves.
 * <p>
 * The changed versions are deployed by the test and deleted after it (running instances moved back first), since
 * every other test starts {@code proxy-run} by key, i.e. its latest version.
 */
@IntegrationTest
class ProxyRunMigrationTests {

	static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

	static final String MIGRATIONS = "/api/process-versions/proxy-run/migrations";

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	/** the added step: the runner confirms the window received the certificate, before the window signs for it */
	static final String ADDED_STEP = """
			<bpmn:sequenceFlow id="certificateHandedOver" sourceRef="deliverCertificate" targetRef="confirmReceipt" />
			    <bpmn:userTask id="confirmReceipt" name="用证部门确认收悉" camunda:formRef="deliverCertificate" camunda:formRefBinding="deployment" camunda:candidateGroups="${runnerGroup}" camunda:dueDate="${proxyRunDue}" />
			    <bpmn:sequenceFlow id="receiptConfirmed" sourceRef="confirmReceipt" targetRef="signForCertificate" />""";

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	ProxyRunAuthorizations authorizations;

	@Autowired
	RecordingNotifier notifier;

	@Autowired
	TestRestTemplate http;

	RepositoryService repositoryService;
	RuntimeService runtimeService;
	TaskService taskService;
	ManagementService managementService;
	IdentityService identityService;

	ProcessDefinition original;
	final List<Deployment> deployed = new ArrayList<>();

	static Date at(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(BEIJING).toInstant());
	}

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		repositoryService = engine.getRepositoryService();
		runtimeService = engine.getRuntimeService();
		taskService = engine.getTaskService();
		managementService = engine.getManagementService();
		identityService = engine.getIdentityService();
		original = repositoryService.createProcessDefinitionQuery()
			.processDefinitionKey("proxy-run")
			.latestVersion()
			.singleResult();
		ClockUtil.setCurrentTime(at("2026-09-24T10:00"));
	}

	/** Moves whatever can move back to the original version, then removes the test's versions. */
	@AfterEach
	void removeChangedVersions() {
		ClockUtil.reset();
		identityService.clearAuthentication();
		for (Deployment deployment : deployed) {
			for (ProcessDefinition changed : repositoryService.createProcessDefinitionQuery()
				.deploymentId(deployment.getId())
				.list()) {
				MigrationPlan back = runtimeService.createMigrationPlan(changed.getId(), original.getId())
					.mapEqualActivities()
					.build();
				for (ProcessInstance instance : runtimeService.createProcessInstanceQuery()
					.processDefinitionId(changed.getId())
					.list()) {
					try {
						runtimeService.newMigration(back).processInstanceIds(instance.getId()).execute();
					}
					catch (MigratingProcessInstanceValidationException e) {
						// waits at the added step: deleted with the deployment below
					}
				}
			}
			repositoryService.deleteDeployment(deployment.getId(), true, true, true);
		}
	}

	/** Deploys proxy-run.bpmn changed by {@code change}, with the forms and decision it references by deployment. */
	ProcessDefinition deployChanged(java.util.function.UnaryOperator<String> change) throws IOException {
		String xml;
		try (InputStream in = getClass().getResourceAsStream("/bpmn/proxy-run.bpmn")) {
			xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String changed = change.apply(xml);
		assertThat(changed).as("the change applies").isNotEqualTo(xml);
		List<String> referenced = repositoryService.getDeploymentResourceNames(original.getDeploymentId())
			.stream()
			.filter(name -> name.endsWith(".form") || name.endsWith("runner-routing.dmn"))
			.toList();
		Deployment deployment = repositoryService.createDeployment()
			.name("proxy-run (changed by ProxyRunMigrationTests)")
			.addString("bpmn/proxy-run.bpmn", changed)
			.addDeploymentResourcesByName(original.getDeploymentId(), referenced)
			.deploy();
		deployed.add(deployment);
		ProcessDefinition definition = repositoryService.createProcessDefinitionQuery()
			.deploymentId(deployment.getId())
			.processDefinitionKey("proxy-run")
			.singleResult();
		assertThat(definition.getVersion()).isGreaterThan(original.getVersion());
		return definition;
	}

	ProcessDefinition deployWithAddedStep() throws IOException {
		return deployChanged(xml -> xml.replace(
				"<bpmn:sequenceFlow id=\"certificateHandedOver\" name=\"已送达\" sourceRef=\"deliverCertificate\" targetRef=\"signForCertificate\" />",
				ADDED_STEP));
	}

	/**
	 * The model as it was before the using department signed (issue 22): the runner's delivery ends the run. Running
	 * instances of that version finish on it.
	 */
	ProcessDefinition deployWithoutSignature() throws IOException {
		return deployChanged(xml -> xml
			.replaceAll("(?s)<bpmn:userTask id=\"signForCertificate\".*?</bpmn:userTask>", "")
			.replaceAll("(?s)<bpmn:exclusiveGateway id=\"signOutcomeGateway\".*?</bpmn:exclusiveGateway>", "")
			.replaceAll("(?s)<bpmn:sequenceFlow id=\"(toSignOutcomeGateway|certificateReturned|certificateSigned)\"[^>]*?/>", "")
			.replaceAll("(?s)<bpmn:sequenceFlow id=\"(certificateReturned|certificateSigned)\".*?</bpmn:sequenceFlow>", "")
			.replace("<bpmn:incoming>certificateReturned</bpmn:incoming>", "")
			.replace("targetRef=\"signForCertificate\"", "targetRef=\"proxyRunDelivered\"")
			.replace("<bpmn:incoming>certificateSigned</bpmn:incoming>", "<bpmn:incoming>certificateHandedOver</bpmn:incoming>")
			.replaceAll("<bpmndi:BPMN(Shape|Edge) id=\"(signForCertificate|signOutcomeGateway|toSignOutcomeGateway|certificateReturned|certificateSigned)_di\".*?</bpmndi:BPMN(Shape|Edge)>", ""));
	}

	ResponseEntity<Map<String, Object>> migrate(String user, int from, int to, boolean dryRun) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.setBasicAuth(user, "demo");
		return http.exchange(MIGRATIONS, HttpMethod.POST,
				new HttpEntity<>(Map.of("fromVersion", from, "toVersion", to, "dryRun", dryRun), headers), JSON);
	}

	ProcessInstance open(boolean authorizedAtWindow) {
		ProxyRun run = proxyRuns.open(new NewProxyRun("孙八", "330825198503121239", "13905701111", "huzhen",
				"huzhen-xiaku", "ZM-0009", "renshe", authorizedAtWindow), "window-renshe-1");
		return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(run.getCaseNo()).singleResult();
	}

	Task task(ProcessInstance instance, String key) {
		return taskService.createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key).singleResult();
	}

	void complete(String user, ProcessInstance instance, String key, Map<String, Object> variables) {
		Task task = task(instance, key);
		identityService.setAuthentication(user,
				identityService.createGroupQuery().groupMember(user).list().stream().map(Group::getId).toList());
		try {
			if (task.getAssignee() == null) {
				taskService.claim(task.getId(), user);
			}
			taskService.complete(task.getId(), variables);
		}
		finally {
			identityService.clearAuthentication();
		}
	}

	void fire(ProcessInstance instance, String activityId) {
		Job job = managementService.createJobQuery()
			.processInstanceId(instance.getId())
			.activityId(activityId)
			.singleResult();
		ClockUtil.setCurrentTime(new Date(job.getDuedate().getTime() + 60_000));
		managementService.executeJob(job.getId());
	}

	/** What a user would check on a run: its tasks (who, which groups, by when) and its timers (when). */
	Map<String, String> snapshot(ProcessInstance instance) {
		Map<String, String> seen = new TreeMap<>();
		for (Task task : taskService.createTaskQuery().processInstanceId(instance.getId()).list()) {
			List<String> groups = taskService.getIdentityLinksForTask(task.getId())
				.stream()
				.filter(link -> link.getGroupId() != null)
				.map(IdentityLink::getGroupId)
				.sorted()
				.toList();
			seen.put("task " + task.getTaskDefinitionKey(), task.getId() + " due " + task.getDueDate().toInstant()
					+ " assignee " + task.getAssignee() + " groups " + groups);
		}
		for (Job job : managementService.createJobQuery().processInstanceId(instance.getId()).list()) {
			String activity = managementService.createJobDefinitionQuery()
				.jobDefinitionId(job.getJobDefinitionId())
				.singleResult()
				.getActivityId();
			seen.put("job " + activity, job.getId() + " due "
					+ (job.getDuedate() == null ? null : job.getDuedate().toInstant()));
		}
		return seen;
	}

	String definitionOf(ProcessInstance instance) {
		return runtimeService.createProcessInstanceQuery()
			.processInstanceId(instance.getId())
			.singleResult()
			.getProcessDefinitionId();
	}

	@Test
	void shouldMoveRunsWaitingAtEveryStepToAVersionWithAnAddedStepAndKeepTheirDeadlines() throws IOException {
		ProcessInstance authorizing = open(false);
		managementService.executeJob(managementService.createJobQuery()
			.processInstanceId(authorizing.getId())
			.activityId("sendAuthorizationCode")
			.singleResult()
			.getId());
		ProcessInstance fetching = open(true);
		identityService.setAuthentication("runner-county-1", List.of("runners-county"));
		taskService.claim(task(fetching, "fetchCertificate").getId(), "runner-county-1");
		identityService.clearAuthentication();
		ProcessInstance issuing = open(true);
		complete("runner-county-1", issuing, "fetchCertificate", Map.of("fetchNote", ""));
		ProcessInstance supplementing = open(true);
		complete("runner-county-1", supplementing, "fetchCertificate", Map.of("fetchNote", ""));
		complete("clerk-minzheng-1", supplementing, "issueCertificate",
				Map.of("issueOutcome", "moreInfo", "moreInfoRequest", "请补充户口簿复印件"));
		ProcessInstance delivering = open(true);
		complete("runner-county-1", delivering, "fetchCertificate", Map.of("fetchNote", ""));
		complete("clerk-minzheng-1", delivering, "issueCertificate", Map.of("issueOutcome", "issued", "paperOriginal", true));
		ProcessInstance overdue = open(true);
		fire(overdue, "yellowCardDue");
		fire(overdue, "deadlineReached");

		assertThat(authorizing).isWaitingAt("awaitApplicantAuthorization");
		assertThat(fetching).isWaitingAt("fetchCertificate");
		assertThat(issuing).isWaitingAt("issueCertificate");
		assertThat(supplementing).isWaitingAt("supplementInformation");
		assertThat(delivering).isWaitingAt("deliverCertificate");
		assertThat(overdue).isWaitingAt("fetchCertificate", "handleOverdueRun");
		List<ProcessInstance> runs = List.of(authorizing, fetching, issuing, supplementing, delivering, overdue);
		Map<String, Map<String, String>> before = new TreeMap<>();
		runs.forEach(run -> before.put(run.getId(), snapshot(run)));
		assertThat(before.get(overdue.getId())).containsKeys("job stillOverdueLevel2", "job stillOverdueLevel3");
		assertThat(before.get(fetching.getId())).containsKeys("job yellowCardDue");
		assertThat(before.get(authorizing.getId())).containsKeys("job authorizationDeadlinePassed");

		ProcessDefinition changed = deployWithAddedStep();
		assertThat(runs).as("a deployment alone moves nothing")
			.allSatisfy(run -> assertThat(definitionOf(run)).isEqualTo(original.getId()));

		ResponseEntity<Map<String, Object>> dryRun = migrate("designer-1", original.getVersion(), changed.getVersion(),
				true);
		assertThat(dryRun.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(dryRun.getBody()).containsEntry("dryRun", true).containsEntry("migrated", 0);
		@SuppressWarnings("unchecked")
		Map<String, Integer> waitingAt = (Map<String, Integer>) dryRun.getBody().get("waitingAt");
		assertThat(waitingAt).containsKeys("awaitApplicantAuthorization", "fetchCertificate", "issueCertificate",
				"supplementInformation", "deliverCertificate", "handleOverdueRun");
		assertThat(runs).as("a dry run moves nothing")
			.allSatisfy(run -> assertThat(definitionOf(run)).isEqualTo(original.getId()));

		ResponseEntity<Map<String, Object>> refused = migrate("runner-county-1", original.getVersion(),
				changed.getVersion(), false);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(runs).allSatisfy(run -> assertThat(definitionOf(run)).isEqualTo(original.getId()));

		ResponseEntity<Map<String, Object>> done = migrate("designer-1", original.getVersion(), changed.getVersion(),
				false);
		assertThat(done.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(((Number) done.getBody().get("migrated")).intValue()).isGreaterThanOrEqualTo(runs.size());
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(original.getId()).count())
			.as("every running instance of the old version moved")
			.isZero();
		for (ProcessInstance run : runs) {
			assertThat(definitionOf(run)).isEqualTo(changed.getId());
			assertThat(snapshot(run)).as("tasks and timers of " + run.getBusinessKey() + " are unchanged")
				.isEqualTo(before.get(run.getId()));
		}
		assertThat(task(fetching, "fetchCertificate").getAssignee()).isEqualTo("runner-county-1");
		assertThat(task(overdue, "handleOverdueRun").getDueDate()).isEqualTo(at("2026-10-09T18:00"));

		// the runs go on, on the new version: through the added step, and with their old deadlines
		complete("runner-county-1", delivering, "deliverCertificate", Map.of("deliveryConfirmed", true));
		assertThat(delivering).isWaitingAt("confirmReceipt");
		assertThat(task(delivering, "confirmReceipt").getProcessDefinitionId()).isEqualTo(changed.getId());
		complete("runner-county-1", delivering, "confirmReceipt", Map.of());
		complete("window-renshe-1", delivering, "signForCertificate", Map.of("signOutcome", "signed"));
		assertThat(delivering).isEnded().hasPassed("deliverCertificate", "confirmReceipt", "proxyRunDelivered");

		complete("runner-county-1", fetching, "fetchCertificate", Map.of("fetchNote", ""));
		complete("clerk-minzheng-1", fetching, "issueCertificate", Map.of("issueOutcome", "issued", "paperOriginal", true));
		complete("runner-county-1", fetching, "deliverCertificate", Map.of("deliveryConfirmed", true));
		complete("runner-county-1", fetching, "confirmReceipt", Map.of());
		complete("window-renshe-1", fetching, "signForCertificate", Map.of("signOutcome", "signed"));
		assertThat(fetching).isEnded().hasPassed("confirmReceipt", "proxyRunDelivered");

		complete("runner-county-1", supplementing, "supplementInformation", Map.of());
		assertThat(supplementing).isWaitingAt("issueCertificate");

		// the overdue run moved the clock past the applicant's authorization deadline; the applicant confirms before it
		ClockUtil.setCurrentTime(at("2026-09-28T10:00"));
		String code = notifier.lastCodeFor(authorizing.getBusinessKey());
		assertThat(authorizations.confirmAuthorization(authorizing.getBusinessKey(), code))
			.isEqualTo(AuthorizationOutcome.CONFIRMED);
		assertThat(authorizing).isWaitingAt("fetchCertificate");

		fire(overdue, "stillOverdueLevel2");
		assertThat(proxyRuns.find(overdue.getBusinessKey()).orElseThrow().getEscalationLevel()).isEqualTo(2);
		assertThat(managementService.createJobQuery().processInstanceId(overdue.getId()).activityId(
				"stillOverdueLevel3").singleResult().getDuedate()).isEqualTo(at("2026-10-13T18:00"));
	}

	@Test
	void shouldRefuseAPlanThatStrandsRunsAndMoveNothing() throws IOException {
		ProcessInstance delivering = open(true);
		complete("runner-county-1", delivering, "fetchCertificate", Map.of("fetchNote", ""));
		complete("clerk-minzheng-1", delivering, "issueCertificate", Map.of("issueOutcome", "issued", "paperOriginal", true));
		ProcessInstance fetching = open(true);
		Map<String, String> before = snapshot(delivering);

		ProcessDefinition renamed = deployChanged(xml -> xml.replaceAll(
				"\\b(id|sourceRef|targetRef|bpmnElement)=\"deliverCertificate\"", "$1=\"deliverCertificateToWindow\""));

		for (boolean dryRun : new boolean[] { true, false }) {
			ResponseEntity<Map<String, Object>> refused = migrate("designer-1", original.getVersion(),
					renamed.getVersion(), dryRun);
			assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
			assertThat((String) refused.getBody().get("detail")).contains("迁移方案不安全", "unsafe migration plan",
					"deliverCertificate");
		}
		assertThat(definitionOf(delivering)).isEqualTo(original.getId());
		assertThat(definitionOf(fetching)).isEqualTo(original.getId());
		assertThat(snapshot(delivering)).isEqualTo(before);
		assertThat(runtimeService.createProcessInstanceQuery().processDefinitionId(renamed.getId()).count()).isZero();
	}

	@Test
	void shouldRefuseTheSameOrAnUnknownVersion() {
		ResponseEntity<Map<String, Object>> same = migrate("designer-1", original.getVersion(), original.getVersion(),
				true);
		assertThat(same.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(same.getBody().toString()).contains("toVersion");

		ResponseEntity<Map<String, Object>> unknown = migrate("admin", original.getVersion(),
				original.getVersion() + 100, false);
		assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown.getBody().toString()).contains("toVersion", "没有版本");
	}

	/** A run that started before the window signed for certificates is delivered by its runner, as it was. */
	@Test
	void shouldEndARunOfAVersionWithoutTheSignatureAtTheRunnersDelivery() throws IOException {
		ProcessDefinition withoutSignature = deployWithoutSignature();
		assertThat((Object) repositoryService.getBpmnModelInstance(withoutSignature.getId())
			.getModelElementById("signForCertificate")).isNull();
		ProcessInstance run = open(true);
		assertThat(definitionOf(run)).isEqualTo(withoutSignature.getId());

		complete("runner-county-1", run, "fetchCertificate", Map.of());
		complete("clerk-minzheng-1", run, "issueCertificate", Map.of("issueOutcome", "issued", "paperOriginal", true));
		complete("runner-county-1", run, "deliverCertificate", Map.of("deliveryConfirmed", true));

		assertThat(run).isEnded().hasPassed("proxyRunDelivered");
		ProxyRun delivered = proxyRuns.find(run.getBusinessKey()).orElseThrow();
		assertThat(delivered.getState()).isEqualTo(ProxyRunState.DELIVERED);
		assertThat(delivered.getSteps()).last().extracting(ProxyRunStep::getActor).isEqualTo("runner-county-1");
	}
}
