package org.zhengpaopao.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.LinkedMultiValueMap;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.WebappSession;

/**
 * Somebody sends wrong passwords for a member of staff, through each of the three doors: the application API, the
 * engine REST API and the webapps' login. The guesser's own address slows down (429, before the password is checked);
 * the account is never locked, so its owner, elsewhere, logs in as always. Each test poses as its own clients
 * (X-Forwarded-For from the loopback address, which Tomcat believes of a proxy); time moves only when a test moves
 * the engine's clock, which is the application's clock in tests.
 */
@IntegrationTest
class LoginThrottleTests {

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
	static final String RIGHT = "demo";

	/** A door: sends the user name and password from the client address, answers what the door answered. */
	interface Door {

		ResponseEntity<String> logIn(String user, String password, String client);
	}

	@Autowired
	TestRestTemplate http;

	@Autowired
	IdentityService identityService;

	@Autowired
	JdbcClient jdbc;

	/** The engine the doors name: the MySQL-family suite's has a name of its own. */
	@Autowired
	ProcessEngine engine;

	@BeforeEach
	void setUp() {
		ClockUtil.setCurrentTime(Date.from(LocalDateTime.parse("2026-12-01T10:00").atZone(SHANGHAI).toInstant()));
	}

	@AfterEach
	void tearDown() {
		ClockUtil.reset();
		// no count of these tests may slow down another test's logins (and, before the throttle, no Camunda lock)
		jdbc.sql("delete from zpp_public_attempt where kind like 'LOGIN%'").update();
		for (String user : List.of("admin", "manager-1", "runner-county-1", "taskforce-1")) {
			identityService.unlockUser(user);
		}
	}

