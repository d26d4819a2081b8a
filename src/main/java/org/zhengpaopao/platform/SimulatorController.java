package org.zhengpaopao.platform;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClientException;
import org.zhengpaopao.organization.Organization;
import org.zhengpaopao.personaldata.PhoneNumber;
import org.zhengpaopao.publicguard.PublicAttempts;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.system.NotFoundException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;

/**
 * What {@code /public/apply} calls: the platform simulator (demo profile only; without it these addresses are 404).
 * The applicant confirms the phone with a code, then submits; the simulator forwards the application to the county,
 * signed, and receives the county's signed status callbacks (docs/platform.md).
 */
@RestController
@ConditionalOnProperty(name = SimulatorConfiguration.ENABLED, havingValue = "true")
class SimulatorController {

	static final String BASE = "/public/api/platform-simulator";
	static final String SESSION = "X-Simulator-Session";
	/** How far the county's clock may be off: a callback signed longer ago is refused. */
	static final Duration CALLBACK_SKEW = Duration.ofMinutes(5);

	private static final Logger log = LoggerFactory.getLogger(SimulatorController.class);

	private final SimulatedPhoneCodes codes;
	private final SimulatedApplications applications;
	private final SimulatedCounty county;
	private final PublicAttempts attempts;
	private final Organization organization;
	private final ObjectMapper json;
	private final Clock clock;
	private final String appKey;
	private final String secret;

	SimulatorController(SimulatedPhoneCodes codes, SimulatedApplications applications, SimulatedCounty county,
			PublicAttempts attempts, Organization organization, ObjectMapper json, Clock clock,
			@Value("${zhengpaopao.platform.app-key}") String appKey, @Value("${zhengpaopao.platform.secret}") String secret) {
		this.codes = codes;
		this.applications = applications;
		this.county = county;
		this.attempts = attempts;
		this.organization = organization;
		this.json = json;
		this.clock = clock;
		this.appKey = appKey;
		this.secret = secret;
	}

	@PostMapping(BASE + "/codes")
	@Operation(summary = "模拟平台：发送手机验证码 / Platform simulator: text a code to the phone")
	ResponseEntity<CodeSent> sendCode(@RequestBody CodeRequest request) {
		String reference = codes.request(request.phone());
		return ResponseEntity.status(HttpStatus.ACCEPTED)
			.body(new CodeSent(reference, PhoneNumber.mask(request.phone().strip()),
					(int) SimulatedPhoneCodes.CODE_VALIDITY.toMinutes()));
	}

	@PostMapping(BASE + "/sessions")
	@Operation(summary = "模拟平台：核对验证码 / Platform simulator: check the code, open a session")
	Session confirm(@RequestBody Confirmation request, HttpServletRequest http) {
		// no case number here: the client's address is counted, with the code's own five tries
		var attempt = attempts.begin(null, http.getRemoteAddr());
		String token = codes.confirm(request.reference(), request.code());
		attempt.succeeded();
		return new Session(token, (int) SimulatedPhoneCodes.SESSION.toMinutes());
	}

	@GetMapping(BASE + "/divisions")
	@Operation(summary = "模拟平台：乡镇（街道）及其村（社区） / Platform simulator: townships and villages")
	List<Township> divisions() {
		return organization.townships()
			.stream()
			.map(t -> new Township(t.getCode(), t.getName(), organization.villagesOf(t.getCode())
				.stream()
				.map(v -> new Village(v.getCode(), v.getName()))
				.toList()))
			.toList();
	}

