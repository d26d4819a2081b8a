package org.zhengpaopao.platform;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.zhengpaopao.notification.CallbackMessage;
import org.zhengpaopao.notification.Notifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Tells the platform a case's new status through the outbox, in the transaction of the step that changed it: stored
 * with the step, delivered after its commit by {@link HttpPlatformCallbackSender}, retried, never holding up the case.
 */
@Component
class PlatformCallbacks {

	static final String TARGET = "platform";
	static final String ACCEPTED = "ACCEPTED";

	private final Notifier notifier;
	private final ObjectMapper json;
	private final Clock clock;

	PlatformCallbacks(Notifier notifier, ObjectMapper json, Clock clock) {
		this.notifier = notifier;
		this.json = json;
		this.clock = clock;
	}

	/** 受理: the case was taken; its status is the case's first. */
	void accepted(PlatformApplications.Status status) {
		send(ACCEPTED, "已受理", status);
	}

	/** A decision, a delivery, a refusal or an exceptional close: the event is the status. */
	void changed(PlatformApplications.Status status) {
		send(status.status(), status.statusName(), status);
	}

	private void send(String event, String statusName, PlatformApplications.Status status) {
		Map<String, Object> payload = new LinkedHashMap<>();
		payload.put("platformApplicationId", status.platformApplicationId());
		payload.put("caseNo", status.caseNo());
		payload.put("kind", status.kind());
		payload.put("status", event);
		payload.put("statusName", statusName);
		payload.put("occurredAt", clock.instant().toString());
		putIfPresent(payload, "decision", status.decision());
		putIfPresent(payload, "reason", shortened(status.reason()));
		putIfPresent(payload, "licenceNumber", status.licenceNumber());
		putIfPresent(payload, "certificateCopyUrl", status.certificateCopyUrl());
		try {
			notifier.send(new CallbackMessage(TARGET, event, json.writeValueAsString(payload), status.caseNo()));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("a map of strings always serializes", e);
		}
	}

	/** A reason is free text of at most 1000 characters; the payload stays well under the outbox's 2000. */
	private static String shortened(String reason) {
		return reason == null || reason.length() <= 500 ? reason : reason.substring(0, 499) + "…";
	}

	private static void putIfPresent(Map<String, Object> payload, String name, String value) {
		if (value != null) {
			payload.put(name, value);
		}
	}
}
