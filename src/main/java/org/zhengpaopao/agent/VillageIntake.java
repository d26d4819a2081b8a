package org.zhengpaopao.agent;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.zhengpaopao.applicant.Intake;
import org.zhengpaopao.application.Applications;
import org.zhengpaopao.application.NewApplication;
import org.zhengpaopao.document.Documents;
import org.zhengpaopao.document.StoredDocument;
import org.zhengpaopao.proxyrun.NewProxyRun;
import org.zhengpaopao.proxyrun.ProxyRuns;
import org.zhengpaopao.system.InvalidInputException;

/**
 * A villager's request taken by the village's agent: a proxy-run or a case (办件), for a person of the agent's own
 * village, through the same validated intake as a window's with the intake {@code AGENT}. With the photographed
 * paper authorization the case opens authorized and the photo is stored as a document of the case, in the same
 * transaction: a photo that is refused leaves no case behind, and a case that cannot be opened leaves no photo.
 */
@Service
class VillageIntake {

	private final AgentVillages villages;
	private final ProxyRuns proxyRuns;
	private final Applications applications;
	private final Documents documents;

	VillageIntake(AgentVillages villages, ProxyRuns proxyRuns, Applications applications, Documents documents) {
		this.villages = villages;
		this.proxyRuns = proxyRuns;
		this.applications = applications;
		this.documents = documents;
	}

	@Transactional
	Taken openRun(Authentication agent, RunRequest request, Photo photo, String idempotencyKey) {
		AgentVillages.Village village = villages.require(agent, request.villageCode());
		boolean byPhoto = byPhoto(request.authorization(), photo);
		var opening = proxyRuns.open(new NewProxyRun(request.applicantName(), request.idNumber(), request.phone(),
				village.townshipCode(), village.code(), request.certificateCode(), request.usingDepartmentCode(), byPhoto),
				Intake.agent(village.code()), idempotencyKey, agent.getName());
		String caseNo = opening.run().getCaseNo();
		return new Taken(caseNo, "PROXY_RUN", opening.created(), opening.run().isAuthorizedAtWindow(),
				photo(caseNo, byPhoto && opening.created(), photo, agent));
	}

	@Transactional
	Taken takeApplication(Authentication agent, ApplicationRequest request, Photo photo, String idempotencyKey) {
		AgentVillages.Village village = villages.require(agent, request.villageCode());
		boolean byPhoto = byPhoto(request.authorization(), photo);
		var taken = applications.take(new NewApplication(request.applicantName(), request.idNumber(), request.phone(),
				village.townshipCode(), village.code(), request.matterCode(), List.of(), request.commitments(), byPhoto),
				Intake.agent(village.code()), idempotencyKey, agent.getName());
		String caseNo = taken.application().getCaseNo();
		return new Taken(caseNo, "APPLICATION", taken.created(), taken.application().isAuthorizedAtWindow(),
				photo(caseNo, byPhoto && taken.created(), photo, agent));
	}

	private static boolean byPhoto(AgentAuthorization authorization, Photo photo) {
		if (authorization == null) {
			throw new InvalidInputException("authorization", "请选择授权方式：拍照上传授权委托书或短信验证码",
					"authorization is required: PHOTO or CODE");
		}
		if (authorization == AgentAuthorization.PHOTO && (photo == null || photo.content().length == 0)) {
			throw new InvalidInputException("photo", "请拍照上传村民签字的授权委托书",
					"a photo of the signed authorization is required");
		}
		if (authorization == AgentAuthorization.CODE && photo != null) {
			throw new InvalidInputException("photo", "短信验证码授权无需上传照片；已签纸质授权委托书请选择「拍照上传」",
					"no photo with authorization by code");
		}
		return authorization == AgentAuthorization.PHOTO;
	}

	/** Stores the photo now, or finds the one stored when the same request first opened the case. */
	private PhotoView photo(String caseNo, boolean store, Photo photo, Authentication agent) {
		StoredDocument stored = store ? documents.store(caseNo, photo.filename(), photo.content(), agent.getName())
				: documents.ofOwner(caseNo).stream().findFirst().orElse(null);
		return stored == null ? null : PhotoView.of(stored);
	}

	/** The uploaded photo of the signed authorization (or its PDF scan). */
	record Photo(String filename, byte[] content) {
	}

	/**
	 * @param villageCode one of the agent's villages; the township is the village's
	 */
	record RunRequest(String villageCode, String applicantName, String idNumber, String phone, String certificateCode,
			String usingDepartmentCode, AgentAuthorization authorization) {
	}

	/**
	 * @param commitments the certificates for which the villager signs the written commitment (告知承诺)
	 */
	record ApplicationRequest(String villageCode, String applicantName, String idNumber, String phone,
			String matterCode, List<String> commitments, AgentAuthorization authorization) {
	}

	/**
	 * @param authorized whether the case opened authorized (the photo); otherwise each proxy-run asks the villager
	 *                   for a code
	 */
	record Taken(String caseNo, String kind, boolean created, boolean authorized, PhotoView photo) {
	}

	record PhotoView(String kind, String kindLabel, String filename, long size, String sha256) {

		static PhotoView of(StoredDocument document) {
			return new PhotoView(document.kind().name(), document.kind().label(), document.filename(),
					document.size(), document.sha256());
		}
	}
}
