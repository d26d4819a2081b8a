package org.zhengpaopao.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.ErrorResponseException;
import org.zhengpaopao.IntegrationTest;
import org.zhengpaopao.TestNotifications.RecordingNotifier;
import org.zhengpaopao.system.InvalidInputException;

/**
 * The platform simulator's phone confirmation: the code that was texted opens a session, a wrong one costs one of
 * five tries, an old one is refused once the clock has moved past five minutes, and the code is kept only as a hash.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SimulatedPhoneCodesTests {

	@Autowired
	SimulatedPhoneCodes codes;

	@Autowired
	RecordingNotifier sms;

	@Autowired
	JdbcTemplate jdbc;

	@AfterEach
	void resetClock() {
		ClockUtil.reset();
	}

	@Test
	void shouldConfirmThePhoneWithTheTextedCodeAndKeepOnlyItsHash(CapturedOutput output) {
		String reference = codes.request("13905707701");
		String code = sms.lastCodeFor(reference);

		Map<String, Object> row = jdbc.queryForMap("select * from zpp_platform_sim_verification where reference = ?",
				reference);
		assertThat(row.values()).as("the verification's cells").noneMatch(v -> v != null && v.toString().contains(code));
		assertThat((String) row.get("CODE_HASH")).hasSize(64)
			.isEqualTo(SimulatedPhoneCodes.hash((String) row.get("CODE_SALT"), reference, code));
		assertThat(jdbc.queryForList("select template_params from zpp_notification where reference = ?", String.class,
				reference)).singleElement().asString().doesNotContain(code);
		assertThat(output.getAll()).doesNotContain(code);
		assertThat(sms.sent().stream().filter(m -> m.reference().equals(reference)).map(RecordingNotifier::rendered))
			.singleElement().isEqualTo("您正在省政务服务平台（演示）提交申请，验证码 " + code + "，5分钟内有效。");

		String token = codes.confirm(reference, code);

		assertThat(codes.session(token)).hasValueSatisfying(session -> assertThat(session.phone()).isEqualTo("13905707701"));
		assertThat(jdbc.queryForObject("select session_token_hash from zpp_platform_sim_verification where reference = ?",
				String.class, reference)).hasSize(64).isNotEqualTo(token);
		assertThatThrownBy(() -> codes.confirm(reference, code)).as("a code works once")
			.isInstanceOf(InvalidInputException.class);
		assertThat(codes.session("not-a-token")).isEmpty();
	}

	@Test
	void shouldCountWrongCodesAndRefuseTheRightOneAfterFive() {
		String reference = codes.request("13905707702");
		String code = sms.lastCodeFor(reference);
		String wrong = code.equals("000000") ? "111111" : "000000";

		for (int left = 4; left >= 0; left--) {
			assertThatThrownBy(() -> codes.confirm(reference, wrong)).isInstanceOf(InvalidInputException.class)
				.hasMessageContaining(left > 0 ? "还可再试" + left + "次" : "请重新获取验证码");
		}
		assertThat(jdbc.queryForObject("select attempts from zpp_platform_sim_verification where reference = ?",
				Integer.class, reference)).isEqualTo(5);
		assertThatThrownBy(() -> codes.confirm(reference, code)).isInstanceOfSatisfying(ErrorResponseException.class,
				e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
	}

	@Test
	void shouldRefuseACodeOlderThanFiveMinutes() {
		Instant now = Instant.now();
		ClockUtil.setCurrentTime(Date.from(now));
		String reference = codes.request("13905707703");
		String code = sms.lastCodeFor(reference);

		ClockUtil.setCurrentTime(Date.from(now.plus(SimulatedPhoneCodes.CODE_VALIDITY).plusSeconds(1)));

		assertThatThrownBy(() -> codes.confirm(reference, code)).isInstanceOf(InvalidInputException.class)
			.hasMessageContaining("验证码已过期");
	}

	@Test
	void shouldEndTheSessionAfterThirtyMinutes() {
		Instant now = Instant.now();
		ClockUtil.setCurrentTime(Date.from(now));
		String reference = codes.request("13905707704");
		String token = codes.confirm(reference, sms.lastCodeFor(reference));

		ClockUtil.setCurrentTime(Date.from(now.plus(SimulatedPhoneCodes.SESSION).minusSeconds(1)));
		assertThat(codes.session(token)).isPresent();
		ClockUtil.setCurrentTime(Date.from(now.plus(SimulatedPhoneCodes.SESSION).plus(Duration.ofSeconds(1))));
		assertThat(codes.session(token)).isEmpty();
	}

	@Test
	void shouldSendAPhoneAtMostFiveCodesAnHour() {
		for (int i = 0; i < SimulatedPhoneCodes.MAX_SENDS_PER_HOUR; i++) {
			codes.request("13905707705");
		}
		assertThatThrownBy(() -> codes.request("13905707705")).isInstanceOfSatisfying(ErrorResponseException.class,
				e -> assertThat(e.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS));
		assertThatThrownBy(() -> codes.request("1390570770")).isInstanceOf(InvalidInputException.class);
	}
}