	@PostMapping(BASE + "/applications")
	@Operation(summary = "模拟平台：提交网上申请并转县里 / Platform simulator: submit, forwarded to the county signed")
	ResponseEntity<?> submit(@RequestHeader(name = SESSION, required = false) String token,
			@RequestBody Submission submission) {
		SimulatedPhoneCodes.Confirmed phone = codes.session(token).orElseThrow(SimulatorProblems::notConfirmed);
		String matterCode = required(submission.matterCode(), "matterCode", "请选择事项", 32);
		String platformId = applications.open(phone.id(), matterCode);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("platformApplicationId", platformId);
		body.put("kind", "APPLICATION");
		body.put("applicantType", submission.applicantType() == null ? "PERSON" : submission.applicantType());
		body.put("applicantName", submission.applicantName());
		body.put("idNumber", submission.idNumber());
		body.put("creditCode", submission.creditCode());
		body.put("contactName", submission.contactName());
		body.put("phone", phone.phone());
		body.put("townshipCode", submission.townshipCode());
		body.put("villageCode", submission.villageCode());
		body.put("matterCode", matterCode);
		body.put("requiredCertificates", List.of());
		body.put("commitments", submission.commitments() == null ? List.of() : submission.commitments());
		body.put("certificateCode", null);
		body.put("usingDepartmentCode", null);
		SimulatedCounty.Answer answer;
		try {
			answer = county.forward(body);
		}
		catch (RestClientException e) {
			applications.refused(platformId);
			log.warn("platform simulator: the county was not reached for {}: {}", platformId, e.getClass().getName());
			throw countyUnavailable();
		}
		if (answer.status().is2xxSuccessful() && answer.text("caseNo") != null) {
			applications.taken(platformId, answer.text("caseNo"), answer.text("status"), answer.text("statusName"));
			return ResponseEntity.status(HttpStatus.CREATED)
				.body(new Submitted(platformId, answer.text("caseNo"), answer.text("kind"), answer.text("status"),
						answer.text("statusName")));
		}
		applications.refused(platformId);
		if (answer.status().is4xxClientError()) {
			// the county's own words, in Chinese, and the fields it named
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_ENTITY,
					answer.text("detail") == null ? "县里未受理此申请 / the county did not take the application"
							: answer.text("detail"));
			problem.setTitle("县里未受理 / Refused by the county");
			problem.setProperty("countyStatus", answer.status().value());
			if (answer.body().get("errors") != null) {
				problem.setProperty("errors", answer.body().get("errors"));
			}
			return ResponseEntity.unprocessableEntity().body(problem);
		}
		log.warn("platform simulator: the county answered {} for {}", answer.status().value(), platformId);
		throw countyUnavailable();
	}

	@GetMapping(BASE + "/applications/{platformId}")
	@Operation(summary = "模拟平台：申请的最新状态 / Platform simulator: the latest status the county pushed")
	SimulatedApplications.Status status(@RequestHeader(name = SESSION, required = false) String token,
			@PathVariable String platformId) {
		SimulatedPhoneCodes.Confirmed phone = codes.session(token).orElseThrow(SimulatorProblems::notConfirmed);
		return applications.find(platformId, phone.id())
			.orElseThrow(() -> new NotFoundException("没有这个申请", "no such application"));
	}

	/** The county's status callback, signed the way the platform signs its requests. */
	@PostMapping(BASE + "/callbacks")
	@Operation(summary = "模拟平台：接收县里的状态回调（签名） / Platform simulator: the county's signed status callback")
	ResponseEntity<Void> callback(@RequestHeader(name = "X-Platform-AppKey", required = false) String key,
			@RequestHeader(name = "X-Platform-Timestamp", required = false) String timestamp,
			@RequestHeader(name = "X-Platform-Nonce", required = false) String nonce,
			@RequestHeader(name = "X-Platform-Signature", required = false) String signature,
			@RequestBody(required = false) byte[] body, HttpServletRequest http) {
		byte[] bytes = body == null ? new byte[0] : body;
		if (!appKey.equals(key) || !fresh(timestamp) || nonce == null
				|| !PlatformSignature.matches(secret, "POST", http.getRequestURI(), timestamp, nonce, bytes, signature)) {
			throw badSignature();
		}
		JsonNode status;
		try {
			status = json.readTree(new String(bytes, StandardCharsets.UTF_8));
		}
		catch (java.io.IOException e) {
			throw new InvalidInputException("body", "回调内容不是JSON", "the callback is not JSON");
		}
		String platformId = text(status, "platformApplicationId");
		if (platformId == null || text(status, "status") == null) {
			throw new InvalidInputException("platformApplicationId", "回调缺少申请编号或状态",
					"the callback names no application or status");
		}
		boolean known = applications.status(new SimulatedApplications.Status(platformId, text(status, "caseNo"),
				text(status, "status"), text(status, "statusName"), text(status, "decision"), text(status, "reason"),
				text(status, "licenceNumber"), instant(text(status, "occurredAt")), null));
		if (!known) {
			throw new NotFoundException("模拟平台没有这个申请：" + platformId, "the simulator sent no " + platformId);
		}
		return ResponseEntity.noContent().build();
	}

	private boolean fresh(String timestamp) {
		try {
			long sent = Long.parseLong(timestamp);
			return Math.abs(clock.millis() - sent) <= CALLBACK_SKEW.toMillis();
		}
		catch (NumberFormatException e) {
			return false;
		}
	}

	private static Instant instant(String text) {
		try {
			return text == null ? null : java.time.OffsetDateTime.parse(text).toInstant();
		}
		catch (DateTimeParseException e) {
			try {
				return Instant.parse(text);
			}
			catch (DateTimeParseException again) {
				return null;
			}
		}
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || value.isNull()) {
			return null;
		}
		String text = value.asText();
		return text.length() > 500 ? text.substring(0, 500) : text;
	}

	private static String required(String value, String field, String zh, int max) {
		String stripped = value == null ? "" : value.strip();
		if (stripped.isEmpty() || stripped.length() > max) {
			throw new InvalidInputException(field, zh, "required, at most " + max + " characters");
		}
		return stripped;
	}

	private static ErrorResponseException countyUnavailable() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"县里的系统暂时无法受理，请稍后再试 / the county's system is not answering; try again later");
		problem.setTitle("县里暂不可用 / County unavailable");
		return new ErrorResponseException(HttpStatus.BAD_GATEWAY, problem, null);
	}

	private static ErrorResponseException badSignature() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"回调签名无效 / the callback's signature is not valid");
		problem.setTitle("签名无效 / Bad signature");
		problem.setType(URI.create("https://zhengpaopao.org/problems/bad-signature"));
		return new ErrorResponseException(HttpStatus.UNAUTHORIZED, problem, null);
	}

	record CodeRequest(String phone) {
	}

	record CodeSent(String reference, String sentTo, int validMinutes) {
	}

	record Confirmation(String reference, String code) {
	}

	record Session(String token, int validMinutes) {
	}

	record Township(String code, String name, List<Village> villages) {
	}

	record Village(String code, String name) {
	}

	/** What the applicant filled in; the phone is the confirmed one, not typed again. */
	record Submission(String applicantType, String applicantName, String idNumber, String creditCode,
			String contactName, String townshipCode, String villageCode, String matterCode, List<String> commitments) {
	}

	record Submitted(String platformApplicationId, String caseNo, String kind, String status, String statusName) {
	}
}
