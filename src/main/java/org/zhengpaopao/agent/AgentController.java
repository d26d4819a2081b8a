package org.zhengpaopao.agent;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.zhengpaopao.system.InvalidInputException;
import org.zhengpaopao.window.CasePlans;

import io.swagger.v3.oas.annotations.Operation;

/**
 * The village agents' page's API: the agent's villages and their cases, the plans the window shows, taking a
 * villager's request with the photographed authorization (multipart) or by code (multipart or JSON), the villager's
 * code, and the result handed back. Another village's case does not exist for an agent.
 */
@RestController
@RequestMapping("/api/agent")
class AgentController {

	private static final String TAKE_DESCRIPTION = "Only for one of the agent's villages (`agents-<villageCode>`); the "
			+ "township is the village's. `authorization`: PHOTO with the multipart part `photo` (the signed paper "
			+ "authorization: JPEG, PNG or PDF by content, at most 10 MB; stored as a document of the case with its "
			+ "SHA-256, and the case opens authorized) or CODE (the villager gets the authorization text message and "
			+ "reads the code to the agent). Multipart: part `request` (JSON) and `photo`; JSON alone for CODE. "
			+ "The same Idempotency-Key again returns the case it took.";

	private final AgentDesk desk;
	private final VillageIntake intake;
	private final CasePlans plans;

	AgentController(AgentDesk desk, VillageIntake intake, CasePlans plans) {
		this.desk = desk;
		this.intake = intake;
		this.plans = plans;
	}

	@GetMapping("/desk")
	@Operation(summary = "村代办员工作台 / The agent's villages, their cases and the runs waiting for a villager's code",
			description = "Cases taken by the agents of the agent's villages, newest first; ID numbers masked.")
	AgentDesk.Desk desk(Authentication agent) {
		return desk.of(agent);
	}

	@GetMapping("/plans/matters/{matterCode}")
	@Operation(summary = "事项办理预览 / Every certificate a matter used to require, what happens to it now, and by when")
	CasePlans.MatterPlan matterPlan(@PathVariable String matterCode) {
		return plans.forMatter(matterCode);
	}

	@GetMapping("/plans/certificates/{certificateCode}")
	@Operation(summary = "代跑预览 / Who issues a proxy-run certificate and by when a runner delivers it")
	CasePlans.RunPlan runPlan(@PathVariable String certificateCode) {
		return plans.forCertificate(certificateCode);
	}

	@PostMapping(path = "/proxy-runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "村代办员受理代跑（可附授权委托书照片）/ An agent opens a proxy-run for a villager, with the photo",
			description = TAKE_DESCRIPTION)
	ResponseEntity<VillageIntake.Taken> openRun(@RequestPart("request") VillageIntake.RunRequest request,
			@RequestPart(name = "photo", required = false) MultipartFile photo,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, Authentication agent)
			throws IOException {
		return answer(intake.openRun(agent, request, photo(photo), key));
	}

	@PostMapping(path = "/proxy-runs", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "村代办员受理代跑（短信验证码授权）/ An agent opens a proxy-run authorized by code",
			description = TAKE_DESCRIPTION)
	ResponseEntity<VillageIntake.Taken> openRunByCode(@RequestBody VillageIntake.RunRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, Authentication agent) {
		return answer(intake.openRun(agent, request, null, key));
	}

	@PostMapping(path = "/applications", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@Operation(summary = "村代办员受理办件（可附授权委托书照片）/ An agent takes a case for a villager, with the photo",
			description = TAKE_DESCRIPTION)
	ResponseEntity<VillageIntake.Taken> takeApplication(@RequestPart("request") VillageIntake.ApplicationRequest request,
			@RequestPart(name = "photo", required = false) MultipartFile photo,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, Authentication agent)
			throws IOException {
		return answer(intake.takeApplication(agent, request, photo(photo), key));
	}

	@PostMapping(path = "/applications", consumes = MediaType.APPLICATION_JSON_VALUE)
	@Operation(summary = "村代办员受理办件（短信验证码授权）/ An agent takes a case authorized by code",
			description = TAKE_DESCRIPTION)
	ResponseEntity<VillageIntake.Taken> takeApplicationByCode(@RequestBody VillageIntake.ApplicationRequest request,
			@RequestHeader(name = "Idempotency-Key", required = false) String key, Authentication agent) {
		return answer(intake.takeApplication(agent, request, null, key));
	}

	@PostMapping("/authorizations/{caseNo}")
	@Operation(summary = "录入村民告知的授权验证码 / The agent enters the code the villager read out",
			description = "Only a run of the agent's villages waiting for its authorization. A wrong code counts an "
					+ "attempt, as on the public page; after the last one the code is used up (409).")
	Confirmation confirm(@PathVariable String caseNo, @RequestBody CodeRequest request, Authentication agent) {
		return new Confirmation(caseNo.strip(), desk.confirm(agent, caseNo, request.code()));
	}

	@PostMapping("/cases/{caseNo}/handed-back")
	@Operation(summary = "已交还村民 / The agent handed the result back to the villager",
			description = "A case once the window decided it, a run taken on its own once the using department signed "
					+ "for the certificate; once only (409 otherwise). Who and when are recorded.")
	AgentDesk.VillageCase handBack(@PathVariable String caseNo, Authentication agent) {
		return desk.handBack(agent, caseNo);
	}

	private static VillageIntake.Photo photo(MultipartFile photo) throws IOException {
		if (photo == null) {
			return null;
		}
		if (photo.isEmpty()) {
			throw new InvalidInputException("photo", "照片是空的，请重新拍照", "the photo is empty");
		}
		return new VillageIntake.Photo(photo.getOriginalFilename(), photo.getBytes());
	}

	private static ResponseEntity<VillageIntake.Taken> answer(VillageIntake.Taken taken) {
		return taken.created()
				? ResponseEntity.created(URI.create((taken.kind().equals("APPLICATION") ? "/api/applications/"
						: "/api/proxy-runs/") + taken.caseNo())).body(taken)
				: ResponseEntity.status(HttpStatus.OK).body(taken);
	}

	record CodeRequest(String code) {
	}

	record Confirmation(String caseNo, String message) {
	}
}
