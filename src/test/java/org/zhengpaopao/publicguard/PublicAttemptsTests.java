package org.zhengpaopao.publicguard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.Spellings;
import org.zhengpaopao.TasklistUser;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunState;
import org.zhengpaopao.proxyrun.ProxyRuns;

/**
 * A guesser on the public pages (authorize, track, rate), who has case numbers or phone numbers to try: the pages
 * answer the same for numbers that exist and numbers that do not, and lock a number or an address after too many
 * attempts. Each test has its own case numbers and poses as its own clients (X-Forwarded-For from the loopback
 * address, which Tomcat believes of a proxy), so that no lock reaches another test.
 */
@IntegrationTest
class PublicAttemptsTests {

	static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};
	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	static final String PHONE = "13905707777";
	static final String OTHER_PHONE = "13905700000";
	static final String AUTHORIZE = "/public/api/authorizations";
	static final String TRACK = "/public/api/track";
	static final String RATE = "/public/api/ratings";

	@Autowired
	TestRestTemplate http;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	TaskService taskService;

	@Autowired
	ProcessEngine engine;

	@Autowired
	IdentityService identityService;

	@Autowired
	RecordingNotifier notifier;

	@Autowired
	PublicAttempts attempts;

	@Autowired
	JdbcClient jdbc;

	@Value("${zhengpaopao.public-guard.address.max-attempts}")
	int addressMaxAttempts;

	@BeforeEach
	void setUp() {
		// a Tuesday morning; the tests move on from here
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-01T10:00").atZone(SHANGHAI).toInstant()));
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		identityService.clearAuthentication();
	}

	static void later(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	ResponseEntity<Map<String, Object>> post(String path, String client, Map<String, ?> body) {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.APPLICATION_JSON);
		headers.set("X-Forwarded-For", client);
		return http.exchange(path, HttpMethod.POST, new HttpEntity<>(body, headers), JSON);
	}

	/** What a guesser sees of an answer: status, body and when to come back. */
	record Answer(HttpStatus status, Map<String, Object> body, String retryAfter) {

		static Answer of(ResponseEntity<Map<String, Object>> response) {
			return new Answer(HttpStatus.valueOf(response.getStatusCode().value()), response.getBody(),
					response.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
		}
	}

	ProxyRun openRun(boolean authorizedAtWindow) {
		return proxyRuns.open(new NewProxyRun("赵六", "330825199001014569", PHONE, "muchen", "muchen-shuangdai", "ZM-0032",
				"minzheng", authorizedAtWindow), "window-minzheng-1");
	}

	/** A run waiting for the applicant's online confirmation, and the code the applicant was texted. */
	record PendingRun(String caseNo, String code) {
	}

	PendingRun runAwaitingAuthorization() {
		String caseNo = openRun(false).getCaseNo();
		String instance = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNo).singleResult()
			.getId();
		// sending the code is asynchronous; the tests' engine runs no job executor
		managementService.executeJob(managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
		return new PendingRun(caseNo, notifier.lastCodeFor(caseNo));
	}

	/** A run fetched, issued and delivered, so that its applicant is invited to rate it. */
	String deliveredRun() {
		String caseNo = proxyRuns.open(new NewProxyRun("赵六", "330825198503121239", PHONE, "huzhen", "huzhen-xiaku",
				"ZM-0009", "renshe", true), "window-renshe-1").getCaseNo();
		completeAs("runner-county-1", task(caseNo, "fetchCertificate"), withVariables("fetchNote", "已提交"));
		completeAs("clerk-minzheng-1", task(caseNo, "issueCertificate"), withVariables("issueOutcome", "issued", "licenceNumber", "ZZ3308250001"));
		completeAs("runner-county-1", task(caseNo, "deliverCertificate"), withVariables("deliveryConfirmed", true));
		completeAs("window-renshe-1", task(caseNo, "signForCertificate"), withVariables("signOutcome", "signed"));
		return caseNo;
	}

	Task task(String businessKey, String key) {
		return taskService.createTaskQuery().processInstanceBusinessKey(businessKey).taskDefinitionKey(key).singleResult();
	}

	void completeAs(String user, Task task, Map<String, Object> variables) {
		TasklistUser.claimAndComplete(engine, user, task.getId(), variables);
	}

	static Map<String, Object> code(String caseNo, String code) {
		return Map.of("caseNo", caseNo, "code", code);
	}

	static Map<String, Object> phone(String caseNo, String phone) {
		return Map.of("caseNo", caseNo, "phone", phone);
	}

	static Map<String, Object> rating(String caseNo, String phone) {
		Map<String, Object> body = new HashMap<>(phone(caseNo, phone));
		body.put("level", "SATISFIED");
		return body;
	}

	static String wrong(String code) {
		return code.equals("000000") ? "111111" : "000000";
	}

	@Test
	void shouldLockACaseNumberAfterFiveWrongCodesWhetherItExistsOrNot() {
		PendingRun run = runAwaitingAuthorization();
		String known = run.caseNo();
		String code = run.code();
		String unknown = "DP20991231-000101";

		List<Answer> knownAnswers = new ArrayList<>();
		List<Answer> unknownAnswers = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			knownAnswers.add(Answer.of(post(AUTHORIZE, "203.0.113.11", code(known, wrong(code)))));
			unknownAnswers.add(Answer.of(post(AUTHORIZE, "203.0.113.11", code(unknown, wrong(code)))));
		}
		// the right code now, from another client: the number is locked for everybody
		knownAnswers.add(Answer.of(post(AUTHORIZE, "203.0.113.12", code(known, code))));
		unknownAnswers.add(Answer.of(post(AUTHORIZE, "203.0.113.12", code(unknown, code))));

		assertThat(knownAnswers).isEqualTo(unknownAnswers);
		assertThat(knownAnswers.subList(0, 5)).extracting(Answer::status).containsOnly(HttpStatus.BAD_REQUEST);
		Answer locked = knownAnswers.get(5);
		assertThat(locked.status()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(locked.retryAfter()).isEqualTo("900");
		assertThat(locked.body()).containsEntry("type", "https://zhengpaopao.org/problems/too-many-attempts")
			.containsEntry("title", "尝试次数过多 / Too many attempts");
		assertThat((String) locked.body().get("detail")).startsWith("输入错误次数过多")
			.contains("请15分钟后再试", " / Too many failed attempts");
		assertThat(proxyRuns.find(known).orElseThrow().getState()).isEqualTo(ProxyRunState.AWAITING_AUTHORIZATION);

		// after the lock the run's own five tries are still used up (authorize at the window now), which must not
		// tell the run from a number that does not exist either
		later(Duration.ofMinutes(15));
		Answer usedUp = Answer.of(post(AUTHORIZE, "203.0.113.12", code(known, code)));
		assertThat(usedUp).isEqualTo(Answer.of(post(AUTHORIZE, "203.0.113.12", code(unknown, code))));
		assertThat(usedUp.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(proxyRuns.find(known).orElseThrow().getState()).isEqualTo(ProxyRunState.AWAITING_AUTHORIZATION);
	}

	@Test
	void shouldRefuseTheRightPhoneWhileLockedAndLetItInWhenTheLockIsOver() {
		String caseNo = openRun(true).getCaseNo();
		for (int i = 0; i < 5; i++) {
			assertThat(post(TRACK, "203.0.113.21", phone(caseNo, OTHER_PHONE)).getStatusCode())
				.isEqualTo(HttpStatus.NOT_FOUND);
		}

		var locked = post(TRACK, "203.0.113.22", phone(caseNo, PHONE));
		assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(locked.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(locked.getBody().toString()).doesNotContain(PHONE, "代跑员调取中");

		later(Duration.ofMinutes(14));
		var stillLocked = post(TRACK, "203.0.113.22", phone(caseNo, PHONE));
		assertThat(stillLocked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(stillLocked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("60");
		assertThat((String) stillLocked.getBody().get("detail")).contains("请1分钟后再试", "in 1 minute,");

		later(Duration.ofMinutes(1));
		var progress = post(TRACK, "203.0.113.22", phone(caseNo, PHONE));
		assertThat(progress.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(progress.getBody()).containsEntry("caseNo", caseNo).containsEntry("stateLabel", "代跑员调取中");
	}

	@Test
	void shouldCountTheCaseNumberAsTypedOnAllThreePages() {
		String caseNo = "DP20991231-000301";
		String client = "203.0.113.31";
		assertThat(post(TRACK, client, phone(caseNo, PHONE)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post(TRACK, client, phone(" dp20991231-000301 ", PHONE)).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(post(RATE, client, rating(caseNo, PHONE)).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(post(RATE, client, rating(caseNo.toLowerCase(), PHONE)).getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(post(AUTHORIZE, client, code(caseNo, "123456")).getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);

		assertThat(post(TRACK, client, phone(caseNo, PHONE)).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(post(RATE, client, rating(caseNo, PHONE)).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(post(AUTHORIZE, client, code(caseNo, "123456")).getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// other numbers from the same client are not locked
		assertThat(post(TRACK, client, phone("DP20991231-000302", PHONE)).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void shouldCountEverySpellingOfACaseNumberAsThatNumber() {
		String caseNo = openRun(true).getCaseNo();
		List<String> spellings = Spellings.six(caseNo);
		String client = "203.0.113.33";
		// full width, a zero-width space inside, a byte order mark, ideographic spaces around: one number each time
		for (String spelling : spellings.subList(0, 5)) {
			assertThat(post(TRACK, client, phone(spelling, OTHER_PHONE)).getStatusCode()).as("%s", spelling)
				.isEqualTo(HttpStatus.NOT_FOUND);
		}

		assertThat(post(TRACK, client, phone(spellings.get(5), OTHER_PHONE)).getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(post(TRACK, "203.0.113.34", phone(caseNo, PHONE)).getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(subjects("%" + caseNo.substring(2) + "%")).containsExactly(caseNo);
	}

	@Test
	void shouldAnswerTheCaseTypedInFullWidthWithAPhoneInFullWidthDigitsOnAllThreePages() {
		String client = "203.0.113.36";
		String tracked = openRun(true).getCaseNo();
		var progress = post(TRACK, client, phone("\u3000" + Spellings.fullWidth(tracked), Spellings.fullWidth(PHONE)));
		assertThat(progress.getStatusCode()).as("%s", progress.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(progress.getBody()).containsEntry("caseNo", tracked).containsEntry("stateLabel", "代跑员调取中");

		PendingRun pending = runAwaitingAuthorization();
		var confirmed = post(AUTHORIZE, client,
				code(Spellings.zeroWidthSpaceInside(Spellings.fullWidth(pending.caseNo())), Spellings.fullWidth(pending.code())));
		assertThat(confirmed.getStatusCode()).as("%s", confirmed.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(confirmed.getBody()).containsEntry("caseNo", pending.caseNo());
		assertThat(proxyRuns.find(pending.caseNo()).orElseThrow().getState())
			.isNotEqualTo(ProxyRunState.AWAITING_AUTHORIZATION);

		String delivered = deliveredRun();
		var rated = post(RATE, client, rating("\ufeff" + delivered.toLowerCase(), Spellings.fullWidth(PHONE)));
		assertThat(rated.getStatusCode()).as("%s", rated.getBody()).isEqualTo(HttpStatus.OK);
		assertThat(rated.getBody()).containsEntry("caseNo", delivered);
	}

	@Test
	void shouldLetAtMostFiveOfABurstOfParallelGuessesThrough() throws Exception {
		List<Answer> answers = inParallel(20,
				i -> post(TRACK, "203.0.113." + (150 + i), phone("DP20991231-000451", PHONE)));

		// each attempt is counted before it is answered, so a burst cannot all slip in before the first failure
		assertThat(answers).extracting(Answer::status).containsOnly(HttpStatus.NOT_FOUND, HttpStatus.TOO_MANY_REQUESTS);
		assertThat(answers).filteredOn(a -> a.status() == HttpStatus.NOT_FOUND).hasSizeBetween(1, 5);
	}

	@Test
	void shouldAnswerParallelWrongCodesForARunLikeForAnUnknownNumber() throws Exception {
		PendingRun run = runAwaitingAuthorization();
		// five at once: each is let through, and the run counts them while they race for its row
		List<Answer> known = inParallel(5, i -> post(AUTHORIZE, "203.0.113.13" + i, code(run.caseNo(), wrong(run.code()))));
		List<Answer> unknown = inParallel(5,
				i -> post(AUTHORIZE, "203.0.113.14" + i, code("DP20991231-000141", wrong(run.code()))));

		assertThat(known).extracting(Answer::status).containsOnly(HttpStatus.BAD_REQUEST);
		assertThat(known).containsExactlyElementsOf(unknown);
	}

	/** Sends {@code count} requests at the same moment and returns their answers in order. */
	List<Answer> inParallel(int count, IntFunction<ResponseEntity<Map<String, Object>>> request) throws Exception {
		ExecutorService clients = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Answer>> answers = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				answers.add(clients.submit(() -> {
					start.await();
					return Answer.of(request.apply(n));
				}));
			}
			start.countDown();
			List<Answer> result = new ArrayList<>();
			for (Future<Answer> answer : answers) {
				result.add(answer.get(30, TimeUnit.SECONDS));
			}
			return result;
		}
		finally {
			clients.shutdownNow();
		}
	}

	@Test
	void shouldStartTheCaseNumbersCountAgainAfterTheRightPhone() {
		String caseNo = openRun(true).getCaseNo();
		String client = "203.0.113.41";
		for (int i = 0; i < 4; i++) {
			assertThat(post(TRACK, client, phone(caseNo, OTHER_PHONE)).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertThat(post(TRACK, client, phone(caseNo, PHONE)).getStatusCode()).isEqualTo(HttpStatus.OK);

		for (int i = 0; i < 5; i++) {
			assertThat(post(TRACK, client, phone(caseNo, OTHER_PHONE)).getStatusCode()).as("attempt %d", i + 1)
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertThat(post(TRACK, client, phone(caseNo, PHONE)).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void shouldLockAClientAddressThatTriesTooManyNumbers() {
		String caseNo = openRun(true).getCaseNo();
		String scanner = "203.0.113.51";
		// a scanner walks through case numbers, fewer than five tries each; one right guess does not clear its count
		for (int i = 0; i < addressMaxAttempts - 1; i++) {
			assertThat(post(TRACK, scanner, phone(String.format("DP20991231-5%05d", i), PHONE)).getStatusCode())
				.as("attempt %d", i + 1)
				.isEqualTo(HttpStatus.NOT_FOUND);
		}
		assertThat(post(TRACK, scanner, phone(caseNo, PHONE)).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(post(TRACK, scanner, phone("DP20991231-599999", PHONE)).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);

		var locked = post(TRACK, scanner, phone(caseNo, PHONE));
		assertThat(locked.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(locked.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("900");
		assertThat(post(RATE, scanner, rating("DP20991231-599998", PHONE)).getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(post(AUTHORIZE, scanner, code("DP20991231-599998", "123456")).getStatusCode())
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		// the applicant, elsewhere, is not locked out
		assertThat(post(TRACK, "203.0.113.52", phone(caseNo, PHONE)).getStatusCode()).isEqualTo(HttpStatus.OK);

		later(Duration.ofMinutes(15));
		assertThat(post(TRACK, scanner, phone(caseNo, PHONE)).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldAnswerAWrongCodeLikeAnUnknownNumberOrARunNotWaitingForIt() {
		PendingRun pending = runAwaitingAuthorization();
		String authorizedAtWindow = openRun(true).getCaseNo();
		String client = "203.0.113.61";

		Answer wrongCode = Answer.of(post(AUTHORIZE, client, code(pending.caseNo(), wrong(pending.code()))));
		Answer unknown = Answer.of(post(AUTHORIZE, client, code("DP20991231-000601", pending.code())));
		Answer notPending = Answer.of(post(AUTHORIZE, client, code(authorizedAtWindow, pending.code())));

		assertThat(wrongCode.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown).isEqualTo(wrongCode);
		assertThat(notPending).isEqualTo(wrongCode);
	}

	@Test
	void shouldAnswerAWrongPhoneLikeAnUnknownNumberWhenTracking() {
		String caseNo = openRun(true).getCaseNo();
		String client = "203.0.113.71";

		Answer wrongPhone = Answer.of(post(TRACK, client, phone(caseNo, OTHER_PHONE)));
		Answer unknown = Answer.of(post(TRACK, client, phone("DP20991231-000701", PHONE)));

		assertThat(wrongPhone.status()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(unknown).isEqualTo(wrongPhone);
	}

	@Test
	void shouldAnswerAWrongPhoneLikeAnUnknownNumberOrAnUnfinishedCaseWhenRating() {
		String delivered = deliveredRun();
		String unfinished = openRun(true).getCaseNo();
		String client = "203.0.113.81";

		Answer wrongPhone = Answer.of(post(RATE, client, rating(delivered, OTHER_PHONE)));
		Answer unknown = Answer.of(post(RATE, client, rating("DP20991231-000801", PHONE)));
		Answer notFinished = Answer.of(post(RATE, client, rating(unfinished, PHONE)));

		assertThat(wrongPhone.status()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(unknown).isEqualTo(wrongPhone);
		assertThat(notFinished).isEqualTo(wrongPhone);
		// with the right phone the applicant rates, and hears only then that a case takes one rating
		assertThat(post(RATE, client, rating(delivered, PHONE)).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(post(RATE, client, rating(delivered, PHONE)).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void shouldForgetCountsOnceTheirWindowAndLockHaveRunOut() {
		String client = "203.0.113.91";
		for (int i = 0; i < 6; i++) {
			post(TRACK, client, phone("DP20991231-000901", PHONE));
		}
		post(TRACK, client, phone("DP20991231-000902", PHONE));
		later(Duration.ofMinutes(10));
		post(TRACK, client, phone("DP20991231-000903", PHONE));

		later(Duration.ofMinutes(6));
		attempts.prune();

		// 901 locked 16 minutes ago for 15 and 902 counted as long ago are gone; 903's window is still open
		assertThat(subjects("DP20991231-00090%")).containsExactly("DP20991231-000903");
		assertThat(subjects(client)).as("the address's window opened 16 minutes ago").isEmpty();
	}

	List<String> subjects(String like) {
		return jdbc.sql("select subject from zpp_public_attempt where subject like :like order by subject")
			.param("like", like)
			.query(String.class)
			.list();
	}

	@Test
	void shouldNotCountTextThatCannotBeACaseNumberAgainstANumber() {
		String client = "203.0.113.95";
		String[] garbage = { "", "   ", "DP2099'; drop table zpp_proxy_run; --", "X".repeat(100), "办件编号" };
		// six rounds: a number would be locked by now
		for (int round = 0; round < 6; round++) {
			for (String caseNo : garbage) {
				assertThat(post(TRACK, client, phone(caseNo, PHONE)).getStatusCode()).as("round %d: %s", round, caseNo)
					.isEqualTo(HttpStatus.NOT_FOUND);
			}
		}
		assertThat(subjects("DP2099'%")).isEmpty();
		assertThat(subjects("XXXX%")).isEmpty();
	}

	@Test
	void shouldTakeTheClientAddressFromTheProxyOnly() {
		post(TRACK, "198.51.100.7, 203.0.113.96", phone("DP20991231-000961", PHONE));

		// the proxy appends the address it saw; what the client claimed before that is not believed
		assertThat(subjects("203.0.113.96")).containsExactly("203.0.113.96");
		assertThat(subjects("198.51.100.7")).isEmpty();
	}
}
