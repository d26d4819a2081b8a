package org.zhengpaopao.identity;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestNotifications;
import org.zhengpaopao.notification.AliyunStandIn;
import org.zhengpaopao.notification.OutboxContents;
import org.zhengpaopao.proxyrun.AuthorizationOutcome;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRunAuthorizations;
import org.zhengpaopao.proxyrun.ProxyRuns;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

/**
 * The applicant's one-time code is in the text message that reached the SMS gateway and nowhere else: not in any
 * column of any table (the application's, the outbox, Camunda's), not in the log. Only rows this test wrote are
 * searched, so that a six-digit number some other test left behind cannot pass for the code.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OneTimeCodeSecrecyTests {

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ProxyRuns proxyRuns;

	@Autowired
	ProxyRunAuthorizations authorizations;

	@Autowired
	RuntimeService runtimeService;

	@Autowired
	ManagementService managementService;

	@Autowired
	TestNotifications.RecordingNotifier sms;

	@Autowired
	OutboxContents outbox;

	@Autowired
	TestRestTemplate http;

	@RegisterExtension
	static WireMockExtension aliyun = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	@Test
	void shouldKeepTheCodeOutOfEveryTableAndTheLog(CapturedOutput output) throws Exception {
		Map<String, Set<String>> before = rowsByTable();
		String caseNo = runSendingItsCode("13905706622");
		String code = sms.lastCodeFor(caseNo);
		Awaitility.await("the outbox records the delivery")
			.atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject("select count(*) from zpp_notification where reference = ? and status = 'SENT'",
					Long.class, caseNo) == 1);

		Pattern inClear = Pattern.compile("(?<![0-9])" + code + "(?![0-9])");
		assertThat(cellsWrittenSince(before, inClear)).as("cells holding the code").isEmpty();
		assertThat(inClear.matcher(output.getAll()).find()).as("the log holds the code").isFalse();
		// the outbox keeps the message with the code masked, and the scan reads what this test wrote
		assertThat(outbox.textMessagesAbout(caseNo)).singleElement()
			.satisfies(message -> assertThat(message.text()).contains("验证码 ******"));
		assertThat(cellsWrittenSince(before, Pattern.compile(Pattern.quote(caseNo)))).as("the scan finds the case")
			.anyMatch(cell -> cell.startsWith("ZPP_NOTIFICATION."))
			.anyMatch(cell -> cell.startsWith("ZPP_PROXY_RUN."))
			.anyMatch(cell -> cell.startsWith("ACT_HI_PROCINST."));

		// the code that was sent is the one that works
		assertThat(authorizations.confirmAuthorization(caseNo, code)).isEqualTo(AuthorizationOutcome.CONFIRMED);
	}

	/**
	 * With Alibaba Cloud SMS (a stand-in): one signed {@code SendSms} whose template parameters carry the code, the
	 * provider's BizId on the message, the applicant confirms on the public API, and the code is nowhere else.
	 */
	@Test
	void shouldSendTheCodeThroughAliyunAndKeepItOutOfEveryTableAndTheLog(CapturedOutput output) throws Exception {
		aliyun.stubFor(post(urlPathEqualTo("/")).willReturn(okJson(
				"{\"Message\":\"OK\",\"RequestId\":\"F655A8D5\",\"Code\":\"OK\",\"BizId\":\"900619746936498440^0\"}")));
		sms.forwardToAliyun(aliyun.baseUrl(), "aliyun-test-secret");
		try {
			Map<String, Set<String>> before = rowsByTable();
			String caseNo = runSendingItsCode("13905706624");
			String code = sms.lastCodeFor(caseNo);
			Awaitility.await("the outbox records the provider's id")
				.atMost(Duration.ofSeconds(10))
				.until(() -> jdbc.queryForList("select provider_id from zpp_notification where reference = ? "
						+ "and status = 'SENT'", String.class, caseNo), ids -> ids.contains("900619746936498440^0"));

			List<Map<String, String>> sendSms = aliyun.findAll(postRequestedFor(urlPathEqualTo("/")))
				.stream()
				.map(AliyunStandIn::form)
				.filter(form -> caseNo.equals(form.get("OutId")))
				.toList();
			assertThat(sendSms).singleElement().satisfies(form -> {
				assertThat(form).containsEntry("Action", "SendSms")
					.containsEntry("PhoneNumbers", "13905706624")
					.containsEntry("TemplateCode", "SMS_4711");
				assertThat(form.get("TemplateParam")).contains("\"code\":\"" + code + "\"");
				assertThat(form.get("Signature"))
					.isEqualTo(AliyunStandIn.expectedSignature("POST", form, "aliyun-test-secret"));
			});

			Pattern inClear = Pattern.compile("(?<![0-9])" + code + "(?![0-9])");
			assertThat(cellsWrittenSince(before, inClear)).as("cells holding the code").isEmpty();
			assertThat(inClear.matcher(output.getAll()).find()).as("the log holds the code").isFalse();

			HttpHeaders json = new HttpHeaders();
			json.setContentType(MediaType.APPLICATION_JSON);
			assertThat(http.exchange("/public/api/authorizations", HttpMethod.POST,
					new HttpEntity<>(Map.of("caseNo", caseNo, "code", code), json), String.class).getStatusCode())
				.isEqualTo(HttpStatus.OK);
		}
		finally {
			sms.forwardToAliyun(null, null);
		}
	}

	// ------------------------------------------------------------------------------------------- the scan

	List<String> tables() {
		return jdbc.queryForList("select table_name from information_schema.tables where table_schema = 'PUBLIC'",
				String.class);
	}

	/** A fingerprint of each row of each table: what was there before the code was sent. */
	Map<String, Set<String>> rowsByTable() throws SQLException, IOException {
		Map<String, Set<String>> rows = new HashMap<>();
		for (String table : tables()) {
			Set<String> fingerprints = new HashSet<>();
			for (Map<String, Object> row : jdbc.queryForList("select * from \"" + table + "\"")) {
				fingerprints.add(fingerprint(row));
			}
			rows.put(table, fingerprints);
		}
		return rows;
	}

	/** {@code TABLE.COLUMN} of every cell, text or bytes, of a row new or changed since {@code before}. */
	List<String> cellsWrittenSince(Map<String, Set<String>> before, Pattern needle) throws SQLException, IOException {
		List<String> found = new ArrayList<>();
		for (String table : tables()) {
			Set<String> old = before.getOrDefault(table, Set.of());
			for (Map<String, Object> row : jdbc.queryForList("select * from \"" + table + "\"")) {
				if (old.contains(fingerprint(row))) {
					continue;
				}
				for (Map.Entry<String, Object> cell : row.entrySet()) {
					if (needle.matcher(PersonalDataTests.text(cell.getValue())).find()) {
						found.add(table + "." + cell.getKey());
					}
				}
			}
		}
		return found;
	}

	static String fingerprint(Map<String, Object> row) throws SQLException, IOException {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (Object value : row.values()) {
				digest.update(PersonalDataTests.text(value).getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A run waiting for online authorization, its code-sending job done: the code is in the outbox. */
	private String runSendingItsCode(String phone) {
		String caseNo = proxyRuns.open(new NewProxyRun("钱九", "330825199001014569", phone, "muchen",
				"muchen-shuangdai", "ZM-0032", "minzheng", false), "window-minzheng-1").getCaseNo();
		managementService.executeJob(managementService.createJobQuery()
			.processInstanceId(runtimeService.createProcessInstanceQuery()
				.processInstanceBusinessKey(caseNo)
				.singleResult()
				.getId())
			.singleResult()
			.getId());
		return caseNo;
	}
}
