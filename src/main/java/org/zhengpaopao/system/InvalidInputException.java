package org.zhengpaopao.system;

/**
 * Input a clerk can correct: answered with 400 and a problem detail naming the field.
 */
public class InvalidInputException extends RuntimeException {

	private final String field;
	private final String messageZh;
	private final String messageEn;

	public InvalidInputException(String field, String messageZh, String messageEn) {
		super(field + ": " + messageZh + " / " + messageEn);
		this.field = field;
		this.messageZh = messageZh;
		this.messageEn = messageEn;
	}

	public String field() {
		return field;
	}

	public String bilingualMessage() {
		return messageZh + " / " + messageEn;
	}
}
