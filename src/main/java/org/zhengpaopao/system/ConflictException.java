package org.zhengpaopao.system;

/**
 * The request is well-formed but the case is not in a state that allows it: answered with 409.
 */
public class ConflictException extends RuntimeException {

	public ConflictException(String messageZh, String messageEn) {
		super(messageZh + " / " + messageEn);
	}
}
