package org.zhengpaopao.system;

/**
 * Answered with 404. The message must not reveal whether something else exists.
 */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String messageZh, String messageEn) {
		super(messageZh + " / " + messageEn);
	}
}
