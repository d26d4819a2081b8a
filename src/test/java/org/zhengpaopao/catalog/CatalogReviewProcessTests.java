package org.zhengpaopao.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;

/**
 * 证明清单变更审核 as the liaison, the reform office and 县司法局 live it in Tasklist, with the clock moved instead of
 * waited for: a shared-data change straight to publication, a cancellation through legal review, a refusal
 * resubmitted, a legal refusal withdrawn, the review deadlines' yellow and red cards, and who may do each task.
 * Each test changes entries of its own matter, so that the tests do not depend on each other's publications.
 */
@IntegrationTest
class CatalogReviewProcessTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProcessEngine engine;

	@Autowired
	CatalogReview review;

	@Autowired
	CatalogProposals proposals;

	@Autowired
	Catalog catalog;

	@Autowired
	OutboxContents outbox;

	@Autowired
	MatterRepository matters;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	TaskService taskService;
	ManagementService managementService;
	/** the entries a test listed first: retired after it, so that the catalog's figures stay as the seeds have them */
	final List<String[]> listed = new ArrayList<>();
	boolean onlineBefore;
	boolean zeroTripBefore;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		taskService = engine.getTaskService();
		managementService = engine.getManagementService();
		// Tuesday 1 December 2026, 10:00
		ClockUtil.setCurrentTime(at("2026-12-01T10:00"));
		Matter matter = catalog.matter(MATTER).orElseThrow();
		onlineBefore = matter.isOnline();
		zeroTripBefore = matter.isZeroTrip();
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		engine.getIdentityService().clearAuthentication();
		for (String[] entry : listed) {
			if (inForce(entry[0], entry[1]) != null) {
				catalog.retire(entry[0], entry[1], "catalog-1", "测试复原");
			}
		}
		new TransactionTemplate(transactions).executeWithoutResult(
				status -> matters.findById(MATTER).orElseThrow().changeCapabilities(onlineBefore, zeroTripBefore));
	}

	/** A matter no other test changes; each test lists a certificate of its own on it first (batch-free, shared). */
	static final String MATTER = "SX-097";

	/** A certificate the matter has never listed, listed now as checked in shared data: the published entry. */
	String listShared() {
		String certificate = unlisted();
		catalog.add(MATTER, certificate, new EntryTerms(Disposition.SHARED, null, "省公共数据平台", null, null), "catalog-1",
				"测试准备");
		listed.add(new String[] { MATTER, certificate });
		return certificate;
	}

	/** A certificate the matter has never listed; retired after the test if a publication lists it. */
	String unlisted() {
		String certificate = catalog.certificates()
			.stream()
			.map(Certificate::getCode)
			.filter(code -> jdbc.queryForObject(
					"select count(*) from zpp_catalog_entry where matter_code = ? and certificate_code = ?", Long.class,
					MATTER, code) == 0)
			.findFirst()
			.orElseThrow();
		listed.add(new String[] { MATTER, certificate });
		return certificate;
	}

	static Date at(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
	}

	ProcessInstance instance(String number) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("catalog-change")
			.processInstanceBusinessKey(number)
			.singleResult();
	}

	Task task(String number, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(number).taskDefinitionKey(key).singleResult();
	}

	void completeAs(String user, Task task, Map<String, Object> variables) {
		TasklistUser.claimAndComplete(engine, user, task.getId(), variables);
	}

	CatalogEntry inForce(String matter, String certificate) {
		return catalog.entriesInForce(matter)
			.stream()
			.filter(e -> e.getCertificateCode().equals(certificate))
			.findFirst()
			.orElse(null);
	}

	/** Moves the clock a minute past {@code when} and runs the timer then due, as the job executor would. */
	void fire(ProcessInstance instance, String activityId, String when) {
		Job job = managementService.createJobQuery().processInstanceId(instance.getId()).activityId(activityId).singleResult();
		assertThat(job).as("timer " + activityId).isNotNull();
		assertThat(job.getDuedate()).isEqualTo(at(when));
		ClockUtil.setCurrentTime(new Date(at(when).getTime() - 60_000));
		assertThat(managementService.createJobQuery().jobId(job.getId()).executable().count())
			.as(activityId + " is not due a minute early")
			.isZero();
		ClockUtil.setCurrentTime(new Date(at(when).getTime() + 60_000));
		managementService.executeJob(job.getId());
	}

	@Test
	void shouldPublishASharedDataChangeAfterTheReformOfficeWithoutLegalReview() {
		// a certificate the matter now checks in shared data, and the matter online
		String certificate = unlisted();
		EntryTerms shared = new EntryTerms(Disposition.SHARED, null, "省公共数据平台·村（居）民信息库", null,
				"县级规范性文件");
		boolean zeroTrip = zeroTripBefore;
		String number = review.propose(List.of(CatalogChange.add(MATTER, certificate, shared),
				CatalogChange.capabilities(MATTER, true, !zeroTrip)), "村居信息已归集共享", "catalog-1");

		assertThat(number).matches("TZ20261201-\\d{6}");
		ProcessInstance instance = instance(number);
		assertThat(instance).isWaitingAt("reviewProposal");
		Task reviewTask = task(number, "reviewProposal");
		assertThat(reviewTask).hasName("跑改办审核").hasCandidateGroup("managers");
		// three working days from Tuesday: Friday at close of business
		assertThat(reviewTask.getDueDate()).isEqualTo(at("2026-12-04T18:00"));
		assertThat(instance).variables().containsEntry("needsLegalReview", false);
		assertThat((String) engine.getRuntimeService().getVariable(instance.getId(), "summary"))
			.contains(MATTER, certificate, "新增", "「共享」", "可网办 是，零跑腿 " + (zeroTrip ? "否" : "是"));
		// proposed is not published: the catalog and the matter are as they were
		assertThat(inForce(MATTER, certificate)).isNull();
		assertThat(catalog.matter(MATTER).orElseThrow().isZeroTrip()).isEqualTo(zeroTrip);

		ClockUtil.setCurrentTime(at("2026-12-02T15:00"));
		completeAs("manager-1", reviewTask, withVariables("reviewDecision", "approved", "reviewNote", "同意"));

		assertThat(instance).isEnded().hasPassed("publishChanges", "changesPublished").hasNotPassed("reviewLegality");
		CatalogEntry published = inForce(MATTER, certificate);
		assertThat(published.getDisposition()).isEqualTo(Disposition.SHARED);
		assertThat(published.getChangedBy()).isEqualTo("catalog-1");
		assertThat(published.getChangeReason()).isEqualTo("变更申请 " + number + "：村居信息已归集共享");
		assertThat(published.getChangedAt()).isEqualTo(at("2026-12-02T15:00").toInstant());
		assertThat(catalog.matter(MATTER).orElseThrow().isOnline()).isTrue();
		assertThat(catalog.matter(MATTER).orElseThrow().isZeroTrip()).isEqualTo(!zeroTrip);
		CatalogProposal proposal = proposals.get(number);
		assertThat(proposal.getState()).isEqualTo(ProposalState.PUBLISHED);
		assertThat(proposal.getHistory()).extracting(ProposalStep::getAction, ProposalStep::getActor)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(ProposalStep.Action.PROPOSED, "catalog-1"),
					org.assertj.core.groups.Tuple.tuple(ProposalStep.Action.APPROVED, "manager-1"),
					org.assertj.core.groups.Tuple.tuple(ProposalStep.Action.PUBLISHED, "manager-1"));
	}

	@Test
	void shouldPublishACancellationOnlyAfterLegalReviewAndNotApplyItToNewCasesBefore() {
		String certificate = listShared();
		EntryTerms cancelled = new EntryTerms(Disposition.CANCELLED, null, "可通过不动产登记信息核查，不再要求提供", null,
				"《不动产登记暂行条例实施细则》第四十条");
		String number = review.propose(List.of(CatalogChange.change(MATTER, certificate, cancelled)), "取消该证明",
				"catalog-1");
		ProcessInstance instance = instance(number);

		completeAs("manager-1", task(number, "reviewProposal"), withVariables("reviewDecision", "approved"));

		assertThat(instance).isWaitingAt("reviewLegality");
		Task legal = task(number, "reviewLegality");
		assertThat(legal).hasName("合法性审查").hasCandidateGroup("dept-sifa");
		// five working days from Tuesday 1 December: Tuesday 8 December
		assertThat(legal.getDueDate()).isEqualTo(at("2026-12-08T18:00"));
		assertThat(proposals.get(number).getState()).isEqualTo(ProposalState.LEGAL_REVIEW);
		// a case taken now still has the certificate checked in shared data, as published
		assertThat(inForce(MATTER, certificate).getDisposition()).isEqualTo(Disposition.SHARED);
		assertThat(inForce(MATTER, certificate).getVersion()).isEqualTo(1);

		completeAs("clerk-sifa-1", legal, withVariables("legalDecision", "approved", "legalNote", "符合规定"));

		assertThat(instance).isEnded().hasPassed("reviewLegality", "publishChanges");
		assertThat(inForce(MATTER, certificate).getDisposition()).isEqualTo(Disposition.CANCELLED);
		assertThat(inForce(MATTER, certificate).getVersion()).isEqualTo(2);
		assertThat(inForce(MATTER, certificate).getChangeReason()).isEqualTo("变更申请 " + number + "：取消该证明");
		assertThat(proposals.get(number).getHistory()).extracting(ProposalStep::getAction)
			.containsExactly(ProposalStep.Action.PROPOSED, ProposalStep.Action.APPROVED,
					ProposalStep.Action.LEGAL_APPROVED, ProposalStep.Action.PUBLISHED);
	}

	@Test
	void shouldReturnARefusalToTheProposerWithTheReasonAndReviewTheResubmission() {
		String certificate = listShared();
		EntryTerms shared = new EntryTerms(Disposition.SHARED, null, "全国学生资助管理信息系统", null, "《学生资助资金管理办法》");
		String number = review.propose(List.of(CatalogChange.change(MATTER, certificate, shared)), "改用资助系统",
				"catalog-1");
		ProcessInstance instance = instance(number);

		// a refusal needs its reason: the task stays open
		assertThatThrownBy(() -> completeAs("manager-1", task(number, "reviewProposal"),
				withVariables("reviewDecision", "refused")))
			.hasRootCauseInstanceOf(InvalidInputException.class);
		assertThat(instance).isWaitingAt("reviewProposal");

		completeAs("manager-1", task(number, "reviewProposal"),
				withVariables("reviewDecision", "refused", "reviewNote", "请写明数据来源的对接部门"));

		assertThat(instance).isWaitingAt("reviseProposal");
		Task revise = task(number, "reviseProposal");
		assertThat(revise).hasName("修改后重新提交或撤回").isAssignedTo("catalog-1");
		assertThat(instance).variables().containsEntry("refusalReason", "请写明数据来源的对接部门");
		assertThat(proposals.get(number).getState()).isEqualTo(ProposalState.RETURNED);
		assertThat(inForce(MATTER, certificate).getDetail()).isEqualTo("省公共数据平台");

		ClockUtil.setCurrentTime(at("2026-12-03T09:00"));
		completeAs("catalog-1", revise, withVariables("revision", "resubmit", "revisionNote", "对接部门为县教育局"));

		assertThat(instance).isWaitingAt("reviewProposal");
		// the second review has a fresh deadline: three working days from Thursday 3 December
		assertThat(task(number, "reviewProposal").getDueDate()).isEqualTo(at("2026-12-08T18:00"));
		completeAs("manager-1", task(number, "reviewProposal"), withVariables("reviewDecision", "approved"));

		assertThat(instance).isEnded().hasPassed("changesPublished");
		assertThat(inForce(MATTER, certificate).getDetail()).isEqualTo("全国学生资助管理信息系统");
		assertThat(proposals.get(number).getHistory()).extracting(ProposalStep::getAction, ProposalStep::getNote)
			.contains(org.assertj.core.groups.Tuple.tuple(ProposalStep.Action.REFUSED, "请写明数据来源的对接部门"),
					org.assertj.core.groups.Tuple.tuple(ProposalStep.Action.RESUBMITTED, "对接部门为县教育局"));
	}

	@Test
	void shouldApplyNothingWhenTheProposerWithdrawsAfterALegalRefusal() {
		String certificate = listShared();
		EntryTerms replaced = new EntryTerms(Disposition.REPLACED, Replacement.LICENCE, "以不动产权证书替代", null,
				"县级规范性文件");
		String number = review.propose(List.of(CatalogChange.change(MATTER, certificate, replaced)), "以证照替代",
				"catalog-1");
		ProcessInstance instance = instance(number);
		completeAs("manager-1", task(number, "reviewProposal"), withVariables("reviewDecision", "approved"));

		completeAs("clerk-sifa-1", task(number, "reviewLegality"),
				withVariables("legalDecision", "refused", "legalNote", "替代证照须有法律依据"));

		assertThat(instance).isWaitingAt("reviseProposal");
		assertThat(instance).variables().containsEntry("refusalReason", "替代证照须有法律依据");
		completeAs("catalog-1", task(number, "reviseProposal"), withVariables("revision", "withdraw"));

		assertThat(instance).isEnded().hasPassed("proposalWithdrawn").hasNotPassed("publishChanges");
		assertThat(inForce(MATTER, certificate).getDisposition()).isEqualTo(Disposition.SHARED);
		assertThat(inForce(MATTER, certificate).getVersion()).isEqualTo(1);
		assertThat(proposals.get(number).getState()).isEqualTo(ProposalState.WITHDRAWN);
		assertThat(proposals.get(number).getHistory()).extracting(ProposalStep::getAction)
			.containsExactly(ProposalStep.Action.PROPOSED, ProposalStep.Action.APPROVED,
					ProposalStep.Action.LEGAL_REFUSED, ProposalStep.Action.WITHDRAWN);
	}

	@Test
	void shouldWarnThenRedCardEachReviewLeftLying() {
		String certificate = listShared();
		EntryTerms cancelled = new EntryTerms(Disposition.CANCELLED, null, "可通过查封登记信息核查", null,
				"《不动产登记暂行条例》第十四条");
		String number = review.propose(List.of(CatalogChange.change(MATTER, certificate, cancelled)), "取消查封证明",
				"catalog-1");
		ProcessInstance instance = instance(number);

		fire(instance, "reformReviewDueSoon", "2026-12-03T18:00");
		assertThat(outbox.groupMessagesAbout(number)).singleElement().satisfies(m -> {
			assertThat(m.groupId()).isEqualTo("managers");
			assertThat(m.title()).isEqualTo("黄牌预警 " + number);
			assertThat(m.text()).contains("跑改办审核", "2026-12-04 18:00");
		});
		fire(instance, "reformReviewOverdue", "2026-12-04T18:00");
		assertThat(outbox.groupMessagesAbout(number)).filteredOn(m -> m.title().startsWith("红牌超期"))
			.extracting(GroupMessage::groupId)
			.containsExactlyInAnyOrder("managers", "task-force");

		// approved late on Monday 7 December: legal review by Monday 14 December
		ClockUtil.setCurrentTime(at("2026-12-07T09:00"));
		completeAs("manager-1", task(number, "reviewProposal"), withVariables("reviewDecision", "approved"));
		assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).activityId("reformReviewOverdue").count())
			.isZero();
		fire(instance, "legalReviewDueSoon", "2026-12-11T18:00");
		fire(instance, "legalReviewOverdue", "2026-12-14T18:00");
		assertThat(outbox.groupMessagesAbout(number)).filteredOn(m -> m.text().contains("合法性审查"))
			.extracting(GroupMessage::title, GroupMessage::groupId)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("黄牌预警 " + number, "dept-sifa"),
					org.assertj.core.groups.Tuple.tuple("红牌超期 " + number, "dept-sifa"),
					org.assertj.core.groups.Tuple.tuple("红牌超期 " + number, "task-force"));
		// the cards leave the task where it was
		assertThat(instance).isWaitingAt("reviewLegality");
		assertThat(inForce(MATTER, certificate).getDisposition()).isEqualTo(Disposition.SHARED);
	}

	@Test
	void shouldLetOnlyTheReviewingGroupsAndTheProposerDoTheirTasks() {
		String certificate = listShared();
		EntryTerms cancelled = new EntryTerms(Disposition.CANCELLED, null, "可通过预防接种系统核查", null, "县级规范性文件");
		String number = review.propose(List.of(CatalogChange.change(MATTER, certificate, cancelled)), "取消接种证明",
				"catalog-1");

		for (String stranger : List.of("catalog-1", "clerk-sifa-1", "runner-county-1")) {
			assertThatThrownBy(() -> completeAs(stranger, task(number, "reviewProposal"),
					withVariables("reviewDecision", "approved"))).as(stranger).isNotNull();
		}
		completeAs("manager-1", task(number, "reviewProposal"), withVariables("reviewDecision", "approved"));

		for (String stranger : List.of("manager-1", "catalog-1", "clerk-gongan-1")) {
			assertThatThrownBy(() -> completeAs(stranger, task(number, "reviewLegality"),
					withVariables("legalDecision", "approved"))).as(stranger).isNotNull();
		}
		completeAs("clerk-sifa-1", task(number, "reviewLegality"),
				withVariables("legalDecision", "refused", "legalNote", "请补充法律依据"));

		for (String stranger : List.of("manager-1", "clerk-sifa-1")) {
			assertThatThrownBy(() -> completeAs(stranger, task(number, "reviseProposal"),
					withVariables("revision", "withdraw"))).as(stranger).isNotNull();
		}
		completeAs("catalog-1", task(number, "reviseProposal"), withVariables("revision", "withdraw"));
		assertThat(proposals.get(number).getState()).isEqualTo(ProposalState.WITHDRAWN);
	}

	@Test
	void shouldRefuseAChangeSetThatCouldNotBePublishedAsAWhole() {
		EntryTerms cancelled = new EntryTerms(Disposition.CANCELLED, null, "无需提供", null, null);
		assertThatThrownBy(() -> review.propose(List.of(CatalogChange.change("SX-404", "ZM-0002", cancelled)), "x",
				"catalog-1")).isInstanceOf(InvalidInputException.class).hasMessageContaining("SX-404");
		assertThatThrownBy(() -> review.propose(List.of(CatalogChange.change("SX-001", "ZM-9999", cancelled)), "x",
				"catalog-1")).isInstanceOf(InvalidInputException.class).hasMessageContaining("ZM-9999");
		// SX-001 lists 户籍证明 ZM-0002 already
		assertThatThrownBy(() -> review.propose(List.of(CatalogChange.add("SX-001", "ZM-0002", cancelled)), "x",
				"catalog-1")).isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> review.propose(List.of(CatalogChange.retire(MATTER, unlisted())), "x", "catalog-1"))
			.isInstanceOf(ConflictException.class);
		assertThatThrownBy(() -> review.propose(List.of(CatalogChange.retire("SX-001", "ZM-0002"),
				CatalogChange.change("SX-001", "ZM-0002", cancelled)), "x", "catalog-1"))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("两次");
		assertThatThrownBy(() -> review.propose(List.of(CatalogChange.capabilities("SX-001", false, true)), "x",
				"catalog-1")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> review.propose(List.of(), "x", "catalog-1")).isInstanceOf(InvalidInputException.class);
		assertThatThrownBy(() -> review.propose(List.of(CatalogChange.retire("SX-001", "ZM-0002")), " ", "catalog-1"))
			.isInstanceOf(InvalidInputException.class);
		assertThat(proposals.list("catalog-1")).noneMatch(p -> p.getReason().equals("x"));
	}
}
