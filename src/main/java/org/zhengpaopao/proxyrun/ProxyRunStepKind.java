package org.zhengpaopao.proxyrun;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a step of a run's history records: the only keys {@link ProxyRun} writes, and what the KPIs and supervision
 * read. The key is stored in {@code zpp_proxy_run_step.step}, so it never changes; a renamed constant keeps its key.
 */
public enum ProxyRunStepKind {

	ACCEPTED("accepted"),
	AUTHORIZED_AT_WINDOW("authorizedAtWindow"),
	AUTHORIZATION_CODE_SENT("authorizationCodeSent"),
	AUTHORIZED_ONLINE("authorizedOnline"),
	AUTHORIZATION_EXPIRED("authorizationExpired"),
	ROUTED("routed"),
	/** the runner took the request to the issuer (the key is the task's id, as it always was) */
	REQUESTED_FROM_ISSUER("fetchCertificate"),
	MORE_INFORMATION_NEEDED("moreInformationNeeded"),
	INFORMATION_SUPPLEMENTED("supplementInformation"),
	/** the issuing clerk stored the certificate as a file; a later file replaces it */
	CERTIFICATE_ATTACHED("certificateAttached"),
	/** the issuing clerk gave the electronic licence's number (电子证照编号) */
	LICENCE_RECORDED("licenceRecorded"),
	ISSUED("certificateIssued"),
	REFUSED("certificateRefused"),
	/** the runner handed it to the using department's window */
	HANDED_OVER("handedOver"),
	/** the window sent it back: not the right certificate */
	RETURNED("returnedByUsingDepartment"),
	/** the using department's window signed for it (before issue 22: the runner's delivery) */
	DELIVERED("proxyRunDelivered"),
	YELLOW_CARD("yellowCard"),
	RED_CARD("redCard"),
	ESCALATED_LEVEL_2("escalatedLevel2"),
	ESCALATED_LEVEL_3("escalatedLevel3"),
	URGED("urged"),
	TRANSFERRED("transferred"),
	ABSENCE_COVER("absenceCover"),
	DEADLINE_EXTENDED("deadlineExtended"),
	CLOSED_AS_EXCEPTION("closedAsException"),
	/** the village agent who took the run handed its result back to the villager */
	HANDED_BACK_IN_VILLAGE("handedBackInVillage");

	private static final Map<String, ProxyRunStepKind> BY_KEY = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(ProxyRunStepKind::key, Function.identity()));

	private final String key;

	ProxyRunStepKind(String key) {
		this.key = key;
	}

	/** as stored and as the API shows it */
	public String key() {
		return key;
	}

	/** @return null for a key this version never writes */
	static ProxyRunStepKind ofKey(String key) {
		return BY_KEY.get(key);
	}

	/** The process escalates to levels 2 and 3 (level 1 is the red card); no other level has a step. */
	static ProxyRunStepKind escalatedTo(int level) {
		return switch (level) {
			case 2 -> ESCALATED_LEVEL_2;
			case 3 -> ESCALATED_LEVEL_3;
			default -> throw new IllegalArgumentException("no escalation step for level " + level);
		};
	}
}
