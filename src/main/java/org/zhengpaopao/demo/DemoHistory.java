package org.zhengpaopao.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.application.Application;
import org.zhengpaopao.application.ApplicationTask;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.assessment.Assessment;
import org.zhengpaopao.assessment.RatingLevel;
import org.zhengpaopao.assessment.RectificationTask;
import org.zhengpaopao.calendar.WorkingDayCalendar;
import org.zhengpaopao.catalog.Catalog;
import org.zhengpaopao.catalog.Certificate;
import org.zhengpaopao.catalog.IssuingLevel;
import org.zhengpaopao.catalog.Matter;
import org.zhengpaopao.identity.DemoUserIds;
import org.zhengpaopao.identity.Groups;
import org.zhengpaopao.organization.Division;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunTask;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.system.CountyTime;

/**
 * Writes six months of history through the real processes, once, into an empty database: every working day a few
 * proxy-runs that runners fetch, clerks issue (now and then refuse) as electronic licences, runners deliver and
 * windows sign for, about one in eight late
 * enough for its yellow and red cards and escalations to fire; a few certificate-free cases; and the applicants'
 * ratings, with the rectification of the bad ones; a share of the runs and cases are companies' ({@link DemoCompanies}).
 * The engine's clock is moved to each step's time and the timers that fell due are executed, exactly as the job
 * executor would have.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
@ConditionalOnProperty("zhengpaopao.demo.history")
class DemoHistory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoHistory.class);
	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "胡", "朱", "高",
			"林", "何", "郭", "马", "罗", "叶", "余", "祝", "毛", "徐" };
	private static final String[] GIVEN = { "建国", "秀英", "丽华", "志强", "海燕", "伟", "芳", "敏", "静", "磊", "洋", "艳", "勇",
			"军", "杰", "娟", "涛", "明", "超", "霞", "春梅", "德顺", "金花", "根土" };
	private static final String[] USING_DEPARTMENTS = { "renshe", "minzheng", "zhujian", "yibao", "jiaoyu", "budongchan" };
	/** the window that takes the demo's runs and cases in */
	private static final String INTAKE = DemoUserIds.of(Groups.window("renshe"));
	/** on file with the data-platform simulator (seeds/shared-data.csv), so that shared checks pass */
	private static final String ON_FILE = "330825199506066786";

	private final ProxyRuns proxyRuns;
	private final Applications applications;
	private final Assessment assessment;
	private final Catalog catalog;
	private final Organization organization;
	private final WorkingDayCalendar calendar;
	private final TaskService taskService;
	private final ManagementService managementService;
	private final JdbcTemplate jdbc;
	private final Random random = new Random(2018);
	private int platformApplications;

	DemoHistory(ProxyRuns proxyRuns, Applications applications, Assessment assessment, Catalog catalog,
			Organization organization, WorkingDayCalendar calendar, ProcessEngine engine, JdbcTemplate jdbc) {
		this.proxyRuns = proxyRuns;
		this.applications = applications;
		this.assessment = assessment;
		this.catalog = catalog;
		this.organization = organization;
		this.calendar = calendar;
		this.taskService = engine.getTaskService();
		this.managementService = engine.getManagementService();
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (jdbc.queryForObject("select count(*) from zpp_proxy_run", Long.class) > 0) {
			log.info("Demo history skipped: the database already has proxy-runs");
			return;
		}
		List<Certificate> fetchable = catalog.certificates()
			.stream()
			.filter(c -> catalog.keepsAsProxyRun(c.getCode()))
			.toList();
		List<Division> townships = organization.townships();
		DemoCompanies companies = new DemoCompanies(catalog, random);
		LocalDate today = LocalDate.now(CountyTime.ZONE);
		int runs = 0;
		int cases = 0;
		try {
			for (LocalDate day = today.minusMonths(6); day.isBefore(today.minusDays(2)); day = day.plusDays(1)) {
				if (!calendar.isWorkingDay(day)) {
					continue;
				}
				int perDay = 1 + random.nextInt(3);
				for (int i = 0; i < perDay; i++) {
					Division township = townships.get(random.nextInt(townships.size()));
					runProxyRun(day, township, fetchable.get(random.nextInt(fetchable.size())), today, companies);
					runs++;
				}
				if (random.nextInt(3) == 0) {
					takeCase(day, today, companies);
					cases++;
				}
			}
		}
		finally {
			ClockUtil.reset();
		}
		log.info("Demo history written: {} proxy-runs and {} certificate-free cases over six months", runs, cases);
	}

	private void runProxyRun(LocalDate day, Division township, Certificate certificate, LocalDate today,
			DemoCompanies companies) {
		List<Division> villages = organization.villagesOf(township.getCode());
		at(day, 9 + random.nextInt(7));
		String village = villages.get(random.nextInt(villages.size())).getCode();
		String usingDepartment = USING_DEPARTMENTS[random.nextInt(USING_DEPARTMENTS.length)];
		// a county department's certificate (纳税证明, 不动产登记证明, …) is now and then a company's
		DemoCompanies.Company company = certificate.getIssuingLevel() == IssuingLevel.COUNTY && random.nextInt(5) == 0
				? companies.any() : null;
		ProxyRun run = proxyRuns.open(company == null
				? new NewProxyRun(name(), idNumber(), phone(), township.getCode(), village, certificate.getCode(),
						usingDepartment, true)
				: company.proxyRun(phone(), township.getCode(), village, certificate.getCode(), usingDepartment),
				INTAKE);
		String caseNo = run.getCaseNo();
		LocalDate deadline = proxyRuns.find(caseNo).orElseThrow().getDeadline();
		boolean late = random.nextInt(8) == 0;
		boolean refused = !late && random.nextInt(25) == 0;
		LocalDate fetchDay = calendar.deadline(day, 1).date();
		LocalDate issueDay = late ? calendar.deadline(deadline, 1 + random.nextInt(6)).date()
				: calendar.previousWorkingDay(deadline).isBefore(fetchDay) ? fetchDay : calendar.previousWorkingDay(deadline);
		LocalDate deliverDay = issueDay;
		if (!deliverDay.isBefore(today)) {
			return; // still open today
		}
		complete(caseNo, ProxyRunTask.FETCH_CERTIFICATE.id(), fetchDay, 10, Map.of("fetchNote", "已向出证单位提交"));
		if (refused) {
			complete(caseNo, ProxyRunTask.ISSUE_CERTIFICATE.id(), issueDay, 11,
					Map.of("issueOutcome", "refused", "refusalReason", "档案中无相关记录"));
		}
		else {
			// the demo's certificates travel as electronic licences; the number is made up, in the platform's shape
			complete(caseNo, ProxyRunTask.ISSUE_CERTIFICATE.id(), issueDay, 11, Map.of("issueOutcome", "issued",
					"licenceNumber", "330825" + caseNo.replaceAll("[^0-9]", "")));
			complete(caseNo, ProxyRunTask.DELIVER_CERTIFICATE.id(), deliverDay, 16,
					Map.of("deliveryConfirmed", true, "deliveryNote", "已送窗口"));
			complete(caseNo, ProxyRunTask.SIGN_FOR_CERTIFICATE.id(), deliverDay, 17,
					Map.of("signOutcome", "signed", "signNote", "已核验电子证照"));
		}
		rate(caseNo, run.getPhone(), deliverDay, late || refused, today);
	}

	private void takeCase(LocalDate day, LocalDate today, DemoCompanies companies) {
		String village = organization.villagesOf("longzhou").get(0).getCode();
		// about one case in three is a company's enterprise matter (涉企事项)
		Matter enterprise = random.nextInt(3) == 0 ? companies.matter() : null;
		NewApplication request = enterprise != null
				? companies.any().application(phone(), "longzhou", village, enterprise.getCode())
				: new NewApplication(name(), ON_FILE, phone(), "longzhou", village,
						List.of("SX-006", "SX-007", "SX-011", "SX-015", "SX-065").get(random.nextInt(5)), List.of(),
						List.of(), true);
		// about one case in three is submitted on the provincial platform, so that the per-case online and zero-trip
		// rates have something to show
		boolean online = random.nextInt(3) == 0;
		Intake intake = online ? Intake.platform("ZJ" + day.toString().replace("-", "") + (++platformApplications))
				: Intake.WINDOW;
		at(day, 10);
		Application application = applications.take(request, intake, null, INTAKE).application();
		String caseNo = application.getCaseNo();
		String pid = application.getProcessInstanceId();
		for (Job job : managementService.createJobQuery().processInstanceId(pid).executable().list()) {
			managementService.executeJob(job.getId());
		}
		LocalDate decisionDay = calendar.deadline(day, 1).date();
		if (!decisionDay.isBefore(today)) {
			return;
		}
		at(decisionDay, 15);
		Task decision = taskService.createTaskQuery()
			.processInstanceId(pid)
			.taskDefinitionKey(ApplicationTask.DECIDE_APPLICATION.id())
			.singleResult();
		if (decision != null) {
			String window = DemoUserIds.of(Groups.window(application.getUsingDepartmentCode()));
			taskService.claim(decision.getId(), window);
			taskService.complete(decision.getId(), resultDelivery(online));
		}
		rate(caseNo, application.getPhone(), decisionDay, false, today);
	}

	/**
	 * The window's decision with the way back: an online case's result mostly online, one in four by post, one in
	 * eight collected at the window all the same; a window case's collected there.
	 */
	private Map<String, Object> resultDelivery(boolean online) {
		int way = online ? random.nextInt(8) : 0;
		if (way == 0) {
			return Map.of("approved", "true", "resultDelivery", "WINDOW");
		}
		if (way <= 2) {
			return Map.of("approved", "true", "resultDelivery", "POST", "postalTrackingNumber",
					"1190" + (100_000_000 + random.nextInt(900_000_000)));
		}
		return Map.of("approved", "true", "resultDelivery", "ONLINE");
	}

	/** Three in four applicants rate; a late or refused service gets more of the bad ratings. */
	private void rate(String caseNo, String phone, LocalDate finished, boolean badExperience, LocalDate today) {
		if (random.nextInt(4) == 0 || assessment.find(caseNo).isEmpty()) {
			return;
		}
		LocalDate ratingDay = finished.plusDays(random.nextInt(3));
		if (!ratingDay.isBefore(today)) {
			return;
		}
		at(ratingDay, 20);
		int roll = random.nextInt(100);
		RatingLevel level = badExperience ? (roll < 40 ? RatingLevel.DISSATISFIED : roll < 55 ? RatingLevel.VERY_DISSATISFIED
				: RatingLevel.BASICALLY_SATISFIED)
				: roll < 60 ? RatingLevel.VERY_SATISFIED : roll < 90 ? RatingLevel.SATISFIED
						: roll < 97 ? RatingLevel.BASICALLY_SATISFIED : RatingLevel.DISSATISFIED;
		assessment.rate(caseNo, phone, level, null);
		if (level.isBad()) {
			LocalDate callBack = calendar.deadline(ratingDay, 1).date();
			LocalDate rectified = calendar.deadline(ratingDay, random.nextInt(5) == 0 ? 18 : 3 + random.nextInt(8)).date();
			if (!rectified.isBefore(today)) {
				return;
			}
			complete(caseNo, RectificationTask.CALL_BACK_APPLICANT.id(), callBack, 10,
					Map.of("callBackNote", "已电话回访，致歉并说明情况", "appealFiled", false));
			complete(caseNo, RectificationTask.RECTIFY_ISSUE.id(), rectified, 17,
					Map.of("rectificationReport", "已约谈经办人员并优化流程"));
		}
	}

	/** Fires what fell due before the step, then completes the step's task as the first member of its group. */
	private void complete(String businessKey, String taskKey, LocalDate day, int hour, Map<String, Object> variables) {
		at(day, hour);
		Task task = taskService.createTaskQuery()
			.processInstanceBusinessKey(businessKey)
			.taskDefinitionKey(taskKey)
			.singleResult();
		if (task == null) {
			return;
		}
		fireDueTimers(task.getProcessInstanceId());
		task = taskService.createTaskQuery().taskId(task.getId()).singleResult();
		if (task == null) {
			return;
		}
		String group = taskService.getIdentityLinksForTask(task.getId()).get(0).getGroupId();
		taskService.claim(task.getId(), DemoUserIds.of(group));
		taskService.complete(task.getId(), variables);
	}

	private void fireDueTimers(String processInstanceId) {
		for (int round = 0; round < 10; round++) {
			List<Job> due = managementService.createJobQuery()
				.processInstanceId(processInstanceId)
				.timers()
				.duedateLowerThan(new Date(ClockUtil.getCurrentTime().getTime() + 1))
				.list();
			if (due.isEmpty()) {
				return;
			}
			due.forEach(job -> managementService.executeJob(job.getId()));
		}
	}

	private void at(LocalDate day, int hour) {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.of(day, LocalTime.of(hour, random.nextInt(60)))
			.atZone(CountyTime.ZONE)
			.toInstant()));
	}

	private String name() {
		return SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
	}

	private String phone() {
		return "139057" + String.format("%05d", random.nextInt(100_000));
	}

	private String idNumber() {
		LocalDate born = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 55));
		String base = "330825" + born.toString().replace("-", "") + String.format("%03d", random.nextInt(1000));
		int[] weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 };
		int sum = 0;
		for (int i = 0; i < 17; i++) {
			sum += (base.charAt(i) - '0') * weights[i];
		}
		return base + "10X98765432".charAt(sum % 11);
	}
}
