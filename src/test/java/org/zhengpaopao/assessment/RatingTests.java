package org.zhengpaopao.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.notification.GroupMessage;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.system.ConflictException;
import org.zhengpaopao.system.InvalidInputException;

/**
 * 好差评 and 差评整改 as the applicant and the staff live them: a finished run invites a rating, one rating per
 * case, one reminder, and a bad rating goes through call-back, rectification or appeal, with its deadlines.
 */
@IntegrationTest
class RatingTests {

	static final String PHONE = "13905708888";
	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	Assessment assessment;

	@Autowired
	OutboxContents outbox;

	@Autowired
	TestRestTemplate http;

	TaskService taskService;
	IdentityService identityService;

	@BeforeEach
	void setUp() {
		BpmnAwareTests.init(engine);
		taskService = engine.getTaskService();
		identityService = engine.getIdentityService();
		// a Monday morning, so that working-day deadlines are easy to read
		ClockUtil.setCurrentTime(at("2026-06-08T09:00"));
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		identityService.clearAuthentication();
	}

	static Date at(String localDateTime) {
		return Date.from(LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant());
	}

	void completeAs(String user, Task task, Map<String, Object> variables) {
		TasklistUser.claimAndComplete(engine, user, task.getId(), variables);
	}

	Task task(String businessKey, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
	}