	static void later(Duration duration) {
		ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(duration)));
	}

	static HttpHeaders from(String client) {
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Forwarded-For", client);
		return headers;
	}

	final Door api = (user, password, client) -> {
		HttpHeaders headers = from(client);
		headers.setBasicAuth(user, password);
		return http.exchange("/api/divisions", HttpMethod.GET, new HttpEntity<>(headers), String.class);
	};

	final Door engineRest = (user, password, client) -> {
		HttpHeaders headers = from(client);
		headers.setBasicAuth(user, password);
		return http.exchange("/engine-rest/engine/" + engine.getName() + "/task?processInstanceBusinessKey=none",
				HttpMethod.GET, new HttpEntity<>(headers), String.class);
	};

	/** As the webapps' login page: a GET for the session and its CSRF token, then the form. */
	final Door webappLogin = (user, password, client) -> {
		WebappSession anonymous = WebappSession.visit(http);
		HttpHeaders headers = anonymous.cookiesAndToken(anonymous.csrfToken());
		headers.set("X-Forwarded-For", client);
		headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
		var form = new LinkedMultiValueMap<String, String>();
		form.add("username", user);
		form.add("password", password);
		return http.exchange("/camunda/api/admin/auth/user/" + engine.getName() + "/login/cockpit", HttpMethod.POST,
				new HttpEntity<>(form, headers), String.class);
	};

	/** {@code count} wrong passwords, each checked and refused: where the address has to wait, the test waits. */
	static void guess(Door door, String user, String client, int count) {
		for (int i = 0; i < count; i++) {
			ResponseEntity<String> answer = door.logIn(user, "guess-" + i, client);
			if (answer.getStatusCode().value() == 429) {
				later(Duration.ofSeconds(retryAfter(answer)));
				answer = door.logIn(user, "guess-" + i, client);
			}
			assertThat(answer.getStatusCode()).as("wrong password %d from %s", i + 1, client)
				.isEqualTo(HttpStatus.UNAUTHORIZED);
		}
	}

	static long retryAfter(ResponseEntity<String> answer) {
		return Long.parseLong(answer.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
	}

	void assertTheOwnerLogsInFromElsewhereAfterFiftyWrongPasswords(Door door) {
		guess(door, "admin", "203.0.113.11", 50);

		assertThat(door.logIn("admin", RIGHT, "198.51.100.11").getStatusCode()).as("the owner, at another address")
			.isEqualTo(HttpStatus.OK);
		assertThat(door.logIn("admin", RIGHT, "203.0.113.11").getStatusCode())
			.as("the guesser's address, even with the right password").isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
	}

	@Test
	void shouldLetTheOwnerLogInToTheApiFromElsewhereAfterFiftyWrongPasswords() {
		assertTheOwnerLogsInFromElsewhereAfterFiftyWrongPasswords(api);
	}

	@Test
	void shouldLetTheOwnerLogInToTheEngineRestApiFromElsewhereAfterFiftyWrongPasswords() {
		assertTheOwnerLogsInFromElsewhereAfterFiftyWrongPasswords(engineRest);
	}

	@Test
	void shouldLetTheOwnerLogInToTheWebappsFromElsewhereAfterFiftyWrongPasswords() {
		assertTheOwnerLogsInFromElsewhereAfterFiftyWrongPasswords(webappLogin);
	}

	@Test
	void shouldMakeTheGuessingAddressWaitLongerAfterEachFailureBeforeCheckingAnyPassword() {
		String guesser = "203.0.113.21";
		guess(api, "runner-county-1", guesser, 5);

		// beyond the free failures: refused before the password is checked, so the right one too
		ResponseEntity<String> refused = api.logIn("runner-county-1", RIGHT, guesser);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)).isTrue();
		assertThat(refused.getBody()).contains("\"status\":429", "登录失败次数过多 / Too many failed logins",
				"请2秒后再试", "try again in 2 seconds");
		assertThat(retryAfter(refused)).isEqualTo(2);
		assertThat(api.logIn("runner-county-1", RIGHT, "198.51.100.21").getStatusCode())
			.as("meanwhile, from another address").isEqualTo(HttpStatus.OK);

		List<Long> waits = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			later(Duration.ofSeconds(retryAfter(api.logIn("runner-county-1", "guess", guesser))));
			assertThat(api.logIn("runner-county-1", "guess", guesser).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
			waits.add(retryAfter(api.logIn("runner-county-1", RIGHT, guesser)));
		}
		assertThat(waits).containsExactly(4L, 8L, 16L, 32L);

		// the right password once the wait is over: the account on this address starts again (checked at once), but
		// with one free failure only, as the account has ten within the hour
		later(Duration.ofSeconds(32));
		assertThat(api.logIn("runner-county-1", RIGHT, guesser).getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.logIn("runner-county-1", "guess", guesser).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(retryAfter(api.logIn("runner-county-1", RIGHT, guesser))).isEqualTo(2);
	}

	@Test
	void shouldCapTheWaitAtFifteenMinutes() {
		String guesser = "203.0.113.23";
		guess(engineRest, "taskforce-1", guesser, 20);

		assertThat(retryAfter(engineRest.logIn("taskforce-1", RIGHT, guesser))).isEqualTo(15 * 60);
	}

	@Test
	void shouldSlowDownAnAddressThatTriesManyAccounts() {
		String sprayer = "203.0.113.31";
		for (int i = 0; i < 20; i++) {
			guess(api, "sprayed-" + i, sprayer, 1);
		}

		assertThat(api.logIn("manager-1", RIGHT, sprayer).getStatusCode()).as("any account from that address")
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(api.logIn("manager-1", RIGHT, "198.51.100.31").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldGiveEachAddressOneFreeFailureOnAnAccountUnderAttack() {
		for (int i = 1; i <= 10; i++) {
			guess(webappLogin, "manager-1", "203.0.113." + (100 + i), 1);
		}

		String another = "203.0.113.111";
		guess(webappLogin, "manager-1", another, 1);
		assertThat(webappLogin.logIn("manager-1", RIGHT, another).getStatusCode()).as("after its first failure")
			.isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(webappLogin.logIn("manager-1", RIGHT, "198.51.100.41").getStatusCode())
			.as("an address that has not failed").isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldNotLetCamundaLockOrDelayTheAccount() {
		for (int i = 1; i <= 12; i++) {
			guess(engineRest, "admin", "203.0.113." + (120 + i), 1);
		}

		// at once, without moving the clock: Camunda's own lock would refuse this for 3 seconds after the first failure
		// and for good after the tenth
		assertThat(engineRest.logIn("admin", RIGHT, "198.51.100.51").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(api.logIn("admin", RIGHT, "198.51.100.51").getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(webappLogin.logIn("admin", RIGHT, "198.51.100.51").getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldNotCountRequestsWithoutCredentials() {
		String client = "203.0.113.61";
		for (int i = 0; i < 30; i++) {
			assertThat(http.exchange("/api/divisions", HttpMethod.GET, new HttpEntity<>(from(client)), String.class)
				.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		}

		assertThat(api.logIn("runner-county-1", RIGHT, client).getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldForgetFailuresAfterAnHourWithoutOne() {
		String client = "203.0.113.71";
		guess(api, "runner-county-1", client, 6);
		assertThat(api.logIn("runner-county-1", RIGHT, client).getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);

		later(Duration.ofMinutes(61));
		guess(api, "runner-county-1", client, 4);
		assertThat(api.logIn("runner-county-1", RIGHT, client).getStatusCode()).as("four failures are free again")
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	void shouldCheckOnlyOneOfABurstOfParallelGuessesOnceTheWaitIsOver() throws Exception {
		String guesser = "203.0.113.81";
		guess(api, "runner-county-1", guesser, 6);
		later(Duration.ofSeconds(retryAfter(api.logIn("runner-county-1", "guess", guesser))));

		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Callable<HttpStatus>> burst = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				String password = "burst-" + i;
				burst.add(() -> HttpStatus.valueOf(api.logIn("runner-county-1", password, guesser).getStatusCode().value()));
			}
			List<HttpStatus> answers = new ArrayList<>();
			for (Future<HttpStatus> answer : pool.invokeAll(burst)) {
				answers.add(answer.get());
			}
			assertThat(answers).containsOnly(HttpStatus.UNAUTHORIZED, HttpStatus.TOO_MANY_REQUESTS);
			assertThat(answers).filteredOn(HttpStatus.UNAUTHORIZED::equals).hasSize(1);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
