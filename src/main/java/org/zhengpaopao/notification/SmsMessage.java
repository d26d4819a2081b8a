package org.zhengpaopao.notification;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import org.zhengpaopao.personaldata.PhoneNumber;

/**
 * A text message to an applicant's phone: a provider template and its parameters. The parameters must carry no ID
 * number: adapters may log the rendered text, and the outbox stores the parameters. Nor do they ever carry a one-time
 * code: a template with a {@code code} parameter gets a code minted by {@link OneTimeCodes} each time the outbox
 * sends it, so that no code is stored or logged in clear (docs/adr/0005-one-time-codes.md).
 *
 * @param reference what the message is about (a case number), for the delivery log
 * @param parameters every parameter of the template but the code
 * @param code {@code null} but on the way from the outbox to the SMS gateway, where it is the minted code
 */
public record SmsMessage(String phone, SmsTemplate template, Map<String, String> parameters, String reference,
		String code) {

	/** How a one-time code shows wherever the message is stored, listed or logged. */
	public static final String CODE = "******";

	public SmsMessage {
		Objects.requireNonNull(template, "template");
		Set<String> expected = new java.util.HashSet<>(template.parameters());
		expected.remove(SmsTemplate.CODE_PARAMETER);
		if (!expected.equals(parameters.keySet())) {
			throw new IllegalArgumentException(
					"template " + template + " takes " + expected + ", not " + parameters.keySet());
		}
		parameters.forEach((name, value) -> Objects.requireNonNull(value, name));
		parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
		if (code != null && !template.carriesCode()) {
			throw new IllegalArgumentException("template " + template + " carries no code");
		}
	}

	public SmsMessage(String phone, SmsTemplate template, String reference, Map<String, String> parameters) {
		this(phone, template, parameters, reference, null);
	}

	public boolean carriesCode() {
		return template.carriesCode();
	}

	boolean codeMinted() {
		return code != null;
	}

	SmsMessage withCode(String minted) {
		return new SmsMessage(phone, template, parameters, reference, minted);
	}

	/** The rendered text with {@link #CODE} for a code: what may be stored, listed and logged. */
	public String text() {
		return template.render(withCodeAs(CODE));
	}

	/** What the applicant's phone shows: the code in its place. */
	String rendered() {
		return template.render(providerParameters());
	}

	/** The template's parameters as the provider gets them, the minted code included. */
	Map<String, String> providerParameters() {
		return codeMinted() ? withCodeAs(code) : parameters;
	}

	private Map<String, String> withCodeAs(String value) {
		if (!carriesCode()) {
			return parameters;
		}
		Map<String, String> all = new TreeMap<>(parameters);
		all.put(SmsTemplate.CODE_PARAMETER, value);
		return all;
	}

	/** Neither the phone nor a code, wherever a message ends up printed. */
	@Override
	public String toString() {
		return "SmsMessage[phone=" + PhoneNumber.mask(phone) + ", reference=" + reference + ", template=" + template
				+ ", text=" + text() + "]";
	}
}
