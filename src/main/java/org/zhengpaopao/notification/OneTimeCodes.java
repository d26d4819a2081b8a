package org.zhengpaopao.notification;

import java.util.Optional;

/**
 * Mints the one-time code of a text message when the outbox sends it (a template with a {@code code} parameter):
 * implemented by the feature the code belongs to, which keeps only the code's hash. Each attempt gets a fresh code,
 * so only a code that was handed to the gateway can be valid, and the outbox never holds one. Several features may
 * mint codes (the proxy-run's authorization, the platform simulator's phone confirmation): the outbox asks the one
 * that {@link #mints} the message's template.
 */
public interface OneTimeCodes {

	/** Whether the codes of {@code template}'s messages are this feature's. */
	boolean mints(SmsTemplate template);

	/**
	 * A fresh code for what {@code reference} names, whose hash is committed (and any earlier code void) before this
	 * returns; empty when no code is wanted any more (say, the authorization was given or has expired).
	 */
	Optional<String> mint(String reference);
}