	/** A run opened on its own, fetched, issued and delivered by the county's runner and the civil affairs clerk. */
	String deliveredRun() {
		ProxyRun run = proxyRuns.open(new NewProxyRun("周十四", "330825198503121239", PHONE, "huzhen", "huzhen-xiaku",
				"ZM-0009", "renshe", true), "window-renshe-1");
		String caseNo = run.getCaseNo();
		completeAs("runner-county-1", task(caseNo, "fetchCertificate"), withVariables("fetchNote", "已提交"));
		completeAs("clerk-minzheng-1", task(caseNo, "issueCertificate"), withVariables("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		completeAs("runner-county-1", task(caseNo, "deliverCertificate"), withVariables("deliveryConfirmed", true));
		completeAs("window-renshe-1", task(caseNo, "signForCertificate"), withVariables("signOutcome", "signed"));
		return caseNo;
	}

	ProcessInstance rectificationOf(String caseNo) {
		return engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey("rectification")
			.processInstanceBusinessKey(caseNo)
			.singleResult();
	}

	@Test
	void shouldInviteTheApplicantWhenARunIsDeliveredAndTakeOneRatingPerCase() {
		String caseNo = deliveredRun();

		assertThat(outbox.textMessagesAbout(caseNo)).anySatisfy(sms -> {
			assertThat(sms.phone()).isEqualTo(PHONE);
			assertThat(sms.text()).contains("请对我们的服务作出评价", "/public/rate?caseNo=" + caseNo);
		});

		Rating rating = assessment.rate(caseNo, PHONE, RatingLevel.SATISFIED, "很方便");
		assertThat(rating.getLevel()).isEqualTo(RatingLevel.SATISFIED);
		assertThat(rectificationOf(caseNo)).isNull();
		assertThatThrownBy(() -> assessment.rate(caseNo, PHONE, RatingLevel.VERY_SATISFIED, null))
			.isInstanceOf(ConflictException.class)
			.hasMessageContaining("只能评价一次");
	}

	@Test
	void shouldAnswerAWrongPhoneAsAnUnknownCase() {
		String caseNo = deliveredRun();

		assertThatThrownBy(() -> assessment.rate(caseNo, "13900000000", RatingLevel.SATISFIED, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("办件编号或手机号码不正确");
		assertThatThrownBy(() -> assessment.rate("DP20990101-999999", PHONE, RatingLevel.SATISFIED, null))
			.isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("办件编号或手机号码不正确");
	}

	@Test
	void shouldRemindOnceWhenUnratedAfterThreeDays() {
		String caseNo = deliveredRun();

		ClockUtil.setCurrentTime(at("2026-06-10T09:00"));
		assessment.remindUnrated();
		ClockUtil.setCurrentTime(at("2026-06-11T10:00"));
		assessment.remindUnrated();
		ClockUtil.setCurrentTime(at("2026-06-15T10:00"));
		assessment.remindUnrated();

		assertThat(outbox.textMessagesAbout(caseNo)).filteredOn(sms -> sms.text().contains("尚未评价")).hasSize(1);
		assertThat(assessment.find(caseNo).orElseThrow().getRemindedAt()).isEqualTo(at("2026-06-11T10:00").toInstant());
	}

	@Test
	void shouldNotRemindAnApplicantWhoHasRated() {
		String caseNo = deliveredRun();
		assessment.rate(caseNo, PHONE, RatingLevel.VERY_SATISFIED, null);

		ClockUtil.setCurrentTime(at("2026-06-20T10:00"));
		assessment.remindUnrated();

		assertThat(outbox.textMessagesAbout(caseNo)).noneSatisfy(sms -> assertThat(sms.text()).contains("尚未评价"));
	}

	@Test
	void shouldRectifyABadRatingAndTakeOneFollowUpRating() {
		String caseNo = deliveredRun();
		assessment.rate(caseNo, PHONE, RatingLevel.DISSATISFIED, "等得太久");

		ProcessInstance rectification = rectificationOf(caseNo);
		assertThat(rectification).isWaitingAt("callBackApplicant");
		Task callBack = task(caseNo, "callBackApplicant");
		assertThat(callBack).hasCandidateGroup("runners-county").hasName("回访申请人");
		// one working day: Tuesday 18:00
		assertThat(callBack.getDueDate()).isEqualTo(at("2026-06-09T18:00"));

		completeAs("runner-county-1", callBack, withVariables("callBackNote", "已电话致歉，说明原因", "appealFiled", false));
		Task rectify = task(caseNo, "rectifyIssue");
		// fifteen working days from Monday 8 June, with the Dragon Boat Festival (19 June) off: 30 June
		assertThat(rectify.getDueDate()).isEqualTo(at("2026-06-30T18:00"));
		completeAs("runner-county-1", rectify, withVariables("rectificationReport", "已调整派单顺序，缩短等待"));

		assertThat(rectification).isEnded().hasPassed("rectificationReported");
		assertThat(outbox.textMessagesAbout(caseNo)).anySatisfy(
				sms -> assertThat(sms.text()).contains("已完成整改", "已调整派单顺序", "欢迎再次评价"));
		Rating rating = assessment.rate(caseNo, PHONE, RatingLevel.SATISFIED, "改进了");
		assertThat(rating.getFollowUpLevel()).isEqualTo(RatingLevel.SATISFIED);
		assertThat(rating.facts().rectifiedOnTime()).isTrue();
		assertThatThrownBy(() -> assessment.rate(caseNo, PHONE, RatingLevel.SATISFIED, null))
			.isInstanceOf(ConflictException.class);
	}

	@Test
	void shouldTellManagersWhenTheCallBackIsLate() {
		String caseNo = deliveredRun();
		assessment.rate(caseNo, PHONE, RatingLevel.VERY_DISSATISFIED, null);
		ProcessInstance rectification = rectificationOf(caseNo);
		var timer = engine.getManagementService()
			.createJobQuery()
			.processInstanceId(rectification.getId())
			.timers()
			.singleResult();
		assertThat(timer.getDuedate()).isEqualTo(at("2026-06-09T18:00"));

		ClockUtil.setCurrentTime(at("2026-06-09T18:01"));
		engine.getManagementService().executeJob(timer.getId());

		assertThat(outbox.groupMessagesAbout(caseNo)).filteredOn(message -> message.title().equals("红牌超期 " + caseNo))
			.allSatisfy(message -> assertThat(message.text()).contains("回访申请人", "runners-county"))
			.extracting(GroupMessage::groupId)
			.containsExactly("managers", "task-force");
		// the call-back is still to be done
		assertThat(rectification).isWaitingAt("callBackApplicant");
	}

	@Test
	void shouldExcludeAMaliciousRatingWhenManagersUpholdTheAppeal() {
		String caseNo = deliveredRun();
		assessment.rate(caseNo, PHONE, RatingLevel.VERY_DISSATISFIED, "随便打的");

		completeAs("runner-county-1", task(caseNo, "callBackApplicant"), withVariables("callBackNote",
				"申请人表示对服务无意见，差评系误操作后拒不更改", "appealFiled", true, "appealReason", "恶意差评，有通话录音"));
		Task review = task(caseNo, "reviewAppeal");
		assertThat(review).hasCandidateGroup("managers");
		completeAs("manager-1", review, withVariables("appealUpheld", "true"));

		assertThat(rectificationOf(caseNo)).isNull();
		Rating rating = assessment.find(caseNo).orElseThrow();
		assertThat(rating.isExcluded()).isTrue();
		assertThat(rating.facts().excluded()).isTrue();
		assertThat(rating.facts().rectifiedOnTime()).isNull();
	}

	@Test
	void shouldRectifyWhenTheAppealIsRejected() {
		String caseNo = deliveredRun();
		assessment.rate(caseNo, PHONE, RatingLevel.DISSATISFIED, null);
		completeAs("runner-county-1", task(caseNo, "callBackApplicant"),
				withVariables("callBackNote", "已回访", "appealFiled", true, "appealReason", "认为评价不公"));

		completeAs("manager-1", task(caseNo, "reviewAppeal"), withVariables("appealUpheld", "false"));

		assertThat(rectificationOf(caseNo)).isWaitingAt("rectifyIssue");
		assertThat(assessment.find(caseNo).orElseThrow().isExcluded()).isFalse();
	}

	@Test
	void shouldTakeRatingsOnThePublicPageWithoutLogin() {
		String caseNo = deliveredRun();

		var refused = http.postForEntity("/public/api/ratings",
				Map.of("caseNo", caseNo, "phone", PHONE, "level", "GREAT"), Map.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		var rated = http.postForEntity("/public/api/ratings",
				Map.of("caseNo", caseNo, "phone", PHONE, "level", "BASICALLY_SATISFIED", "comment", "还行"), Map.class);
		assertThat(rated.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(rated.getBody()).containsEntry("levelLabel", "基本满意");
		var again = http.postForEntity("/public/api/ratings",
				Map.of("caseNo", caseNo, "phone", PHONE, "level", "SATISFIED"), Map.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(http.getForEntity("/public/rate?caseNo=" + caseNo, String.class).getBody()).contains("服务评价");
	}

	@Test
	void shouldListRatingsOfAPeriodForTheNumbers() {
		String caseNo = deliveredRun();
		assessment.rate(caseNo, PHONE, RatingLevel.SATISFIED, null);

		List<RatingFacts> june = assessment.ratings(java.time.LocalDate.of(2026, 6, 1), java.time.LocalDate.of(2026, 7, 1));

		assertThat(june).filteredOn(f -> f.caseNo().equals(caseNo)).singleElement().satisfies(facts -> {
			assertThat(facts.service()).isEqualTo(RatedService.PROXY_RUN);
			assertThat(facts.townshipCode()).isEqualTo("huzhen");
			assertThat(facts.responsibleGroup()).isEqualTo("runners-county");
			assertThat(facts.rectifiedOnTime()).isNull();
		});
		assertThat(assessment.ratings(java.time.LocalDate.of(2026, 7, 1), java.time.LocalDate.of(2026, 8, 1)))
			.noneMatch(f -> f.caseNo().equals(caseNo));
	}
}
